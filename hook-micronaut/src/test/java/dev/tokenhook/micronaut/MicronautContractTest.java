package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.TokenHookAdapterContract;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit's wire contract, on Micronaut's real Netty server configured through {@code tokenhook.*}. */
class MicronautContractTest extends TokenHookAdapterContract {

    private EmbeddedServer server;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) {
        server = MicronautServers.start(MicronautServers.properties(config), rules);
        return MicronautServers.uri(server, config.path());
    }

    @Override
    protected void stop() {
        server.getApplicationContext().close();
    }

    /** Micronaut would answer unmapped methods itself; every one must reach the endpoint's 405 instead. */
    @Test
    void everyOtherMethodGetsTheEndpoints405() {
        for (String method : List.of("HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")) {
            HookCall call = okta().send(method, Map.of("Authorization", SECRET), new byte[0]);

            assertThat(call.status()).as(method).isEqualTo(405);
            assertThat(call.header("Allow")).as(method).hasValue("POST");
            assertThat(call.header("Cache-Control")).as(method).hasValue("no-store");
        }
    }
}
