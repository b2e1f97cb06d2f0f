package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenType;

/**
 * One reason Okta would discard a patch, found before sending it.
 *
 * @param token the token the operation is for
 * @param path the operation's path
 * @param kind which of Okta's rules it breaks
 * @param message a human explanation; names claims and paths, never values
 */
public record PatchViolation(TokenType token, String path, Kind kind, String message) {

    /** The rules Okta enforces on a patch (SPEC §6) plus the library's own conflict rule. */
    public enum Kind {
        /** The claim is reserved for this token. */
        RESERVED_CLAIM,
        /** A command for a token Okta is not minting in this request. */
        TOKEN_NOT_MINTED,
        /** replace/remove of a claim, member or element that is not in the request's token. */
        TARGET_MISSING,
        /** A nested operation whose parent object or array is not in the request's token. */
        PARENT_MISSING,
        /** An array index outside the array, or a segment that is not an index on an array. */
        INVALID_INDEX,
        /** {@code -} (append) onto a claim or member that is not an array in the request's token. */
        NOT_AN_ARRAY,
        /** Two operations on the same or overlapping paths, whose outcome would depend on order. */
        CONFLICTING_OPERATIONS,
        /** The encoded response would not be under 256,000 bytes (Okta: less than 256 KB). */
        RESPONSE_TOO_LARGE
    }

    @Override
    public String toString() {
        return kind + " " + token.label() + " " + path + ": " + message;
    }
}
