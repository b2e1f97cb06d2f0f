package dev.tokenhook.micronaut;

import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookHostileCallersContract;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The hostile-callers contract on Micronaut's real Netty server with 2 event-loop threads, configured through {@code tokenhook.*} (the shared secret and OAuth 2.0).
 */
class MicronautHostileCallersTest extends TokenHookHostileCallersContract {

    private EmbeddedServer server;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) {
        Map<String, Object> props = MicronautServers.properties(config);
        OAuth2Settings oauth2 = config.oauth2();
        props.put("tokenhook.auth.oauth2.issuer", oauth2.issuer());
        props.put("tokenhook.auth.oauth2.audience", oauth2.audience());
        props.put("tokenhook.auth.oauth2.jwks-uri", oauth2.jwksUri());
        props.put("micronaut.server.netty.worker.threads", 2);
        server = MicronautServers.start(props, rules);
        return MicronautServers.uri(server, config.path());
    }

    @Override
    protected void stop() {
        server.getApplicationContext().close();
    }
}
