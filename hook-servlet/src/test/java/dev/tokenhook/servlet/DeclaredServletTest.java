package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two configuration-driven ways, on a real Tomcat: the servlet declared as in {@code web.xml} (class
 * name plus init-parameters), and the helper reading context init-parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredServletTest {

    private static final String SECRET = "declared-secret";
    private static final byte[] ACCESS_TOKEN_REQUEST = """
            {"eventId":"evt-declared","data":{"access":{"claims":{"sub":"x"},"token":{"lifetime":{"expiration":3600}}}}}
            """.getBytes(StandardCharsets.UTF_8);

    private Tomcat tomcat;
    private OktaHookCaller okta;

    @BeforeAll
    void start() throws Exception {
        tomcat = EmbeddedTomcat.create();
        Context context = EmbeddedTomcat.rootContext(tomcat);
        Wrapper servlet = Tomcat.addServlet(context, "hook", TokenHookServlet.class.getName());
        servlet.addInitParameter("tokenhook.auth.header.secrets", "old-secret, " + SECRET);
        servlet.addInitParameter("tokenhook.rules", EventIdRule.class.getName());
        servlet.setLoadOnStartup(1);
        context.addServletMappingDecoded("/okta/token-hook", "hook");
        context.addParameter("tokenhook.path", "/configured");
        context.addParameter("tokenhook.auth.header.secrets", SECRET);
        context.addServletContainerInitializer(
                (classes, servletContext) -> TokenHookServlets.register(servletContext, List.of(new EventIdRule())), null);
        tomcat.start();
        okta = new OktaHookCaller(URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort()
                + "/okta/token-hook"), "Authorization", SECRET);
    }

    @AfterAll
    void stop() throws Exception {
        EmbeddedTomcat.destroy(tomcat);
    }

    @Test
    void declaredServletBuildsItsEndpointFromInitParameters() {
        HookCall call = okta.call(ACCESS_TOKEN_REQUEST);

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).contains("declared_event").contains("evt-declared");
    }

    @Test
    void helperBuildsTheEndpointFromContextParameters() {
        OktaHookCaller configured = new OktaHookCaller(okta.hookUri().resolve("/configured"), "Authorization", SECRET);

        assertThat(configured.call(ACCESS_TOKEN_REQUEST).bodyText()).contains("evt-declared");
        assertThat(new OktaHookCaller(configured.hookUri(), "Authorization", "old-secret").call(ACCESS_TOKEN_REQUEST)
                .status()).isEqualTo(401);
    }
}
