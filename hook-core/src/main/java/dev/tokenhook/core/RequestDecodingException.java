package dev.tokenhook.core;

/**
 * The request body is not a token inline hook request this library can read. The message names where
 * the problem is (a JSON path such as {@code data.identity.claims}) but never repeats the input.
 */
public final class RequestDecodingException extends TokenHookException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message where and what the problem is, without echoing input
     * @param cause the parser's exception (its message may quote input: do not show it to callers)
     */
    public RequestDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message where and what the problem is, without echoing input
     */
    public RequestDecodingException(String message) {
        super(message);
    }
}
