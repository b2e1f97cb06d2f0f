package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.TokenHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the README's snippet and checks the README still shows exactly that code. */
class ReadmeExampleTest {

    private static final Path SOURCE = Path.of("src/test/java/dev/tokenhook/examples/patient/ReadmeExampleTest.java");

    @Test
    void theReadmeSnippetAddsThePatientId() throws IOException {
        byte[] body = """
                {
                  "eventType": "com.okta.oauth2.tokens.transform",
                  "data": {
                    "context": {"user": {"id": "00u1", "profile": {"login": "isaac.brock@example.com"}}},
                    "identity": {"claims": {"sub": "00u1"}, "token": {"lifetime": {"expiration": 3600}}}
                  }
                }
                """.getBytes(StandardCharsets.UTF_8);
        byte[] sent;
        // README:start
        try (PooledPatientStore patients = PatientStores.fromConfig(System::getProperty);
                PatientLookup lookup = PatientLookup.of(patients.store(), System::getProperty);
                TokenHook hook = TokenHook.builder().rule(new PatientIdRule(lookup)).build()) {
            HookResult result = hook.process(TokenHookRequest.fromJson(body));
            byte[] answer = result.response().toJson(); // {"commands":[{"type":"com.okta.identity.patch",...}]}
            // README:end
            sent = answer;
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(sent)).isEqualTo(json.readTree("""
                {"commands": [{"type": "com.okta.identity.patch",
                               "value": [{"op": "add", "path": "/claims/extPatientId", "value": "1234"}]}]}
                """));
    }

    @Test
    void theReadmeShowsTheTestedSnippet() throws IOException {
        String source = Files.readString(SOURCE);
        Matcher tested = Pattern.compile("// README:start\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL).matcher(source);
        Matcher shown = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        assertThat(tested.find()).isTrue();
        assertThat(shown.find()).isTrue();
        // The README closes the try block that the test keeps open a line longer.
        assertThat(stripped(shown.group(1))).isEqualTo(stripped(tested.group(1) + "\n}"));
    }

    private static List<String> stripped(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
