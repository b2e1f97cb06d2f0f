package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookHostileCallersContract;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/** The hostile-callers contract on a real embedded Tomcat 11 with 4 worker threads, fewer than the slow callers. */
class TomcatHostileCallersTest extends TokenHookHostileCallersContract {

    private Tomcat tomcat;
    private TokenHookEndpoint endpoint;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception {
        endpoint = config.endpoint(rules);
        tomcat = EmbeddedTomcat.create();
        tomcat.getConnector().setProperty("maxThreads", "4");
        tomcat.getConnector().setProperty("minSpareThreads", "1");
        Context context = EmbeddedTomcat.rootContext(tomcat);
        context.addServletContainerInitializer((classes, servletContext) -> {
            TokenHookServlets.register(servletContext, endpoint, config.path());
            servletContext.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    endpoint.close();
                }
            });
        }, null);
        tomcat.start();
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + config.path());
    }

    @Override
    protected void stop() throws Exception {
        EmbeddedTomcat.destroy(tomcat);
    }
}
