package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenHookException;

/**
 * A rule tried to write something no token inline hook response may contain, whatever the request:
 * an empty claim name, a value that is not JSON, a lifetime out of Okta's range. Thrown at once, where
 * the rule wrote it.
 */
public final class InvalidPatchException extends TokenHookException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong; names the path, never the value
     */
    public InvalidPatchException(String message) {
        super(message);
    }
}
