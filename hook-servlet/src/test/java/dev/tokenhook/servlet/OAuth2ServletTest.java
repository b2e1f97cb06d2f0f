package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TestIssuer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** OAuth 2.0 hook authentication configured through init-parameters, on a real Tomcat. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuth2ServletTest {

    private static final byte[] REQUEST = """
            {"eventId":"evt-oauth","data":{"access":{"claims":{"sub":"x"},"token":{"lifetime":{"expiration":3600}}}}}
            """.getBytes(StandardCharsets.UTF_8);

    private TestIssuer issuer;
    private Tomcat tomcat;
    private URI hook;

    @BeforeAll
    void start() throws Exception {
        issuer = TestIssuer.start();
        tomcat = EmbeddedTomcat.create();
        Context context = EmbeddedTomcat.rootContext(tomcat);
        Wrapper servlet = Tomcat.addServlet(context, "hook", TokenHookServlet.class.getName());
        issuer.properties().forEach(servlet::addInitParameter);
        servlet.addInitParameter("tokenhook.rules", EventIdRule.class.getName());
        servlet.setLoadOnStartup(1);
        context.addServletMappingDecoded("/okta/token-hook", "hook");
        tomcat.start();
        hook = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/okta/token-hook");
    }

    @AfterAll
    void stop() throws Exception {
        EmbeddedTomcat.destroy(tomcat);
        issuer.close();
    }

    @Test
    void bearerTokenFromTheIssuerIsAcceptedAndOthersAreNot() {
        assertThat(new OktaHookCaller(hook, "Authorization", "Bearer " + issuer.accessToken()).call(REQUEST).bodyText())
                .contains("evt-oauth");
        assertThat(new OktaHookCaller(hook, "Authorization", "Bearer " + issuer.accessToken(Map.of("aud", "x")))
                .call(REQUEST).status()).isEqualTo(401);
        assertThat(new OktaHookCaller(hook, Map.of()).call(REQUEST).status()).isEqualTo(401);
    }
}
