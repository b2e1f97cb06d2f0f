package dev.tokenhook.core.internal;

/** The short JSON body of an error answer: {@code {"reason":"..."}}, through the one JSON writer. */
public final class Reasons {

    private Reasons() {
    }

    /**
     * @param reason a fixed or library-made message; never request content
     * @return the JSON body
     */
    public static byte[] json(String reason) {
        return JsonOutput.write(json -> {
            json.writeStartObject();
            json.writeStringField("reason", reason);
            json.writeEndObject();
        });
    }
}
