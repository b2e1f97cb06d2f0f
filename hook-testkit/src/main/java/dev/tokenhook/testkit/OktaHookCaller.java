package dev.tokenhook.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Calls a running hook the way Okta does: {@code POST} with {@code Accept} and {@code Content-Type}
 * {@code application/json}, the configured authentication header, a 3 s timeout and no redirects.
 * Thread-safe; one instance can drive many concurrent calls.
 */
public final class OktaHookCaller {

    /** Okta's completion timeout for inline hooks. */
    public static final Duration OKTA_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client;
    private final URI hookUri;
    private final Map<String, String> authHeaders;

    /**
     * @param hookUri the hook's full URL
     * @param authHeaderName the header Okta is configured to send, e.g. {@code Authorization}
     * @param authHeaderValue its value, e.g. {@code Basic ...}
     */
    public OktaHookCaller(URI hookUri, String authHeaderName, String authHeaderValue) {
        this(hookUri, Map.of(authHeaderName, authHeaderValue));
    }

    /**
     * @param hookUri the hook's full URL
     * @param authHeaders headers sent on every call (authentication and custom headers); may be empty
     */
    public OktaHookCaller(URI hookUri, Map<String, String> authHeaders) {
        this.hookUri = Objects.requireNonNull(hookUri, "hookUri");
        this.authHeaders = Map.copyOf(authHeaders);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(OKTA_TIMEOUT)
                .build();
    }

    /** @return the hook's URL */
    public URI hookUri() {
        return hookUri;
    }

    /**
     * Sends a hook request as Okta would.
     *
     * @param body the request JSON
     * @return what came back; status 0 if nothing came back within 3 s
     */
    public HookCall call(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(authHeaders);
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        return send("POST", headers, body);
    }

    /**
     * Sends anything, for negative tests: another method, other headers, a broken body.
     *
     * @param method the HTTP method
     * @param headers the exact headers to send (no authentication is added)
     * @param body the body, may be empty
     * @return what came back; status 0 if nothing came back within 3 s
     */
    public HookCall send(String method, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hookUri)
                .timeout(OKTA_TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new HookCall(response.statusCode(), response.headers().map(), response.body(), since(start));
        } catch (HttpTimeoutException e) {
            return new HookCall(0, Map.of(), new byte[0], since(start));
        } catch (IOException e) {
            return new HookCall(0, Map.of("x-tokenhook-error", List.of(e.getClass().getSimpleName())), new byte[0],
                    since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HookCall(0, Map.of(), new byte[0], since(start));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
