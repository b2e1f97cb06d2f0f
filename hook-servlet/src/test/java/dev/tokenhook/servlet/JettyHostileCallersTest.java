package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookHostileCallersContract;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The hostile-callers contract on a real Jetty 12 (ee10) with a 10-thread pool, fewer than the slow callers. */
class JettyHostileCallersTest extends TokenHookHostileCallersContract {

    private Server server;
    private TokenHookEndpoint endpoint;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception {
        endpoint = config.endpoint(rules);
        server = new Server(new QueuedThreadPool(10, 4));
        return EmbeddedJetty.serve(server, endpoint, config.path());
    }

    @Override
    protected void stop() throws Exception {
        server.stop();
        endpoint.close();
    }
}
