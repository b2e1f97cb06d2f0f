package dev.tokenhook.core.patch;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tokenhook.core.TokenType;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes a {@link TokenHookResponse} as Okta expects it, through the one JSON writer ({@link JsonOutput}). */
final class ResponseEncoder {

    private ResponseEncoder() {
    }

    /**
     * @param response the answer
     * @return UTF-8 JSON: no null fields, {@code remove} without {@code value}, {@code {}} for no change
     */
    static byte[] encode(TokenHookResponse response) {
        return JsonOutput.write(json -> write(json, response));
    }

    private static void write(JsonGenerator json, TokenHookResponse response) throws IOException {
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
                        JsonOutput.value(json, op.value());
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
            JsonOutput.value(json, response.debugContext());
        }
        json.writeEndObject();
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
}
