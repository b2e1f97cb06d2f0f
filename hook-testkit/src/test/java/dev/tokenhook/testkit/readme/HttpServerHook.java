package dev.tokenhook.testkit.readme;

// tag::http-server[]
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.Conditions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A token hook on the JDK's built-in HTTP server, configured by tokenhook.* properties. */
public final class HttpServerHook implements AutoCloseable {

    private final TokenHookEndpoint endpoint;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final HttpServer server;

    /**
     * @param properties tokenhook.* keys as in README's configuration table; a wrong or unknown key,
     *     an unresolved placeholder or a blank secret throws a ConfigException naming the key
     */
    public HttpServerHook(Map<String, String> properties, List<ClaimRule> rules, int port) throws IOException {
        TokenHookConfig config = TokenHookConfig.fromProperties(properties);
        endpoint = config.endpoint(rules);
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(threads);
        server.createContext(config.path(), this::serve);
        server.start();
    }

    /** Your thread runs the rules; at the time budget the engine's watchdog answers instead. */
    private void serve(HttpExchange exchange) {
        InputStream body = exchange.getRequestBody();
        HookHttpRequest call = new HookHttpRequest(exchange.getRequestMethod(),
                name -> exchange.getRequestHeaders().getOrDefault(name, List.of()), body);
        endpoint.handle(call, answer -> write(exchange, answer));
    }

    private static void write(HttpExchange exchange, HookHttpResponse answer) {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            out.write(answer.body());
        } catch (IOException callerGone) {
            // Okta stopped waiting: nobody is left to answer
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        endpoint.close();
    }

    public static void main(String[] args) throws IOException {
        ClaimRule hello = ClaimRule.named("hello", (request, patch) -> patch.accessToken().add("hello", "world"))
                .when(Conditions.mintsAccessToken());
        Map<String, String> properties = Map.of(
                "tokenhook.auth.header.secrets", System.getenv().getOrDefault("TOKENHOOK_AUTH_SECRET", ""));
        HttpServerHook hook = new HttpServerHook(properties, List.of(hello), 8080);
        Runtime.getRuntime().addShutdownHook(new Thread(hook::close));
    }
}
// end::http-server[]
