package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookEndpoint;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/** An embedded Tomcat on a random loopback port, its base directory under {@code target/}, logging quiet. */
final class EmbeddedTomcat {

    /** Held so the level sticks: JUL keeps loggers weakly. */
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    private EmbeddedTomcat() {
    }

    static Tomcat create() throws IOException {
        TOMCAT_LOG.setLevel(Level.WARNING);
        Path target = Files.createDirectories(Path.of("target"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(target, "tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        return tomcat;
    }

    /** @return the root context, without the leak checks that need {@code --add-opens} */
    static Context rootContext(Tomcat tomcat) {
        StandardContext context = (StandardContext) tomcat.addContext("", null);
        context.setClearReferencesThreadLocals(false);
        context.setClearReferencesRmiTargets(false);
        return context;
    }

    /**
     * Registers the endpoint by the helper from an initializer, closing it when the context stops (before
     * Tomcat looks for threads the application left running), and starts Tomcat.
     *
     * @return the hook's URL
     */
    static URI serve(Tomcat tomcat, TokenHookEndpoint endpoint, String path) throws LifecycleException {
        return serve(tomcat, endpoint, path, servletContext -> { });
    }

    /** The same, with more of the application (filters, say) registered before the hook. */
    static URI serve(Tomcat tomcat, TokenHookEndpoint endpoint, String path, Consumer<ServletContext> application)
            throws LifecycleException {
        Context context = rootContext(tomcat);
        context.addServletContainerInitializer((classes, servletContext) -> {
            application.accept(servletContext);
            TokenHookServlets.register(servletContext, endpoint, path);
            servletContext.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    endpoint.close();
                }
            });
        }, null);
        tomcat.start();
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path);
    }

    static void destroy(Tomcat tomcat) throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
