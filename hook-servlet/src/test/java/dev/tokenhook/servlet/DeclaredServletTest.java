package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The servlet declared as in {@code web.xml}: class name plus init-parameters, on a real Tomcat. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredServletTest {

    private static final String SECRET = "declared-secret";

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
        tomcat.start();
        okta = new OktaHookCaller(URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort()
                + "/okta/token-hook"), "Authorization", SECRET);
    }

    @AfterAll
    void stop() throws Exception {
        EmbeddedTomcat.destroy(tomcat);
    }

    @Test
    void buildsItsEndpointFromInitParameters() {
        HookCall call = okta.call("""
                {"eventId":"evt-declared","data":{"access":{"claims":{"sub":"x"},"token":{"lifetime":{"expiration":3600}}}}}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).contains("declared_event").contains("evt-declared");
    }
}
