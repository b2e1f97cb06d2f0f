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

    /** Open addressing by {@link String#hashCode()}, at most a quarter full. */
    private static final String[] TABLE;

    static {
        int max = 0;
        String[] table = new String[Integer.highestOneBit(VALUES.length * 4 - 1) * 2];
        for (String value : VALUES) {
            max = Math.max(max, value.length());
            int slot = slot(value.hashCode(), table.length);
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
     * @param chars the parser's text buffer
     * @param offset where the text starts
     * @param length its length, at most {@link #MAX_LENGTH}
     * @return the shared string equal to that text, or {@code null} if it is not a known value
     */
    static String find(char[] chars, int offset, int length) {
        return find(chars, offset, length, hash(chars, offset, length));
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
            if (known.hashCode() == hash && sameText(known, chars, offset, length)) {
                return known;
            }
        }
    }

    /** @return what {@link String#hashCode()} gives for the text */
    static int hash(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        return hash;
    }

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
