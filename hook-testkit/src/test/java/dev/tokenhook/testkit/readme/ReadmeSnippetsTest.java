package dev.tokenhook.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.docs.DocSnippets;
import dev.tokenhook.testkit.Flow;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keeps README.md's snippets compiled, running and identical to the code they are copied from. */
class ReadmeSnippetsTest {

    private static final String SECRET = "Basic cmVhZG1lOnNlY3JldA==";
    private static final Path HERE = Path.of("src/test/java/dev/tokenhook/testkit/readme");

    private static String readme() throws IOException {
        return Files.readString(Path.of("../README.md"));
    }

    @Test
    void readmeShowsTheCompiledSnippets() throws IOException {
        assertThat(readme())
                .contains(DocSnippets.tagged(HERE.resolve("PatientHook.java"), "rule"))
                .contains(DocSnippets.tagged(HERE.resolve("HttpServerHook.java"), "http-server"))
                .contains(DocSnippets.tagged(HERE.resolve("PatientRuleTest.java"), "testkit"));
    }

    @Test
    void theRuleSnippetWorks() {
        String body = """
                {"eventId":"e","data":{"context":{"user":{"profile":{"login":"isaac.brock@example.com"}}},
                 "identity":{"claims":{"sub":"00u1"}}}}
                """;
        try (PatientHook hook = new PatientHook(
                login -> login.equals("isaac.brock@example.com") ? Optional.of("1234") : Optional.empty(), SECRET)) {
            HookHttpResponse response = hook.answer("POST", Map.of("Authorization", List.of(SECRET),
                    "Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).contains("\"/claims/extPatientId\",\"value\":\"1234\"");
        }
    }

    @Test
    void theHttpServerSnippetServesTheHook() throws IOException {
        ClaimRule hello = ClaimRule.named("hello", (request, patch) -> patch.accessToken().add("hello", "world"));
        try (HttpServerHook hook = new HttpServerHook(Map.of("tokenhook.auth.header.secrets", SECRET,
                "tokenhook.path", "/hooks/okta"), List.of(hello), 0)) {
            URI uri = URI.create("http://127.0.0.1:" + hook.port() + "/hooks/okta");
            HookCall call = new OktaHookCaller(uri, "Authorization", SECRET).call(Flow.CLIENT_CREDENTIALS.bytes());

            assertThat(call.status()).isEqualTo(200);
            assertThat(call.bodyText()).contains("\"/claims/hello\",\"value\":\"world\"");
        }
    }

    @Test
    void theHttpServerSnippetRefusesAMistypedKeyBeforeListening() {
        assertThatThrownBy(() -> new HttpServerHook(Map.of("tokenhook.auth.header.secrets", SECRET,
                "tokenhook.time-buget", "1s"), List.of(), 0))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("did you mean tokenhook.time-budget?");
        assertThatThrownBy(() -> new HttpServerHook(Map.of("tokenhook.auth.header.secrets", ""), List.of(), 0))
                .hasMessageContaining("tokenhook.auth.header.secrets (from properties): is blank");
    }
}
