package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TokenHookRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A servlet declared without {@code async-supported} (a legacy {@code web.xml}, say) still answers by the
 * deadline: the rules then run on the engine's rule threads while the container's thread waits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotAsyncSupportedTest {

    private static final String SECRET = "Basic bm90LWFzeW5jOnNlY3JldA==";
    private static final Duration BUDGET = Duration.ofMillis(400);
    private static final String STALLED = "stalled@example.com";

    private final Map<String, String> ruleThreads = new ConcurrentHashMap<>();
    private Server server;
    private TokenHookEndpoint endpoint;
    private OktaHookCaller okta;

    @BeforeAll
    void start() throws Exception {
        TokenHookConfig d = TokenHookConfig.defaults();
        TokenHookConfig config = new TokenHookConfig(true, d.path(), "Authorization", List.of(SECRET), false, BUDGET,
                d.maxBodySize(), d.onRuleFailure());
        endpoint = config.endpoint(List.of(ClaimRule.named("lookup", (request, patch) -> {
            ruleThreads.put(request.eventId(), Thread.currentThread().getName());
            if (request.userLogin().filter(STALLED::equals).isPresent()) {
                stallIgnoringInterrupts(Duration.ofSeconds(2));
            }
            patch.accessToken().add("looked_up", true);
        })));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(new TokenHookServlet(endpoint));
        holder.setAsyncSupported(false);
        context.addServlet(holder, config.path());
        server.setHandler(context);
        server.start();
        okta = new OktaHookCaller(java.net.URI.create("http://127.0.0.1:" + connector.getLocalPort() + config.path()),
                "Authorization", SECRET);
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
        endpoint.close();
    }

    @Test
    void rulesRunOnRuleThreadsAndTheAnswerIsTheSame() {
        HookCall call = okta.call(TokenHookRequests.authorizationCode().eventId("evt-quick").user("ann@example.com")
                .build().json());

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).contains("/claims/looked_up");
        assertThat(ruleThreads.get("evt-quick")).startsWith("tokenhook-rule-");
    }

    @Test
    void aRuleIgnoringInterruptsIsStillCutAtTheBudget() {
        HookCall call = okta.call(TokenHookRequests.authorizationCode().eventId("evt-stalled").user(STALLED)
                .build().json());

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).isEqualTo("{}");
        assertThat(call.elapsed()).isLessThan(BUDGET.plusMillis(1000));
    }

    private static void stallIgnoringInterrupts(Duration stall) {
        long end = System.nanoTime() + stall.toNanos();
        for (long left = stall.toNanos(); left > 0; left = end - System.nanoTime()) {
            try {
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException ignored) {
                // like a driver that does not answer interrupts
            }
        }
    }
}
