package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookHostileCallersContract;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The hostile-callers contract on a real Jetty 12 (ee10) with a 10-thread pool, fewer than the slow callers. */
class JettyHostileCallersTest extends TokenHookHostileCallersContract {

    private Server server;
    private TokenHookEndpoint endpoint;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception {
        endpoint = config.endpoint(rules);
        server = new Server(new QueuedThreadPool(10, 4));
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new TokenHookServlet(endpoint), config.path()).setAsyncSupported(true);
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + config.path());
    }

    @Override
    protected void stop() throws Exception {
        server.stop();
        endpoint.close();
    }
}
