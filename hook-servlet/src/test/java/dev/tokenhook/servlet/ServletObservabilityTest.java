package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.docs.DocSnippets;
import dev.tokenhook.micrometer.TokenHookMetrics;
import dev.tokenhook.servlet.readme.ObservedHook;
import dev.tokenhook.testkit.OktaHookCaller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

/** The manual metrics and health wiring shown in README.md, on a real Tomcat. */
class ServletObservabilityTest {

    private static final String SECRET = "Basic b2JzZXJ2YWJpbGl0eTpzZXJ2bGV0";
    private static final byte[] REQUEST = """
            {"eventId":"evt-obs","data":{"access":{"claims":{"sub":"x"},"token":{"lifetime":{"expiration":3600}}}}}
            """.getBytes(StandardCharsets.UTF_8);

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private HookHealth health;

    /** What an application's {@code ServletContextListener} or initializer does. */
    private void onStartup(ServletContext servletContext, MeterRegistry registry) {
        this.health = ObservedHook.register(servletContext, List.of(new EventIdRule()), registry);
    }

    @Test
    void listenersGivenToTheRegistrationHearEveryCall() throws Exception {
        Tomcat tomcat = EmbeddedTomcat.create();
        try {
            Context context = EmbeddedTomcat.rootContext(tomcat);
            context.addParameter("tokenhook.auth.header.secrets", SECRET);
            context.addParameter("tokenhook.health.min-calls", "1");
            context.addServletContainerInitializer((classes, servletContext) -> onStartup(servletContext, registry),
                    null);
            tomcat.start();
            URI hook = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/okta/token-hook");

            assertThat(new OktaHookCaller(hook, "Authorization", SECRET).call(REQUEST).bodyText()).contains("evt-obs");
            assertThat(new OktaHookCaller(hook, Map.of()).call(REQUEST).status()).isEqualTo(401);

            assertThat(registry.get("tokenhook.requests").tag("outcome", "patched").timer().count()).isEqualTo(1);
            assertThat(registry.get("tokenhook.requests").tag("outcome", "unauthenticated").timer().count())
                    .isEqualTo(1);
            assertThat(health.snapshot()).isEqualTo(new HookHealth.Snapshot(true, 1, 0, 0, 0.5));
        } finally {
            EmbeddedTomcat.destroy(tomcat);
        }
    }

    @Test
    void listenersAddedToTheBuilderHearEveryCall() {
        TokenHookConfig config = TokenHookConfig.fromProperties(Map.of("tokenhook.auth.header.secrets", SECRET)::get);
        List<ClaimRule> rules = List.of(new EventIdRule());
        HookHealth health = new HookHealth();
        TokenHookEndpoint endpoint = config.endpointBuilder(rules, List.of())
                .listener(new TokenHookMetrics(registry))
                .listener(health)
                .build();
        try (endpoint) {
            endpoint.handle(HookHttpRequest.of("POST", Map.of("Authorization", List.of(SECRET),
                    "Content-Type", List.of("application/json")), REQUEST));
        }
        assertThat(registry.get("tokenhook.requests").tag("outcome", "patched").timer().count()).isEqualTo(1);
        assertThat(health.snapshot().calls()).isEqualTo(1);
    }

    @Test
    void readmeShowsTheTestedWiring() throws Exception {
        Path source = Path.of("src/test/java/dev/tokenhook/servlet/readme/ObservedHook.java");
        assertThat(Files.readString(Path.of("README.md"))).contains(DocSnippets.tagged(source, "observability"));
    }
}
