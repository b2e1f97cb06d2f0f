package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookAdapterContract;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.Server;

/** The adapter contract on a real Jetty 12 (ee10), the servlet registered by the helper from a listener. */
class JettyContractTest extends TokenHookAdapterContract {

    private Server server;
    private TokenHookEndpoint endpoint;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception {
        endpoint = config.endpoint(rules);
        server = new Server();
        return EmbeddedJetty.serve(server, endpoint, config.path());
    }

    @Override
    protected void stop() throws Exception {
        server.stop();
        endpoint.close();
    }
}
