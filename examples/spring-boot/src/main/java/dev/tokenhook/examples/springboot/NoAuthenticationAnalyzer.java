package dev.tokenhook.examples.springboot;

import dev.tokenhook.core.auth.MissingAuthenticationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Boot's "APPLICATION FAILED TO START" report for a start with neither a secret nor OAuth 2.0, in the
 * environment variables this example documents (ahead of hook-spring's report, which names the keys).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class NoAuthenticationAnalyzer implements FailureAnalyzer {

    static final String ACTION = "Set TOKENHOOK_AUTH_SECRET to the exact Authorization header value Okta sends, "
            + "or TOKENHOOK_AUTH_OAUTH2_ISSUER and TOKENHOOK_AUTH_OAUTH2_AUDIENCE for Okta's OAuth 2.0 bearer tokens.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingAuthenticationException e) {
                return new FailureAnalysis("The token hook has no authentication (neither TOKENHOOK_AUTH_SECRET nor "
                        + "TOKENHOOK_AUTH_OAUTH2_ISSUER is set), so it refuses to start.", ACTION, e);
            }
        }
        return null;
    }
}
