package dev.tokenhook.core;

import java.io.IOException;
import java.io.InputStream;

/**
 * The request body as the JSON parser reads it: never more than the limit plus one byte from the
 * underlying stream, and it remembers why it stopped, so {@link RequestDecoder} can tell "too large" and
 * "the stream failed" from a decoding error whatever the parser makes of the exception. Closing it does not
 * close the underlying stream (the adapter owns that, as when the body was read into an array).
 */
final class BoundedInput extends InputStream {

    /** Thrown through the parser when the limit is passed; never leaves {@link RequestDecoder}. */
    static final class LimitPassed extends IOException {
        private static final long serialVersionUID = 1L;

        LimitPassed() {
            super("limit passed", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final InputStream in;
    private final int limit;
    private long count;
    private boolean limitPassed;
    private IOException failure;

    BoundedInput(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        checkOpen();
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkOpen();
        if (length == 0) {
            return 0;
        }
        // At most one byte past the limit is ever asked for: enough to know the body is too long.
        int wanted = (int) Math.min(length, limit + 1L - count);
        int read;
        try {
            read = in.read(buffer, offset, wanted);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    private void checkOpen() throws IOException {
        if (limitPassed) {
            throw new LimitPassed();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void counted(int read) throws LimitPassed {
        count += read;
        if (count > limit) {
            limitPassed = true;
            throw new LimitPassed();
        }
    }

    /** @return bytes read from the underlying stream so far */
    long count() {
        return count;
    }

    /** @return whether the body turned out longer than the limit */
    boolean limitPassed() {
        return limitPassed;
    }

    /** @return the exception the underlying stream threw, if it did */
    IOException failure() {
        return failure;
    }

    /**
     * Reads what is left of the body, up to one byte past the limit, so that a body refused for its content
     * is still reported as too large or unreadable first, as when the whole body was read before decoding.
     * Allocates its buffer: only refused requests come here.
     */
    void drain() {
        if (limitPassed || failure != null) {
            return;
        }
        byte[] skip = new byte[(int) Math.min(8192, limit + 1L - count)];
        try {
            while (read(skip, 0, skip.length) > 0) {
                // discard
            }
        } catch (IOException e) {
            // recorded in limitPassed or failure
        }
    }

    @Override
    public void close() {
        // the adapter owns the underlying stream
    }
}
