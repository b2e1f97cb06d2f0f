package dev.tokenhook.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.config.LookupConfig;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.TokenHook;
import dev.tokenhook.docs.DocSnippets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's snippet is this code, and it runs. */
class ReadmeSnippetTest {

    /** Stands in for the application's own blocking lookup (a JDBC query in the examples). */
    static final class Store {
        Optional<String> patientIdFor(String login) {
            return Optional.ofNullable(Map.of("ann@example.com", "1234").get(login));
        }
    }

    @Test
    void theSnippetRunsAndIsInTheReadme() throws Exception {
        Store store = new Store();
        // tag::lookup[]
        ClaimLookup<String, String> patients = ClaimLookup.builder("patients", store::patientIdFor)
                .settings(LookupConfig.fromProperties("patients", System::getProperty))
                .build();
        ClaimRule patientId = ClaimRule.named("patient-id", (request, patch) ->
                request.userLogin().flatMap(patients)
                        .ifPresent(id -> patch.idToken().add("extPatientId", id)));
        // end::lookup[]
        try (patients; TokenHook hook = TokenHook.builder().rule(patientId).build()) {
            HookResult result = hook.process(TokenHookRequest.fromJson("""
                    {"data":{"context":{"user":{"profile":{"login":"ann@example.com"}}},"identity":{"claims":{}}}}
                    """.getBytes(StandardCharsets.UTF_8)));
            assertThat(new String(result.response().toJson(), StandardCharsets.UTF_8)).contains("\"1234\"");
            assertThat(result.rules().get(0).notes()).hasToString("[patients:miss:found]");
        }
        assertThat(Files.readString(Path.of("README.md")))
                .contains(DocSnippets.tagged(Path.of("src/test/java/dev/tokenhook/lookup/ReadmeSnippetTest.java"), "lookup"));
    }
}
