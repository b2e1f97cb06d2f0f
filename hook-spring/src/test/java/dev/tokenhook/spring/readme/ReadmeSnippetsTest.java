package dev.tokenhook.spring.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.spring.TokenHookAutoConfiguration;
import dev.tokenhook.spring.TokenHookHttpRequestHandler;
import dev.tokenhook.docs.DocSnippets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Keeps hook-spring/README.md's snippets identical to code that compiles and runs. */
class ReadmeSnippetsTest {

    // Resolves from hook-spring and from hook-spring-boot3-it, which runs these sources too.
    private static final Path MODULE = Path.of("../hook-spring");

    private static String tagged(String source, String tag) {
        return DocSnippets.tagged(MODULE.resolve(source), tag);
    }

    @Test
    void readmeShowsTheCompiledRuleBeanAndTheSecurityChain() throws IOException {
        String readme = Files.readString(MODULE.resolve("README.md"));

        assertThat(readme).contains(ruleWithImports());
        assertThat(readme).contains(tagged("src/main/java/dev/tokenhook/spring/TokenHookSecurityAutoConfiguration.java",
                "chain"));
        // The secret from the variable Boot binds to the key: unset, OAuth 2.0 alone may run (StartupFailureReportTest).
        assertThat(readme).contains("export TOKENHOOK_AUTH_HEADER_SECRETS=")
                .doesNotContain("tokenhook.auth.header.secrets=${TOKENHOOK_AUTH_SECRET:}");
    }

    @Test
    void rootReadmeShowsTheSameRuleBean() throws IOException {
        String readme = Files.readString(MODULE.resolve("../README.md"));

        assertThat(readme).contains(ruleWithImports()).contains("export TOKENHOOK_AUTH_HEADER_SECRETS=")
                .doesNotContain("tokenhook.auth.header.secrets=${TOKENHOOK_AUTH_SECRET:}");
    }

    private static String ruleWithImports() {
        String source = "src/test/java/dev/tokenhook/spring/readme/ReadmeRules.java";
        return tagged(source, "rule-imports") + "\n" + tagged(source, "rule");
    }

    @Test
    void theRuleBeanIsAllItTakes() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TokenHookAutoConfiguration.class))
                .withUserConfiguration(ReadmeRules.class)
                .withPropertyValues("tokenhook.auth.header.secrets=Basic cmVhZG1lOnNlY3JldA==")
                .run(context -> {
                    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/okta/token-hook");
                    request.addHeader("Authorization", "Basic cmVhZG1lOnNlY3JldA==");
                    request.setContentType("application/json");
                    request.setContent("""
                            {"eventId":"e","data":{"context":{"user":{"profile":{"login":"isaac.brock@example.com"}}},
                             "identity":{"claims":{"sub":"00u1"}}}}
                            """.getBytes(StandardCharsets.UTF_8));
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    context.getBean(TokenHookHttpRequestHandler.class).handleRequest(request, response);

                    assertThat(response.getStatus()).isEqualTo(200);
                    assertThat(response.getContentAsString()).contains("\"/claims/extPatientId\",\"value\":\"1234\"");
                });
    }
}
