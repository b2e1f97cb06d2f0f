package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.BodyTooLargeException;
import dev.tokenhook.core.TokenHookRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request fixture (the testkit's and the shared Okta samples in {@code ../shared/okta/fixtures},
 * when that directory is there) decodes from a stream exactly as from its bytes, and the decoded maps hold
 * what a general-purpose JSON reader finds, in the same order.
 */
class StreamDecodingFixturesTest {

    private static final Path SHARED = Path.of("..", "..", "shared", "okta", "fixtures");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String name : Fixtures.requestNames()) {
            all.add(Arguments.of("testkit/" + name, Fixtures.bytes(name)));
        }
        if (Files.isDirectory(SHARED)) {
            try (Stream<Path> files = Files.list(SHARED)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith("request-") && name.endsWith(".json")) {
                        all.add(Arguments.of("shared/" + name, Files.readAllBytes(file)));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void streamDecodingEqualsArrayDecoding(String name, byte[] body) throws Exception {
        TokenHookRequest expected = TokenHookRequest.fromJson(body);

        assertThat(TokenHookRequest.fromJson(new ByteArrayInputStream(body), body.length)).isEqualTo(expected);
        assertThat(TokenHookRequest.fromJson(new Chunks(body, 7), 256 * 1024)).isEqualTo(expected);
        assertThatThrownBy(() -> TokenHookRequest.fromJson(new ByteArrayInputStream(body), body.length - 1))
                .isInstanceOf(BodyTooLargeException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodedMapsHoldWhatAJsonReaderFinds(String name, byte[] body) throws Exception {
        TokenHookRequest request = TokenHookRequest.fromJson(new ByteArrayInputStream(body), body.length);
        JsonNode tree = MAPPER.readTree(body);

        request.identity().ifPresent(id -> assertSame(id.claims(), tree.at("/data/identity/claims")));
        request.access().ifPresent(at -> assertSame(at.claims(), tree.at("/data/access/claims")));
        request.user().ifPresent(u -> assertSame(u.profile().attributes(), tree.at("/data/context/user/profile")));
        JsonNode parameters = tree.at("/data/context/protocol/request");
        assertThat(new ArrayList<>(request.context().protocol().request().parameters().keySet()))
                .isEqualTo(parameters.isObject() ? fieldNames(parameters) : List.of());
        JsonNode scopes = tree.at("/data/access/scopes");
        request.access().ifPresent(at -> assertThat(new ArrayList<>(at.scopes().keySet()))
                .isEqualTo(scopes.isObject() ? fieldNames(scopes) : List.of()));
    }

    private static void assertSame(Map<String, Object> decoded, JsonNode node) {
        Map<?, ?> expected = node.isObject() ? MAPPER.convertValue(node, Map.class) : Map.of();
        assertThat(normalise(decoded)).isEqualTo(normalise(expected));
        assertThat(new ArrayList<>(decoded.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        assertThat(decoded).isEqualTo(new java.util.LinkedHashMap<>(decoded));
        assertThat(decoded.hashCode()).isEqualTo(new java.util.LinkedHashMap<>(decoded).hashCode());
    }

    /** Numbers as their text: the decoder and databind may pick different integer classes. */
    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalise(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StreamDecodingFixturesTest::normalise).toList();
        }
        return value instanceof Number n ? n.toString() : value;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** At most {@code chunk} bytes per read. */
    private static final class Chunks extends InputStream {
        private final byte[] body;
        private final int chunk;
        private int at;

        Chunks(byte[] body, int chunk) {
            this.body = body;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return at < body.length ? body[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
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
