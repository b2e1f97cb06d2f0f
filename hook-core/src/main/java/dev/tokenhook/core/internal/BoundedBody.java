package dev.tokenhook.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a request body without ever holding more than the limit plus one byte. */
public final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * @param in the body
     * @param limit the most bytes accepted
     * @return the body, or {@code null} if it is longer than the limit
     * @throws IOException if reading fails
     */
    public static byte[] read(InputStream in, int limit) throws IOException {
        byte[] buffer = new byte[Math.min(limit + 1, 8192)];
        int length = 0;
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
