package dev.tokenhook.core.auth;

import dev.tokenhook.core.TokenHookException;

/**
 * An endpoint was to be built without any way to tell Okta's calls from anyone else's, and
 * unauthenticated calls were not explicitly allowed. Adapters turn it into a clear startup failure.
 */
public final class MissingAuthenticationException extends TokenHookException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the standard message naming the settings to use. */
    public MissingAuthenticationException() {
        super("The token hook endpoint has no authentication: set tokenhook.auth.header.secrets or "
                + "tokenhook.auth.oauth2.issuer, or explicitly allow unauthenticated calls "
                + "(tokenhook.auth.allow-unauthenticated=true)");
    }
}
