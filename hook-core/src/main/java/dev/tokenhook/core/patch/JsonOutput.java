package dev.tokenhook.core.patch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.tokenhook.core.TokenHookException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The JSON writer of the hook's response: a Jackson generator with its defaults, so strings, unicode, control
 * characters and numbers are written exactly as Jackson writes them ({@code 1.1f} as {@code 1.1}).
 */
final class JsonOutput {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one document. */
    @FunctionalInterface
    interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private JsonOutput() {
    }

    /**
     * @param body writes one JSON value
     * @return the UTF-8 bytes written
     */
    static byte[] write(Body body) {
        // Jackson's recycled buffers (as ObjectMapper.writeValueAsBytes uses them): only the result is new
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
                body.writeTo(json);
            }
            return bytes.getClearAndRelease();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * Writes a value of the types a patch admits: null, strings, booleans, integral numbers, finite
     * {@code float}/{@code double}, {@code BigInteger}, {@code BigDecimal}, maps with string keys and lists.
     *
     * @throws TokenHookException for any other value, and for NaN or an infinity, which JSON cannot carry
     */
    static void value(JsonGenerator json, Object value) throws IOException {
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
        } else if (value instanceof BigInteger i) {
            json.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Double d && Double.isFinite(d)) {
            json.writeNumber(d);
        } else if (value instanceof Float f && Float.isFinite(f)) {
            json.writeNumber(f);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(json, item);
            }
            json.writeEndArray();
        } else {
            throw new TokenHookException("Cannot write a " + value.getClass().getName() + " as JSON"
                    + (value instanceof Number ? " (not a finite number)" : ""));
        }
    }
}
