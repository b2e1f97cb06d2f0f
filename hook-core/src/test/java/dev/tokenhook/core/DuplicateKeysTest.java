package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder refuses a repeated key in any object, also in parts the model does not read, exactly where a plain
 * Jackson parser with strict duplicate detection would.
 */
class DuplicateKeysTest {

    /** The oracle: a plain Jackson parser with its own strict duplicate detection. */
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static String claims(String members) {
        return "{\"data\":{\"identity\":{\"claims\":" + members + "},"
                + "\"context\":{\"unknown\":" + members + "}}}";
    }

    private static TokenHookRequest decode(String json) {
        return TokenHookRequest.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String object(int keys, String extra) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < keys; i++) {
            json.append("\"k").append(i).append("\":").append(i).append(',');
        }
        return json.append(extra).append('}').toString();
    }

    @Test
    void repeatedKeyInALargeObjectIsRefusedBeforeAndAfterItOutgrowsTheLinearScan() {
        for (int keys : List.of(1, 5, 11, 12, 13, 31, 32, 33, 40, 300)) {
            assertThat(decode(claims(object(keys, "\"last\":true"))).identity().orElseThrow().claims())
                    .as("%d distinct keys", keys).hasSize(keys + 1);
            for (int repeated : List.of(0, keys / 2, keys - 1)) {
                assertThatThrownBy(() -> decode(claims(object(keys, "\"k" + repeated + "\":0"))))
                        .as("%d keys, k%d repeated", keys, repeated)
                        .isInstanceOf(RequestDecodingException.class)
                        .hasMessageStartingWith("Malformed JSON at line 1");
            }
        }
    }

    @Test
    void sameKeyInDifferentObjectsIsNoDuplicate() {
        String nested = object(40, "\"child\":" + object(40, "\"inner\":" + object(3, "\"k1x\":1")) + ",\"after\":1");
        assertThat(decode(claims(nested)).identity().orElseThrow().claims()).containsKeys("child", "after");
        assertThat(decode(claims("{\"a\":{\"a\":{\"a\":1}},\"b\":{\"a\":[{\"a\":1},{\"a\":2}]}}")).identity()).isPresent();
    }

    @Test
    void repeatedKeyAfterAClosedChildIsStillFound() {
        String json = object(34, "\"child\":" + object(40, "\"z\":1") + ",\"k3\":1");
        assertThatThrownBy(() -> decode(claims(json))).isInstanceOf(RequestDecodingException.class);
        String small = "{\"a\":1,\"child\":{\"b\":1,\"c\":{\"d\":1}},\"a\":2}";
        assertThatThrownBy(() -> decode(claims(small))).isInstanceOf(RequestDecodingException.class);
    }

    @Test
    void messageNamesNoKey() {
        assertThatThrownBy(() -> decode("{\"eventId\":\"a\",\"secret-key-7731\":1,\"secret-key-7731\":2}"))
                .isInstanceOf(RequestDecodingException.class)
                .message().doesNotContain("secret-key-7731");
    }

    /** Random nested documents over few key names: decodes exactly when Jackson's strict parser accepts. */
    @Seeded(30)
    void agreesWithJacksonStrictDetection(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 50; i++) {
            agreesWithJacksonStrictDetection(claims(randomObject(random, 0)));
        }
    }

    private static void agreesWithJacksonStrictDetection(String json) {

        boolean jacksonAccepts = strictJacksonAccepts(json);
        boolean decoded;
        try {
            decode(json);
            decoded = true;
        } catch (RequestDecodingException e) {
            decoded = false;
        }

        assertThat(decoded).as(json).isEqualTo(jacksonAccepts);
    }

    private static boolean strictJacksonAccepts(String json) {
        try (JsonParser parser = STRICT.createParser(json)) {
            while (parser.nextToken() != null) {
                // reading it all is the check
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomObject(Random random, int depth) {
        StringBuilder json = new StringBuilder("{");
        int members = random.nextInt(random.nextInt(10) == 0 ? 40 : 6);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                json.append(',');
            }
            // few names, so repeats happen; some long, unlikely to collide
            String key = random.nextInt(4) == 0 ? "n" + random.nextInt(60) : "k" + random.nextInt(random.nextInt(3) == 0 ? 4 : 30);
            json.append('"').append(key).append("\":").append(randomValue(random, depth + 1));
        }
        return json.append('}').toString();
    }

    private static String randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 3 : 5);
        return switch (kind) {
            case 0 -> Integer.toString(random.nextInt(100));
            case 1 -> "\"v" + random.nextInt(10) + "\"";
            case 2 -> "true";
            case 3 -> randomObject(random, depth);
            default -> {
                StringBuilder array = new StringBuilder("[");
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.append(i > 0 ? "," : "").append(randomValue(random, depth + 1));
                }
                yield array.append(']').toString();
            }
        };
    }
}
