package dev.tokenhook.micronaut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookObservabilityContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observability contract through micronaut-micrometer and micronaut-management on the real Netty
 * server ({@code /metrics}, {@code details.tokenHook} in {@code /health}).
 */
class MicronautObservabilityTest extends TokenHookObservabilityContract {

    private EmbeddedServer server;

    @Override
    protected URI start(Map<String, String> tokenhookProperties, List<ClaimRule> rules) {
        Map<String, Object> props = new HashMap<>(tokenhookProperties);
        props.put("endpoints.metrics.enabled", true);
        props.put("endpoints.health.details-visible", "ANONYMOUS");
        // The application's registry; micronaut-micrometer's composite registry publishes to it.
        server = MicronautServers.start(props, rules, new SimpleMeterRegistry());
        return MicronautServers.uri(server, "/");
    }

    @Override
    protected void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Override
    protected String metricsPath() {
        return "/metrics/";
    }

    @Override
    protected String healthPath() {
        return "/health";
    }

    @Override
    protected JsonNode tokenHookComponent(JsonNode health) {
        return health.path("details").path("tokenHook");
    }
}
