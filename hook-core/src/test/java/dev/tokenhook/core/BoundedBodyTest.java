package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The body is read whole up to the limit, whatever Content-Length claims. */
class BoundedBodyTest {

    @Seeded(10)
    void readsTheBodyWhateverTheDeclaredLength(long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < 50; i++) {
            int size = random.nextInt(20_001);
            int declared = random.nextInt(20_002) - 1;
            int limit = 1 + random.nextInt(20_000);
            int chunk = 1 + random.nextInt(5000);
            byte[] body = bytes(size);

            byte[] read = BoundedBody.read(trickle(body, chunk), limit, declared);

            if (size > limit) {
                assertThat(read).as("size %d, declared %d, limit %d", size, declared, limit).isNull();
            } else {
                assertThat(read).as("size %d, declared %d, limit %d", size, declared, limit).isEqualTo(body);
            }
        }
    }

    @Test
    void exactDeclaredLengthIsReadWithoutACopy() throws IOException {
        byte[] body = bytes(4437);

        byte[] read = BoundedBody.read(new ByteArrayInputStream(body), 256 * 1024, body.length);

        assertThat(read).isEqualTo(body).hasSize(4437);
    }

    @Test
    void longerThanDeclaredAndOverTheLimitIsRefused() throws IOException {
        assertThat(BoundedBody.read(new ByteArrayInputStream(bytes(101)), 100, 100)).isNull();
        assertThat(BoundedBody.read(new ByteArrayInputStream(bytes(100)), 100, 100)).hasSize(100);
        assertThat(BoundedBody.read(new ByteArrayInputStream(bytes(100)), 100, 10)).hasSize(100);
        assertThat(BoundedBody.read(new ByteArrayInputStream(bytes(0)), 100, 0)).isEmpty();
        assertThat(BoundedBody.read(new ByteArrayInputStream(bytes(5)), 100, 0)).hasSize(5);
    }

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        Arrays.setAll(new Object[size], i -> body[i] = (byte) (i * 31 + 7));
        return body;
    }

    /** Hands out at most {@code chunk} bytes per read, as a network stream does. */
    private static InputStream trickle(byte[] body, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
