package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookEndpoint;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A Jetty 12 (ee10) on a random loopback port serving an endpoint, registered by the helper from a listener. */
final class EmbeddedJetty {

    private EmbeddedJetty() {
    }

    /**
     * @param server a server not yet started (with the thread pool the test wants)
     * @param endpoint the endpoint to serve
     * @param path where
     * @return the hook's URL, once started
     * @throws Exception if Jetty cannot start
     */
    static URI serve(Server server, TokenHookEndpoint endpoint, String path) throws Exception {
        return serve(server, endpoint, path, context -> { });
    }

    /** The same, with more of the application (filters, say) registered before the hook. */
    static URI serve(Server server, TokenHookEndpoint endpoint, String path, Consumer<ServletContext> application)
            throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                application.accept(event.getServletContext());
                TokenHookServlets.register(event.getServletContext(), endpoint, path);
            }
        });
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }
}
