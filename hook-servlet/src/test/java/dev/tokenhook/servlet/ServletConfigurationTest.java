package dev.tokenhook.servlet;

import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.testkit.TokenHookConfigurationContract;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The configuration contract on a real Tomcat: each case is a web application whose context init-parameters
 * are the properties, started by the container, registering the hook with {@link TokenHookServlets}.
 */
class ServletConfigurationTest extends TokenHookConfigurationContract {

    private final AtomicInteger apps = new AtomicInteger();
    private Tomcat tomcat;

    @BeforeAll
    void startTomcat() throws Exception {
        tomcat = EmbeddedTomcat.create();
        tomcat.start();
    }

    @AfterAll
    void stopTomcat() throws Exception {
        EmbeddedTomcat.destroy(tomcat);
    }

    @Override
    protected TokenHookSettings bind(Map<String, String> properties) throws Exception {
        AtomicReference<TokenHookSettings> bound = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        StandardContext context = new StandardContext();
        context.setPath("/app" + apps.incrementAndGet());
        context.setName(context.getPath());
        context.addLifecycleListener(new Tomcat.FixContextListener());
        context.setClearReferencesThreadLocals(false);
        context.setClearReferencesRmiTargets(false);
        properties.forEach(context::addParameter);
        context.addServletContainerInitializer((classes, servletContext) -> {
            try {
                bound.set(TokenHookServlets.settings(servletContext));
                TokenHookServlets.register(servletContext, List.of());
            } catch (RuntimeException e) {
                failed.set(e);
                throw e;
            }
        }, null);
        tomcat.getHost().addChild(context); // starts it, as the container starts a deployed application
        try {
            if (failed.get() != null) {
                throw failed.get();
            }
            return bound.get();
        } finally {
            remove(context);
        }
    }

    private void remove(Context context) throws Exception {
        context.stop();
        tomcat.getHost().removeChild(context);
    }
}
