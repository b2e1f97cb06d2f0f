package dev.tokenhook.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.docs.DocSnippets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keeps README.md's snippets compiled, running and identical to the code they are copied from. */
class ReadmeSnippetsTest {

    @Test
    void readmeShowsTheCompiledRuleSnippet() throws IOException {
        String snippet = DocSnippets.tagged(Path.of("src/test/java/dev/tokenhook/testkit/readme/ReadmeRuleExample.java"), "rule");
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains(snippet);
    }

    @Test
    void readmeShowsTheCompiledTestkitSnippet() throws IOException {
        String snippet = DocSnippets.tagged(Path.of("src/test/java/dev/tokenhook/testkit/readme/ReadmeTestkitExampleTest.java"),
                "testkit");
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains(snippet);
    }

    @Test
    void theSnippetWorks() {
        String secret = "Basic cmVhZG1lOnNlY3JldA==";
        String body = """
                {"eventId":"e","data":{"context":{"user":{"profile":{"login":"isaac.brock@example.com"}}},
                 "identity":{"claims":{"sub":"00u1"}}}}
                """;
        HookHttpResponse response = ReadmeRuleExample.run(
                login -> login.equals("isaac.brock@example.com") ? Optional.of("1234") : Optional.empty(),
                secret,
                HookHttpRequest.of("POST", Map.of("Authorization", List.of(secret),
                        "Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("\"/claims/extPatientId\",\"value\":\"1234\"");
    }
}
