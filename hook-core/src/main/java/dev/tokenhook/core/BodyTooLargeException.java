package dev.tokenhook.core;

/**
 * The request body is longer than the limit given to {@link TokenHookRequest#fromJson(java.io.InputStream, int)}:
 * answer 413. Checked, and not an {@link java.io.IOException}, so a caller cannot handle it by accident as
 * a read failure. Carries no stack trace (it is an expected outcome, not a bug) and no input.
 */
public final class BodyTooLargeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int limit;

    /** @param limit the most bytes accepted */
    BodyTooLargeException(int limit) {
        super("Request body exceeds " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    /** @return the most bytes accepted */
    public int limit() {
        return limit;
    }
}
