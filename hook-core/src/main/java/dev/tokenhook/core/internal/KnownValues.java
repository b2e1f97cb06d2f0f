package dev.tokenhook.core.internal;

/**
 * String values that recur in every token inline hook request (the event type, protocol names, session
 * states, response types, scope actions...): the decoder hands out these shared instances instead of a new
 * string per occurrence. Found from the parser's characters, without making a string first. Immutable.
 */
final class KnownValues {

    /** Longest value in the table: longer text is never looked up. */
    static final int MAX_LENGTH;

    private static final String[] VALUES = {
        // envelope
        "com.okta.oauth2.tokens.transform", "1.0", "0.1", "application/json",
        // data.context.request.method
        "GET", "POST",
        // protocol
        "OAUTH2.0", "PUBLIC", "CONFIDENTIAL",
        // protocol.request parameters
        "code", "token", "id_token", "token id_token", "id_token token", "code id_token", "code token",
        "code id_token token", "query", "fragment", "form_post", "okta_post_message", "authorization_code",
        "refresh_token", "client_credentials", "implicit", "password", "S256", "openid",
        // session
        "ACTIVE", "PASSWORD", "OTP", "SMS", "EMAIL", "OKTA", "FEDERATION",
        // access.scopes.*.action
        "GRANT",
        // common claim values: amr, locales
        "pwd", "mfa", "otp", "sms", "swk", "hwk", "kba", "fpt", "face", "user", "pop", "en_US", "en-US",
    };

    /** Open addressing by {@link #hash(char[], int, int)}, at most a quarter full. */
    private static final String[] TABLE;

    static {
        int max = 0;
        String[] table = new String[Integer.highestOneBit(VALUES.length * 4 - 1) * 2];
        for (String value : VALUES) {
            max = Math.max(max, value.length());
            char[] chars = value.toCharArray();
            int slot = slot(hash(chars, 0, chars.length), table.length);
            while (table[slot] != null) {
                if (table[slot].equals(value)) {
                    throw new ExceptionInInitializerError("repeated known value: " + value);
                }
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = value;
        }
        TABLE = table;
        MAX_LENGTH = max;
    }

    private KnownValues() {
    }

    static int slot(int hash, int length) {
        return (hash ^ (hash >>> 16)) & (length - 1);
    }

    /**
     * A hash of the text that costs the same whatever its length: the length and four of its characters
     * (first, last, middle, first quarter). Enough to tell the known values apart (the table is at most a
     * quarter full); the text is compared before a value is handed out.
     *
     * @param chars characters
     * @param offset where the text starts
     * @param length its length
     * @return the hash
     */
    static int hash(char[] chars, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int hash = length;
        hash = 31 * hash + chars[offset];
        hash = 31 * hash + chars[offset + length - 1];
        hash = 31 * hash + chars[offset + (length >> 1)];
        return 31 * hash + chars[offset + (length >> 2)];
    }

    /**
     * @param chars the parser's text buffer
     * @param offset where the text starts
     * @param length its length, at most {@link #MAX_LENGTH}
     * @param hash {@link #hash(char[], int, int)} of the text
     * @return the shared string equal to that text, or {@code null} if it is not a known value
     */
    static String find(char[] chars, int offset, int length, int hash) {
        for (int slot = slot(hash, TABLE.length); ; slot = (slot + 1) & (TABLE.length - 1)) {
            String known = TABLE[slot];
            if (known == null) {
                return null;
            }
            if (sameText(known, chars, offset, length)) {
                return known;
            }
        }
    }

    /** @return whether the string holds exactly that text */
    static boolean sameText(String known, char[] chars, int offset, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
