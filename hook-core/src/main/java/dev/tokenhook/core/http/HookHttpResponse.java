package dev.tokenhook.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an adapter writes back: status, headers and body, all decided by {@link TokenHookEndpoint}.
 *
 * @param status the HTTP status
 * @param headers the headers to set (always {@code Content-Type} and {@code Cache-Control})
 * @param body the body bytes, JSON
 */
public record HookHttpResponse(int status, Map<String, String> headers, byte[] body) {

    /** Copies the headers. */
    public HookHttpResponse {
        headers = Map.copyOf(headers);
    }

    /** @return the body as UTF-8 text, for tests and logs of non-sensitive answers */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
