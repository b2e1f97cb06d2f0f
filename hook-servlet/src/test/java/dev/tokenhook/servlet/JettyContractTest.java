package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookAdapterContract;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The adapter contract on a real Jetty 12 (ee10), the servlet registered by the helper from a listener. */
class JettyContractTest extends TokenHookAdapterContract {

    private Server server;
    private TokenHookEndpoint endpoint;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception {
        endpoint = config.endpoint(rules);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                TokenHookServlets.register(event.getServletContext(), endpoint, config.path());
            }
        });
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
