package dev.tokenhook.core.auth;

import java.util.List;

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
        return headers -> {
            StringBuilder reasons = new StringBuilder();
            for (HookAuthenticator authenticator : all) {
                AuthResult result = authenticator.authenticate(headers);
                if (result.authenticated()) {
                    return result;
                }
                reasons.append(reasons.length() == 0 ? "" : "; ").append(result.detail());
            }
            return AuthResult.failure(reasons.toString());
        };
    }
}
