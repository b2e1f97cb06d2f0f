package dev.tokenhook.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The short JSON body of an error answer: {@code {"reason":"..."}}. */
public final class Reasons {

    private Reasons() {
    }

    /**
     * @param reason a fixed or library-made message; never request content
     * @return the JSON body
     */
    public static byte[] json(String reason) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + reason.length());
        try (JsonGenerator json = JsonLimits.FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("reason", reason);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
