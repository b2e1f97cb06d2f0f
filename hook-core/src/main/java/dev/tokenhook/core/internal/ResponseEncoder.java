package dev.tokenhook.core.internal;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.ErrorCause;
import dev.tokenhook.core.patch.HookError;
import dev.tokenhook.core.patch.Operation;
import dev.tokenhook.core.patch.PatchOperation;
import dev.tokenhook.core.patch.TokenHookResponse;
import java.util.List;
import java.util.Map;

/** Writes a {@link TokenHookResponse} as Okta expects it, straight to UTF-8 bytes ({@link JsonWriter}). */
public final class ResponseEncoder {

    private ResponseEncoder() {
    }

    /**
     * @param response the answer
     * @return UTF-8 JSON: no null fields, {@code remove} without {@code value}, {@code {}} for no change
     */
    public static byte[] encode(TokenHookResponse response) {
        JsonWriter json = new JsonWriter().startObject();
        if (response.isDenied()) {
            writeError(json, response.error().orElseThrow());
        } else if (!response.commands().isEmpty()) {
            json.name("commands").startArray();
            for (Map.Entry<TokenType, List<PatchOperation>> command : response.commands().entrySet()) {
                json.startObject().field("type", command.getKey().commandType());
                json.name("value").startArray();
                for (PatchOperation op : command.getValue()) {
                    json.startObject().field("op", op.op().wireName()).field("path", op.path());
                    if (op.op() != Operation.REMOVE && op.value() != null) {
                        json.name("value").value(op.value());
                    }
                    json.endObject();
                }
                json.endArray().endObject();
            }
            json.endArray();
        }
        if (!response.debugContext().isEmpty()) {
            json.name("debugContext").value(response.debugContext());
        }
        return json.endObject().toBytes();
    }

    private static void writeError(JsonWriter json, HookError error) {
        json.name("error").startObject().field("errorSummary", error.errorSummary());
        if (!error.errorCauses().isEmpty()) {
            json.name("errorCauses").startArray();
            for (ErrorCause cause : error.errorCauses()) {
                json.startObject().field("errorSummary", cause.errorSummary());
                writeOptional(json, "reason", cause.reason());
                writeOptional(json, "locationType", cause.locationType());
                writeOptional(json, "location", cause.location());
                writeOptional(json, "domain", cause.domain());
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
    }

    private static void writeOptional(JsonWriter json, String name, String value) {
        if (value != null) {
            json.field(name, value);
        }
    }
}
