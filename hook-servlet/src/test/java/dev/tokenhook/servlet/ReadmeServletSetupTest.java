package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.docs.DocSnippets;
import dev.tokenhook.servlet.readme.PatientHookListener;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TokenHookRequests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

/** The root README's Servlet snippet is this module's code, and it serves the hook on a real Tomcat. */
class ReadmeServletSetupTest {

    private static final String SECRET = "Basic cmVhZG1lOnNlcnZsZXQ=";

    @Test
    void readmeShowsTheCompiledSetup() throws IOException {
        String snippet = DocSnippets.tagged(
                Path.of("src/test/java/dev/tokenhook/servlet/readme/PatientHookListener.java"), "servlet");

        assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
    }

    @Test
    void theListenerServesThePatientRule() throws Exception {
        Tomcat tomcat = EmbeddedTomcat.create();
        try {
            Context context = EmbeddedTomcat.rootContext(tomcat);
            context.addParameter("tokenhook.auth.header.secrets", SECRET);
            context.addApplicationListener(PatientHookListener.class.getName());
            tomcat.start();
            OktaHookCaller okta = new OktaHookCaller(URI.create("http://127.0.0.1:"
                    + tomcat.getConnector().getLocalPort() + "/okta/token-hook"), "Authorization", SECRET);

            assertThat(okta.call(TokenHookRequests.authorizationCode().user("isaac.brock@example.com").build().json())
                    .bodyText()).contains("\"/claims/extPatientId\",\"value\":\"1234\"");
        } finally {
            EmbeddedTomcat.destroy(tomcat);
        }
    }
}
