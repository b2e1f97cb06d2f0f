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
            + "the tokenhook.auth.header.name header (default Authorization), e.g. through the environment variable "
            + "TOKENHOOK_AUTH_HEADER_SECRETS, which Boot binds to it (unset, no secret is configured; a placeholder "
            + "with an empty default would be a blank secret, refused even with OAuth 2.0); and/or set "
            + "tokenhook.auth.oauth2.issuer and tokenhook.auth.oauth2.audience (TOKENHOOK_AUTH_OAUTH2_ISSUER, "
            + "TOKENHOOK_AUTH_OAUTH2_AUDIENCE) for Okta's OAuth 2.0 bearer tokens; or define a HookAuthenticator bean. "
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
