package dev.tokenhook.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link JsonWriter} writes exactly the bytes Jackson's generator writes with its defaults. */
class JsonWriterTest {

    private static final JsonFactory JACKSON = new JsonFactory();

    @Property(tries = 500)
    void writesWhatJacksonWrites(@ForAll("values") Object value) throws IOException {
        byte[] ours = new JsonWriter().value(value).toBytes();

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(jackson(value), StandardCharsets.UTF_8));
        assertThat(ours).isEqualTo(jackson(value));
    }

    @Test
    void escapesControlCharactersQuotesAndBackslashesLikeJackson() throws IOException {
        String tricky = "a\"b\\c\u0000\u0001\b\f\n\r\t\u001f\u007f/é€😀\u2028";

        assertThat(new JsonWriter().value(tricky).toBytes()).isEqualTo(jackson(tricky));
        assertThat(new String(new JsonWriter().value(tricky).toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("\"a\\\"b\\\\c\\u0000\\u0001\\b\\f\\n\\r\\t\\u001F\u007f/é€\\uD83D\\uDE00\u2028\"");
    }

    @Test
    void loneSurrogatesAreEscapedRatherThanWrittenAsInvalidUtf8() {
        String json = new String(new JsonWriter().value("x\uD800y\uDC00").toBytes(), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("\"x\\uD800y\\uDC00\"");
    }

    @Test
    void membersAndItemsAreSeparatedAtEveryLevel() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of(1, List.of(), Map.of()));
        nested.put("b", null);
        JsonWriter writer = new JsonWriter().startObject().field("x", "y").name("n").value(nested)
                .name("list").startArray().value(true).value(2.5).endArray().endObject();

        assertThat(new String(writer.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"x\":\"y\",\"n\":{\"a\":[1,[],{}],\"b\":null},\"list\":[true,2.5]}");
    }

    @Provide
    Arbitrary<Object> values() {
        return value(3);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                wellFormedStrings().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.floats().map(f -> (Object) f),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(b -> (Object) b),
                Arbitraries.bigDecimals().map(b -> (Object) b),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.of((short) 7, (byte) -3).map(n -> (Object) n),
                Arbitraries.just((Object) new BigDecimal("1E+3")));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Arbitraries.maps(wellFormedStrings(), value(depth - 1)).ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(1, map));
    }

    /** Any characters, surrogates only in pairs (Jackson refuses lone ones; see the test above). */
    private static Arbitrary<String> wellFormedStrings() {
        return Arbitraries.strings().all().ofMaxLength(12)
                .filter(s -> s.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
    }

    /** The oracle: what the encoder wrote through Jackson's generator before JsonWriter. */
    private static byte[] jackson(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JACKSON.createGenerator(bytes)) {
            write(json, value);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof BigInteger big) {
            json.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeStartArray();
            for (Object item : (List<?>) value) {
                write(json, item);
            }
            json.writeEndArray();
        }
    }
}
