package dev.tokenhook.micronaut;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookAdapterContract;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.List;

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
}
