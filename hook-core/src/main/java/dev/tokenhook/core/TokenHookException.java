package dev.tokenhook.core;

/** Base of every exception tokenhook throws on purpose. Unchecked, with a message safe to log. */
public class TokenHookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong; never contains a claim value or a secret
     */
    public TokenHookException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong; never contains a claim value or a secret
     * @param cause the underlying failure
     */
    public TokenHookException(String message, Throwable cause) {
        super(message, cause);
    }
}
