package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.SampleRequests;
import dev.tokenhook.core.Seeded;
import dev.tokenhook.core.TokenHookException;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.rule.TokenHook;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link JsonOutput} writes exactly the bytes a default jackson-databind {@link ObjectMapper} writes. */
class JsonOutputTest {

    /** The oracle: databind's own serialization of the same plain values. */
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static byte[] ours(Object value) {
        return JsonOutput.write(json -> JsonOutput.value(json, value));
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Seeded(50)
    void writesWhatJacksonWrites(long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            Object value = value(random, 3);

            byte[] ours = ours(value);

            assertThat(text(ours)).isEqualTo(text(JACKSON.writeValueAsBytes(value)));
            assertThat(ours).isEqualTo(JACKSON.writeValueAsBytes(value));
        }
    }

    @Test
    void floatsAreWrittenAsFloatsNotWidened() {
        assertThat(text(ours(List.of(1.1f, 0.1f, 3.4028235e38f, 1.4e-45f, -0.0f, 1.1, 1e300, 2.5e-8))))
                .isEqualTo("[1.1,0.1,3.4028235E38,1.4E-45,-0.0,1.1,1.0E300,2.5E-8]");
        try (TokenHook hook = TokenHook.builder().rule("float", (request, patch) -> patch.idToken().add("x", 1.1f))
                .build()) {
            byte[] answer = hook.process(TokenHookRequest.fromJson(SampleRequests.fullBytes())).response().toJson();
            assertThat(text(answer)).contains("\"value\":1.1}").doesNotContain("1.10000");
        }
    }

    @Test
    void nanAndInfinitiesNeverReachTheWire() {
        for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN)) {
            assertThatThrownBy(() -> ours(List.of(value))).as("%s", value).isInstanceOf(TokenHookException.class);
        }
        assertThatThrownBy(() -> ours(new Object())).isInstanceOf(TokenHookException.class);
    }

    @Test
    void escapesControlCharactersQuotesAndBackslashesLikeJackson() throws IOException {
        String tricky = "a\"b\\c\u0000\u0001\b\f\n\r\t\u001f\u007f/é€😀\u2028";

        assertThat(ours(tricky)).isEqualTo(JACKSON.writeValueAsBytes(tricky));
        assertThat(text(ours(tricky)))
                .isEqualTo("\"a\\\"b\\\\c\\u0000\\u0001\\b\\f\\n\\r\\t\\u001F\u007f/é€\\uD83D\\uDE00\u2028\"");
    }

    @Test
    void bigNumbersAreWrittenAsTheyAre() {
        assertThat(text(ours(List.of(new BigDecimal("1E+3"), new BigDecimal("0.000001"),
                new BigInteger("123456789012345678901234567890"), Long.MIN_VALUE, (short) 7, (byte) -3))))
                .isEqualTo("[1E+3,0.000001,123456789012345678901234567890,-9223372036854775808,7,-3]");
    }

    @Test
    void membersAndItemsAreSeparatedAtEveryLevel() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of(1, List.of(), Map.of()));
        nested.put("b", null);
        nested.put("list", List.of(true, 2.5));

        assertThat(text(ours(nested))).isEqualTo("{\"a\":[1,[],{}],\"b\":null,\"list\":[true,2.5]}");
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 12 : 14);
        return switch (kind) {
            case 0 -> string(random);
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> finiteDouble(random);
            case 4 -> finiteFloat(random);
            case 5 -> new BigInteger(100, random).subtract(BigInteger.TEN.pow(30));
            case 6 -> new BigDecimal(new BigInteger(64, random), random.nextInt(40) - 20);
            case 7 -> random.nextBoolean();
            case 8 -> null;
            case 9 -> random.nextBoolean() ? (Object) (short) random.nextInt() : (Object) (byte) random.nextInt();
            case 10 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 11 -> (float) random.nextGaussian();
            case 12 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(value(random, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(string(random), value(random, depth - 1));
                }
                yield map;
            }
        };
    }

    /** Any bit pattern that is a finite double. */
    private static double finiteDouble(Random random) {
        double d = Double.longBitsToDouble(random.nextLong());
        return Double.isFinite(d) ? d : 0.5;
    }

    /** Any bit pattern that is a finite float. */
    private static float finiteFloat(Random random) {
        float f = Float.intBitsToFloat(random.nextInt());
        return Float.isFinite(f) ? f : 1.1f;
    }

    /** Any characters, surrogates only in pairs (Jackson refuses lone ones). */
    private static String string(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(13); i > 0; i--) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> 0x10000 + random.nextInt(0x100000);
                default -> random.nextInt(0xD800);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
