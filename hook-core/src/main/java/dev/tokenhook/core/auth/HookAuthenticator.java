package dev.tokenhook.core.auth;

import java.util.List;
import java.util.function.Function;

/**
 * Decides whether a hook call comes from Okta. Implementations must be thread-safe and must never log
 * or return the credential itself. The endpoint answers 401, without detail, when this fails.
 */
@FunctionalInterface
public interface HookAuthenticator {

    /**
     * @param headers the call's headers
     * @return the outcome
     */
    AuthResult authenticate(HookHeaders headers);

    /**
     * As {@link #authenticate(HookHeaders)}, finished by a deadline: an authenticator that waits for
     * anything (a key fetch) gives up by then and refuses. The endpoint calls this form with the end of
     * the call's time budget.
     *
     * @param headers the call's headers
     * @param deadlineNanos the {@link System#nanoTime()} by which to decide
     * @return the outcome
     */
    default AuthResult authenticate(HookHeaders headers, long deadlineNanos) {
        return authenticate(headers);
    }

    /**
     * @param authenticators alternatives, e.g. OAuth 2.0 during a migration from a shared secret
     * @return an authenticator that accepts a call any of them accepts
     */
    static HookAuthenticator anyOf(List<HookAuthenticator> authenticators) {
        List<HookAuthenticator> all = List.copyOf(authenticators);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("anyOf needs at least one authenticator");
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return new HookAuthenticator() {
            @Override
            public AuthResult authenticate(HookHeaders headers) {
                return firstAccepting(all, authenticator -> authenticator.authenticate(headers));
            }

            @Override
            public AuthResult authenticate(HookHeaders headers, long deadlineNanos) {
                return firstAccepting(all, authenticator -> authenticator.authenticate(headers, deadlineNanos));
            }
        };
    }

    private static AuthResult firstAccepting(List<HookAuthenticator> all, Function<HookAuthenticator, AuthResult> attempt) {
        StringBuilder reasons = new StringBuilder();
        for (HookAuthenticator authenticator : all) {
            AuthResult result = attempt.apply(authenticator);
            if (result.authenticated()) {
                return result;
            }
            reasons.append(reasons.length() == 0 ? "" : "; ").append(result.detail());
        }
        return AuthResult.failure(reasons.toString());
    }
}
