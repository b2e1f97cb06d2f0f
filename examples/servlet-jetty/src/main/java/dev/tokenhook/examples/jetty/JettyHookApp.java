package dev.tokenhook.examples.jetty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.TokenHookException;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.examples.patient.PatientIdRule;
import dev.tokenhook.examples.patient.PatientLookup;
import dev.tokenhook.examples.patient.PatientStores;
import dev.tokenhook.examples.patient.PooledPatientStore;
import dev.tokenhook.servlet.TokenHookServlet;
import dev.tokenhook.servlet.TokenHookServlets;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The patient-store hook on embedded Jetty 12: {@code POST /okta/token-hook}, authenticated by the
 * {@code Authorization} header Okta is configured to send, or by Okta's OAuth 2.0 bearer token.
 * {@link #main} reads {@code PORT} (default 8080) and {@code TOKENHOOK_AUTH_SECRET} (required unless
 * {@code TOKENHOOK_AUTH_OAUTH2_ISSUER} and {@code TOKENHOOK_AUTH_OAUTH2_AUDIENCE} are set) from the
 * environment; every other {@code tokenhook.*}
 * key (e.g. {@code TOKENHOOK_TIME_BUDGET}, {@code TOKENHOOK_EXAMPLE_JDBC_URL},
 * {@code TOKENHOOK_LOOKUPS_PATIENTS_FRESH_FOR}) may be set as a system property or environment variable. Patient
 * ids are looked up through the cached {@link PatientLookup}. SIGTERM stops it cleanly: calls in flight finish, then the hook's
 * threads and the database pool close.
 */
public final class JettyHookApp implements AutoCloseable {

    /** Where the hook listens. */
    public static final String PATH = "/okta/token-hook";
    /** Exit code when the configuration is missing or wrong. */
    public static final int CONFIG_ERROR = 2;
    /**
     * Opt-in for the load benchmark only ({@code BENCH_FLOOR=true}): also serve
     * {@value #BENCH_FLOOR_PATH}, which reads the body and answers {@code {}}: this stack's floor; and
     * {@value #BENCH_JSON_FLOOR_PATH}, which also parses it with Jackson: the floor of any JSON endpoint.
     */
    public static final String BENCH_FLOOR_KEY = "bench.floor";
    /** Where the benchmark floor listens when {@value #BENCH_FLOOR_KEY} is true. */
    public static final String BENCH_FLOOR_PATH = "/bench/floor";
    /** Where the benchmark's JSON floor listens when {@value #BENCH_FLOOR_KEY} is true. */
    public static final String BENCH_JSON_FLOOR_PATH = "/bench/floor-json";

    private final Server server;
    private final ServerConnector connector;

    private JettyHookApp(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the hook.
     *
     * @param port the port on every interface; 0 picks a free one
     * @param secret the exact {@code Authorization} value Okta sends (several, comma-separated, while rotating);
     *     may be unset when OAuth 2.0 is configured
     * @return the running app; close it to stop
     * @throws IllegalArgumentException if neither a secret nor OAuth 2.0 is set, or a {@code tokenhook.*} setting
     *     is wrong
     * @throws IllegalStateException if the OAuth 2.0 settings ({@code TOKENHOOK_AUTH_OAUTH2_*}) are incomplete or
     *     the issuer's metadata cannot be read
     * @throws Exception if Jetty cannot start (e.g. the port is taken)
     */
    public static JettyHookApp start(int port, String secret) throws Exception {
        Map<String, String> fixed = new HashMap<>(Map.of("tokenhook.path", PATH, "tokenhook.auth.header.name",
                "Authorization"));
        if (secret != null && !secret.isBlank()) {
            fixed.put("tokenhook.auth.header.secrets", secret);
        }
        var settings = TokenHookServlets.settings(fixed::get);
        TokenHookConfig config = TokenHookConfig.fromProperties(settings);
        if (!fixed.containsKey("tokenhook.auth.header.secrets") && !config.oauth2().enabled()) {
            throw new IllegalArgumentException("TOKENHOOK_AUTH_SECRET is not set: set it to the exact Authorization"
                    + " header value Okta sends (or set TOKENHOOK_AUTH_OAUTH2_ISSUER and TOKENHOOK_AUTH_OAUTH2_AUDIENCE"
                    + " for OAuth 2.0); the hook does not run without authentication");
        }
        PooledPatientStore patients = PatientStores.fromConfig(settings);
        PatientLookup lookup;
        TokenHookEndpoint endpoint;
        try {
            lookup = PatientLookup.of(patients.store(), settings);
            endpoint = config.endpoint(List.of(new PatientIdRule(lookup)));
        } catch (RuntimeException e) {
            patients.close();
            throw e;
        }

        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new TokenHookServlet(endpoint), config.path()).setAsyncSupported(true);
        if ("true".equals(settings.apply(BENCH_FLOOR_KEY))) {
            context.addServlet(new BenchFloorServlet(false), BENCH_FLOOR_PATH);
            context.addServlet(new BenchFloorServlet(true), BENCH_JSON_FLOOR_PATH);
        }
        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(3_000); // Okta waits 3 s at most: let calls in flight finish, no longer
        server.setStopAtShutdown(true); // SIGTERM stops the server, which closes the rest
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                endpoint.close();
                lookup.close();
                patients.close();
                System.out.println("tokenhook: stopped");
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyHookApp(server, connector);
    }

    /** @return the port actually bound */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return the hook's URL on the loopback interface */
    public URI hookUri() {
        return URI.create("http://127.0.0.1:" + port() + PATH);
    }

    /**
     * Waits until the server has stopped.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server, then closes the hook and the database pool. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }

    /**
     * Runs until SIGTERM (or Ctrl-C); exits with {@value #CONFIG_ERROR} and one line on stderr if the
     * configuration is missing or wrong.
     *
     * @param args ignored
     * @throws Exception if Jetty cannot start
     */
    public static void main(String[] args) throws Exception {
        JettyHookApp app;
        try {
            app = start(port(System.getenv("PORT")), System.getenv("TOKENHOOK_AUTH_SECRET"));
        } catch (IllegalArgumentException | IllegalStateException | TokenHookException e) {
            System.err.println("tokenhook: " + e.getMessage());
            System.exit(CONFIG_ERROR);
            return;
        }
        System.out.println("tokenhook: listening on port " + app.port() + " at " + PATH);
        app.join();
    }

    /**
     * The benchmark floors, never mounted by default: what any endpoint on this stack does at least (read
     * the body, answer {@code {}}), and what any JSON endpoint does at least (parse it too: 400 if it is
     * not JSON).
     */
    static final class BenchFloorServlet extends HttpServlet {
        private static final byte[] EMPTY_OBJECT = {'{', '}'};
        private static final ObjectMapper JSON = new ObjectMapper();
        private final boolean parse;

        BenchFloorServlet(boolean parse) {
            this.parse = parse;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = request.getInputStream().readAllBytes();
            try {
                if (parse) {
                    JSON.readTree(body);
                }
                response.setStatus(200);
            } catch (JsonProcessingException notJson) {
                response.setStatus(400);
            }
            response.setContentType("application/json");
            response.setContentLength(EMPTY_OBJECT.length);
            response.getOutputStream().write(EMPTY_OBJECT);
        }
    }

    static int port(String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("PORT must be a number from 0 to 65535, was '" + value + "'");
    }
}
