package dev.tokenhook.core.auth;

/**
 * The outcome of authenticating one call.
 *
 * @param authenticated whether the caller proved it is Okta
 * @param detail why not, for logs only (never a secret or a token); or who, when authenticated
 */
public record AuthResult(boolean authenticated, String detail) {

    /**
     * @param who a description of the caller for logs, e.g. the header name that matched
     * @return a success
     */
    public static AuthResult success(String who) {
        return new AuthResult(true, who);
    }

    /**
     * @param why the reason for logs; never a secret or a token
     * @return a failure
     */
    public static AuthResult failure(String why) {
        return new AuthResult(false, why);
    }
}
