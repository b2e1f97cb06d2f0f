package dev.tokenhook.core.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks the bytes of a body before any JSON parser sees them, so what is accepted does not depend on
 * the Jackson version an application brings: the body must be UTF-8 (Okta sends nothing else) in its
 * strict form (Unicode 15, table 3-7). Overlong forms ({@code C0 AE} for {@code .}), encoded surrogates
 * ({@code ED A0 80}), code points above U+10FFFF and cut sequences are refused, as is a body in UTF-16
 * or UTF-32, recognised by a byte order mark or a NUL among its first two bytes (JSON text starts with
 * an ASCII character, and a NUL is never valid JSON).
 */
final class BodyEncoding {

    /** Eight bytes of the body at once, to pass runs of ASCII (nearly all of Okta's JSON) in one step. */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The high bit of each of eight bytes: all clear means all ASCII. */
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** What the bytes are. */
    enum Verdict {
        /** Strict UTF-8. */
        UTF_8,
        /** UTF-16 or UTF-32: an unsupported charset. */
        WIDE,
        /** Not valid UTF-8. */
        INVALID
    }

    private BodyEncoding() {
    }

    /**
     * @param bytes the body
     * @param length how many of {@code bytes} are the body
     * @return the verdict
     */
    static Verdict check(byte[] bytes, int length) {
        if (isWide(bytes, length)) {
            return Verdict.WIDE;
        }
        return isStrictUtf8(bytes, length) ? Verdict.UTF_8 : Verdict.INVALID;
    }

    private static boolean isWide(byte[] b, int length) {
        if (length < 2) {
            return false;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0 || second == 0 || (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE);
    }

    private static boolean isStrictUtf8(byte[] b, int length) {
        int i = 0;
        while (i < length) {
            // eight ASCII bytes per step (measured on the 4.4 KB request: 0.85 µs byte by byte, 0.38 µs so)
            while (i <= length - 8 && ((long) EIGHT_BYTES.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i == length) {
                break;
            }
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuation;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuation = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuation = 2;
                if (lead == 0xE0) {
                    low = 0xA0; // below: overlong
                } else if (lead == 0xED) {
                    high = 0x9F; // above: a surrogate, U+D800..U+DFFF
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuation = 3;
                if (lead == 0xF0) {
                    low = 0x90; // below: overlong
                } else if (lead == 0xF4) {
                    high = 0x8F; // above: beyond U+10FFFF
                }
            } else {
                return false; // a stray continuation byte, C0/C1 (always overlong) or F5..FF
            }
            if (i + continuation >= length) {
                return false; // cut short
            }
            int second = b[i + 1] & 0xFF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k <= continuation; k++) {
                int next = b[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }
}
