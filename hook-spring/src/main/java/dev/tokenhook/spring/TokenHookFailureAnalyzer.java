package dev.tokenhook.spring;

import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.config.ConfigException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns hook-core's configuration failures into Boot's "APPLICATION FAILED TO START" report: each key, where
 * its value came from, what is wrong (never a secret's value) and what to do.
 */
final class TokenHookFailureAnalyzer implements FailureAnalyzer {

    static final String NO_AUTHENTICATION_ACTION = "Set tokenhook.auth.header.secrets to the secret Okta sends in "
            + "the tokenhook.auth.header.name header (default Authorization), e.g. "
            + "tokenhook.auth.header.secrets=${TOKENHOOK_AUTH_SECRET:} and that environment variable; or set "
            + "tokenhook.auth.oauth2.issuer and tokenhook.auth.oauth2.audience; or define a HookAuthenticator bean. "
            + "Only for tests or a network where nothing but Okta can reach the hook: set "
            + "tokenhook.auth.allow-unauthenticated=true.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException e) {
                return new FailureAnalysis(e.getMessage(), e.action(), e);
            }
            if (cause instanceof MissingAuthenticationException e) {
                return new FailureAnalysis(e.getMessage() + ". Anyone who can reach the hook could shape your "
                        + "tokens' claims, so it refuses to start.", NO_AUTHENTICATION_ACTION, e);
            }
        }
        return null;
    }
}
