package dev.tokenhook.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.TokenHookException;
import dev.tokenhook.core.patch.ErrorCause;
import dev.tokenhook.core.patch.HookError;
import dev.tokenhook.core.patch.Operation;
import dev.tokenhook.core.patch.PatchOperation;
import dev.tokenhook.core.patch.TokenHookResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Writes a {@link TokenHookResponse} as Okta expects it, straight to bytes with a streaming generator. */
public final class ResponseEncoder {

    private ResponseEncoder() {
    }

    /**
     * @param response the answer
     * @return UTF-8 JSON: no null fields, {@code remove} without {@code value}, {@code {}} for no change
     */
    public static byte[] encode(TokenHookResponse response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JsonLimits.FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            if (response.isDenied()) {
                writeError(json, response.error().orElseThrow());
            } else if (!response.commands().isEmpty()) {
                json.writeArrayFieldStart("commands");
                for (Map.Entry<TokenType, List<PatchOperation>> command : response.commands().entrySet()) {
                    json.writeStartObject();
                    json.writeStringField("type", command.getKey().commandType());
                    json.writeArrayFieldStart("value");
                    for (PatchOperation op : command.getValue()) {
                        json.writeStartObject();
                        json.writeStringField("op", op.op().wireName());
                        json.writeStringField("path", op.path());
                        if (op.op() != Operation.REMOVE && op.value() != null) {
                            json.writeFieldName("value");
                            writeValue(json, op.value());
                        }
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (!response.debugContext().isEmpty()) {
                json.writeFieldName("debugContext");
                writeValue(json, response.debugContext());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeError(JsonGenerator json, HookError error) throws IOException {
        json.writeObjectFieldStart("error");
        json.writeStringField("errorSummary", error.errorSummary());
        if (!error.errorCauses().isEmpty()) {
            json.writeArrayFieldStart("errorCauses");
            for (ErrorCause cause : error.errorCauses()) {
                json.writeStartObject();
                json.writeStringField("errorSummary", cause.errorSummary());
                writeOptional(json, "reason", cause.reason());
                writeOptional(json, "locationType", cause.locationType());
                writeOptional(json, "location", cause.location());
                writeOptional(json, "domain", cause.domain());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    /**
     * Writes a JSON-like value (String, Boolean, Number, Map, List, null).
     *
     * @param json the generator
     * @param value the value
     * @throws IOException if writing fails
     */
    public static void writeValue(JsonGenerator json, Object value) throws IOException {
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
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else {
            throw new TokenHookException("Cannot write a " + value.getClass().getName() + " as JSON");
        }
    }
}
