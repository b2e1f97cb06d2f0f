package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.micronaut.readme.ReadmeRules;
import dev.tokenhook.docs.DocSnippets;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TokenHookRequests;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The root README's Micronaut snippet is this module's code, and the rule bean is all it takes. */
class ReadmeRulesTest {

    private static final String SECRET = "Basic cmVhZG1lOm1pY3JvbmF1dA==";

    @Test
    void readmeShowsTheCompiledRuleBean() throws IOException {
        Path source = Path.of("src/test/java/dev/tokenhook/micronaut/readme/ReadmeRules.java");
        String snippet = DocSnippets.tagged(source, "micronaut-imports") + "\n" + DocSnippets.tagged(source, "micronaut");

        assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
    }

    @Test
    void theRuleBeanServesThePatientScenario() {
        try (EmbeddedServer server = MicronautServers.start(Map.of(ReadmeRules.ENABLE, "true",
                "tokenhook.auth.header.secrets", SECRET), List.of())) {
            OktaHookCaller okta = new OktaHookCaller(MicronautServers.uri(server, "/okta/token-hook"), "Authorization",
                    SECRET);

            assertThat(okta.call(TokenHookRequests.authorizationCode().user("isaac.brock@example.com").build().json())
                    .bodyText()).contains("\"/claims/extPatientId\",\"value\":\"1234\"");
        }
    }
}
