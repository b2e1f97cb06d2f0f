package dev.tokenhook.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body into an array without ever holding more than the limit plus one byte: what the
 * endpoint did before it decoded straight from the stream, kept as the oracle {@link StreamDecodeTest}
 * compares {@link RequestDecoder#decode(java.io.InputStream, int)} with.
 */
public final class BoundedBody {

    private static final int FIRST_BUFFER = 8192;

    private BoundedBody() {
    }

    /**
     * @param in the body
     * @param limit the most bytes accepted
     * @return the body, or {@code null} if it is longer than the limit
     * @throws IOException if reading fails
     */
    public static byte[] read(InputStream in, int limit) throws IOException {
        return read(in, limit, -1);
    }

    /**
     * Reads the body into an array of exactly the declared length when one is given and within the limit
     * (only authenticated callers get this far), so the usual request is read with one allocation and no
     * copy; a body that turns out shorter or longer than declared is still read correctly.
     *
     * @param in the body
     * @param limit the most bytes accepted
     * @param declaredLength the {@code Content-Length}, or -1 if unknown
     * @return the body, or {@code null} if it is longer than the limit
     * @throws IOException if reading fails
     */
    public static byte[] read(InputStream in, int limit, long declaredLength) throws IOException {
        if (declaredLength >= 0 && declaredLength <= limit) {
            byte[] exact = new byte[(int) declaredLength];
            int length = in.readNBytes(exact, 0, exact.length);
            if (length < exact.length) {
                return Arrays.copyOf(exact, length); // ended before the declared length
            }
            int next = in.read();
            if (next < 0) {
                return exact;
            }
            if (length + 1 > limit) {
                return null;
            }
            byte[] buffer = Arrays.copyOf(exact, Math.min(limit + 1, Math.max(FIRST_BUFFER, length * 2 + 1)));
            buffer[length] = (byte) next;
            return readRest(in, limit, buffer, length + 1);
        }
        return readRest(in, limit, new byte[Math.min(limit + 1, FIRST_BUFFER)], 0);
    }

    private static byte[] readRest(InputStream in, int limit, byte[] start, int startLength) throws IOException {
        byte[] buffer = start;
        int length = startLength;
        while (true) {
            if (length == buffer.length) {
                if (length > limit) {
                    return null;
                }
                buffer = Arrays.copyOf(buffer, Math.min(limit + 1, buffer.length * 2));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            }
            length += read;
            if (length > limit) {
                return null;
            }
        }
    }
}
