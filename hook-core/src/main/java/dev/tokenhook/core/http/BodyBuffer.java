package dev.tokenhook.core.http;

import java.util.Arrays;

/**
 * A request body as it arrives, never more than the limit: the array is sized to the declared length
 * when there is one (already checked against the limit) and otherwise grows by doubling up to the limit.
 * Not thread-safe: one reader at a time.
 */
final class BodyBuffer {

    private static final int FIRST_CHUNK = 8 * 1024;
    private static final byte[] EMPTY = {};

    private final int limit;
    private final long declaredLength;
    private byte[] bytes;
    private int length;

    /**
     * @param limit the most bytes held
     * @param declaredLength the {@code Content-Length}, at most {@code limit}, or -1 when unknown
     */
    BodyBuffer(int limit, long declaredLength) {
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    /** @return false, keeping nothing of {@code chunk}, when it would take the body over the limit */
    boolean append(byte[] chunk, int offset, int count) {
        if (count > limit - length) {
            return false;
        }
        if (bytes == null) {
            bytes = new byte[declaredLength >= 0 ? (int) Math.max(declaredLength, count)
                    : Math.min(limit, Math.max(FIRST_CHUNK, count))];
        } else if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(2L * bytes.length, length + count)));
        }
        System.arraycopy(chunk, offset, bytes, length, count);
        length += count;
        return true;
    }

    BodyEncoding.Verdict encoding() {
        return BodyEncoding.check(bytes == null ? EMPTY : bytes, length);
    }

    /** @return the body, exactly (the array itself when it was sized to the declared length, else a copy) */
    byte[] bytes() {
        if (bytes == null) {
            return EMPTY;
        }
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
