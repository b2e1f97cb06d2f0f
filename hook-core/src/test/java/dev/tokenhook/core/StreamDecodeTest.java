package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RequestDecoder#decode(InputStream, int)} gives what reading the body with {@link BoundedBody} and
 * then {@link RequestDecoder#decode(byte[])} gives: the same request, the same refusal, "too large" and
 * read failures told apart, and never more than the limit plus one byte read.
 */
class StreamDecodeTest {

    private static final byte[] FULL = SampleRequests.fullBytes();

    /** What the endpoint did before: the outcome as a comparable value. */
    private static Object viaArray(InputStream in, int limit) {
        byte[] body;
        try {
            body = BoundedBody.read(in, limit);
        } catch (IOException e) {
            return e;
        }
        if (body == null) {
            return "too large";
        }
        try {
            return RequestDecoder.decode(body);
        } catch (RequestDecodingException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static Object viaStream(InputStream in, int limit) {
        try {
            return RequestDecoder.decode(in, limit);
        } catch (BodyTooLargeException e) {
            assertThat(e.limit()).isEqualTo(limit);
            return "too large";
        } catch (IOException e) {
            return e;
        } catch (RequestDecodingException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void decodesTheSameRequestAsTheArray() throws Exception {
        assertThat(RequestDecoder.decode(new ByteArrayInputStream(FULL), FULL.length))
                .isEqualTo(RequestDecoder.decode(FULL));
    }

    @Test
    void decodesEveryJsonEncodingAsTheArrayDoes() throws Exception {
        String text = SampleRequests.FULL;
        for (Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"))) {
            byte[] body = text.getBytes(charset);

            assertThat(RequestDecoder.decode(new Trickle(body, 3), body.length))
                    .as(charset.name()).isEqualTo(RequestDecoder.decode(body)).isEqualTo(RequestDecoder.decode(FULL));
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsDecodedAndOneByteMoreIsTooLarge() throws Exception {
        Counting exact = new Counting(new ByteArrayInputStream(FULL));
        assertThat(RequestDecoder.decode(exact, FULL.length)).isEqualTo(RequestDecoder.decode(FULL));
        assertThat(exact.read).isEqualTo(FULL.length);

        Counting over = new Counting(new ByteArrayInputStream(FULL));
        assertThatThrownBy(() -> RequestDecoder.decode(over, FULL.length - 1))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("Request body exceeds " + (FULL.length - 1) + " bytes");
        assertThat(over.read).isEqualTo(FULL.length);
    }

    @Test
    void neverReadsMoreThanTheLimitPlusOneByte() {
        // A valid object followed by endless whitespace: decoding would go on reading for ever.
        InputStream endless = new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < 2 ? "{}".charAt(at++) : ' ';
            }
        };
        Counting counting = new Counting(endless);

        assertThatThrownBy(() -> RequestDecoder.decode(counting, 10_000)).isInstanceOf(BodyTooLargeException.class);
        assertThat(counting.read).isEqualTo(10_001);
    }

    @Test
    void aBodyThatIsTooLargeIsTooLargeEvenWhenItsBeginningIsMalformed() {
        byte[] body = ("{\"eventId\": nope" + " ".repeat(20_000) + "}").getBytes(StandardCharsets.UTF_8);
        Counting counting = new Counting(new ByteArrayInputStream(body));

        assertThatThrownBy(() -> RequestDecoder.decode(counting, 10_000)).isInstanceOf(BodyTooLargeException.class);
        assertThat(counting.read).isEqualTo(10_001);
        assertThat(viaArray(new ByteArrayInputStream(body), 10_000)).isEqualTo("too large");
    }

    @Test
    void aReadFailureIsTheStreamsOwnException() {
        IOException failure = new IOException("connection reset");

        assertThatThrownBy(() -> RequestDecoder.decode(failingAfter(FULL, 100, failure), FULL.length))
                .isSameAs(failure);
        // also when what came before is already undecodable, as when the body was read first
        byte[] malformed = "{\"eventId\": nope, \"data\": {}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RequestDecoder.decode(failingAfter(malformed, 20, failure), 10_000))
                .isSameAs(failure);
    }

    @Test
    void anEmptyBodyIsRefusedAsEmpty() {
        assertThatThrownBy(() -> RequestDecoder.decode(InputStream.nullInputStream(), 100))
                .isInstanceOf(RequestDecodingException.class).hasMessage("Request body is empty");
        assertThatThrownBy(() -> RequestDecoder.decode(InputStream.nullInputStream(), 0))
                .isInstanceOf(RequestDecodingException.class).hasMessage("Request body is empty");
    }

    @Test
    void doesNotCloseTheStream() throws Exception {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(FULL) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        RequestDecoder.decode(in, FULL.length);

        assertThat(closed[0]).isFalse();
    }

    @Test
    void refusesALimitAboveTheDocumentLimit() {
        assertThatThrownBy(() -> RequestDecoder.decode(new ByteArrayInputStream(FULL), TokenHookRequest.MAX_DOCUMENT_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestDecoder.decode(new ByteArrayInputStream(FULL), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<byte[]> undecodable() {
        String deep = "{\"data\":" + "[".repeat(100) + "]".repeat(100) + "}";
        return List.of(
                bytes(" "),
                bytes("[]"),
                bytes("{"),
                bytes("{\"eventId\": \"a\", \"eventId\": \"b\"}"),
                bytes("{\"data\": {\"identity\": {\"claims\": {\"x\": {\"k\": 1, \"k\": 2}}}}}"),
                bytes("{} {}"),
                bytes("{}\n x"),
                bytes(deep),
                bytes("{\"eventType\": \"com.okta.other\"}"),
                bytes("{\"data\": {\"identity\": {\"claims\": {\"n\": 1e9999999999}}}}"),
                bytes("{\"data\": {\"context\": {\"session\": {\"login\": {\"a\": 1, \"a\": 2}}}}}"),
                bytes("{\"eventId\": \"" + "x".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"}"),
                bytes("{\"data\": {\"identity\": {\"token\": {\"lifetime\": {\"expiration\": \"soon\"]}}}}"),
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "{\"eventId\": \"a\", \"eventId\": \"b\"}".getBytes(Charset.forName("UTF-32BE")),
                "{\"eventId\": nope}".getBytes(StandardCharsets.UTF_16LE),
                Arrays.copyOf(FULL, FULL.length / 2));
    }

    @ParameterizedTest
    @MethodSource("undecodable")
    void refusesWithTheSameMessageAsTheArray(byte[] body) {
        Object expected = viaArray(new ByteArrayInputStream(body), body.length);

        assertThat(expected).asString().startsWith("refused: ");
        assertThat(viaStream(new ByteArrayInputStream(body), body.length)).isEqualTo(expected);
        assertThat(viaStream(new Trickle(body, 1), body.length)).isEqualTo(expected);
        assertThatThrownBy(() -> RequestDecoder.decode(new ByteArrayInputStream(body), body.length))
                .isInstanceOf(RequestDecodingException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("nope"));
    }

    @Seeded(300)
    void sameOutcomeAsReadingTheBodyFirst(long seed) {
        Random random = new Random(seed);
        byte[] body = body(random);
        int limit = random.nextInt(6001);
        int chunk = 1 + random.nextInt(9000);

        assertThat(viaStream(new Trickle(body, chunk), limit)).isEqualTo(viaArray(new Trickle(body, chunk), limit));
    }

    @Seeded(200)
    void sameOutcomeForRandomBytes(long seed) {
        Random random = new Random(seed);
        byte[] body = new byte[random.nextInt(301)];
        random.nextBytes(body);
        int limit = random.nextInt(401);

        assertThat(viaStream(new ByteArrayInputStream(body), limit))
                .isEqualTo(viaArray(new ByteArrayInputStream(body), limit));
    }

    /** A prefix of the full sample, the whole sample, or it with something appended: mostly undecodable, some too large. */
    private static byte[] body(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Arrays.copyOf(FULL, random.nextInt(FULL.length + 1));
            case 1 -> concat(FULL, bytes(List.of(" ", "\n\n", "x", "{}", " ".repeat(3000)).get(random.nextInt(5))));
            default -> FULL;
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static InputStream failingAfter(byte[] body, int good, IOException failure) {
        return new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at == good) {
                    throw failure;
                }
                return at < body.length ? body[at++] & 0xFF : -1;
            }
        };
    }

    /** Counts the bytes taken from the underlying stream. */
    private static final class Counting extends InputStream {
        private final InputStream in;
        long read;

        Counting(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }

    /** Hands the body out at most {@code chunk} bytes per read, as a network stream does. */
    private static final class Trickle extends InputStream {
        private final byte[] body;
        private final int chunk;
        private int at;

        Trickle(byte[] body, int chunk) {
            this.body = body;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return at < body.length ? body[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (at >= body.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), body.length - at);
            System.arraycopy(body, at, buffer, offset, n);
            at += n;
            return n;
        }
    }
}
