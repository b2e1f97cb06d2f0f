package dev.tokenhook.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Proves the contract against hook-core alone, behind the JDK's built-in HTTP server. */
class JdkHttpServerContractTest extends TokenHookAdapterContract {

    private static final long MAX_UNREAD_BODY = 1024 * 1024;

    private HttpServer server;
    private TokenHookEndpoint endpoint;
    private ExecutorService threads;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws IOException {
        endpoint = config.endpoint(rules);
        threads = Executors.newFixedThreadPool(8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext(config.path(), this::serve);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + config.path());
    }

    /** The callback form: the answer may be sent from the engine's watchdog, which HttpExchange allows. */
    private void serve(HttpExchange exchange) {
        InputStream body = exchange.getRequestBody();
        endpoint.handle(new HookHttpRequest(exchange.getRequestMethod(),
                name -> exchange.getRequestHeaders().getOrDefault(name, List.of()), body), response -> {
                    try (exchange; OutputStream out = exchange.getResponseBody()) {
                        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                        exchange.sendResponseHeaders(response.status(), response.body().length);
                        out.write(response.body());
                        out.flush(); // sent before the drain waits on the client: JDK 25 holds it until then
                        drain(body); // let a client still sending an oversize body finish, so it reads the 413
                    } catch (IOException clientGone) {
                        // nobody left to answer
                    }
                });
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long drained = 0;
        int read;
        while (drained < MAX_UNREAD_BODY && (read = body.read(buffer)) > 0) {
            drained += read;
        }
    }

    @Override
    protected void stop() {
        server.stop(0);
        threads.shutdownNow();
        endpoint.close();
    }
}
