package dev.tokenhook.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What came back from one call to a hook over HTTP, as Okta would see it.
 *
 * @param status the HTTP status, or 0 when the call timed out or failed to connect
 * @param headers the response headers (names lower case)
 * @param body the response body
 * @param elapsed how long the call took
 */
public record HookCall(int status, Map<String, List<String>> headers, byte[] body, Duration elapsed) {

    /** Copies the headers. */
    public HookCall {
        headers = Map.copyOf(headers);
    }

    /** @return whether no HTTP answer arrived within Okta's 3 s */
    public boolean timedOut() {
        return status == 0;
    }

    /**
     * @param name a header name, any case
     * @return its first value
     */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
