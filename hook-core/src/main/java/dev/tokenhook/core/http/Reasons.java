package dev.tokenhook.core.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The short JSON body of an error answer: {@code {"reason":"..."}}, the reason escaped by Jackson's own
 * string encoder (as its generator escapes strings).
 */
final class Reasons {

    private static final byte[] START = "{\"reason\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\"}".getBytes(StandardCharsets.UTF_8);

    private Reasons() {
    }

    /**
     * @param reason a fixed or library-made message; never request content
     * @return the JSON body
     */
    static byte[] json(String reason) {
        byte[] text = JsonStringEncoder.getInstance().quoteAsUTF8(reason);
        byte[] json = new byte[START.length + text.length + END.length];
        System.arraycopy(START, 0, json, 0, START.length);
        System.arraycopy(text, 0, json, START.length, text.length);
        System.arraycopy(END, 0, json, START.length + text.length, END.length);
        return json;
    }
}
