package dev.tokenhook.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Reasons} writes the bytes Jackson writes for a one-member object. */
class ReasonsTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static String text(byte[] json) {
        return new String(json, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void reasonsAreEscapedLikeJacksonEscapesThem() {
        assertThat(text(Reasons.json("Only POST is allowed"))).isEqualTo("{\"reason\":\"Only POST is allowed\"}");
        assertThat(text(Reasons.json("tab\there \"q\" é"))).isEqualTo("{\"reason\":\"tab\\there \\\"q\\\" é\"}");
    }

    @Test
    void everyCharacterIsWrittenAsJacksonWritesIt() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            StringBuilder reason = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                reason.append((char) random.nextInt(0x3000));
            }
            String value = reason.toString();
            assertThat(Reasons.json(value)).as("seed %d, reason %s", seed, value)
                    .isEqualTo(JACKSON.writeValueAsBytes(Map.of("reason", value)));
        }
    }
}
