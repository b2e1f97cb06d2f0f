package dev.tokenhook.core.http;

import dev.tokenhook.core.auth.HookHeaders;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hook call as an adapter sees it: method, headers and the unread body. The endpoint reads the body
 * only after authentication, and never more than the configured limit.
 *
 * @param method the HTTP method
 * @param headers the headers, case-insensitive
 * @param body the body stream; the adapter closes it
 */
public record HookHttpRequest(String method, HookHeaders headers, InputStream body) {

    /** Checks the components are present. */
    public HookHttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /**
     * @param method the HTTP method
     * @param headers header names to values
     * @param body the whole body
     * @return a request over an in-memory body
     */
    public static HookHttpRequest of(String method, Map<String, List<String>> headers, byte[] body) {
        return new HookHttpRequest(method, HookHeaders.of(headers), new ByteArrayInputStream(body));
    }
}
