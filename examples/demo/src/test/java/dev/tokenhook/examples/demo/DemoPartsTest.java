package dev.tokenhook.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.testkit.EmulatedOutcome.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line, the checks and the keep-running instructions, without starting a hook. */
class DemoPartsTest {

    private static final Scenario PATIENT = Scenario.all().get(0);
    private static final Scenario NON_PATIENT = Scenario.all().get(1);

    @Test
    void parsesTheCommandLine() {
        assertThat(DemoOptions.parse()).isEqualTo(DemoOptions.defaults());
        assertThat(DemoOptions.parse("--keep-running", "--port", "8080", "--secret", "s3cret"))
                .isEqualTo(new DemoOptions(8080, true, "s3cret", false));
        assertThat(DemoOptions.parse("--port=0", "--secret=Basic b2s=")).isEqualTo(new DemoOptions(0, false, "Basic b2s=", false));
        assertThat(DemoOptions.parse("--port", "1", "-h").help()).isTrue();
    }

    @Test
    void refusesAWrongCommandLineInOneLine() {
        assertThatThrownBy(() -> DemoOptions.parse("--keep")).hasMessage("unknown option '--keep'");
        assertThatThrownBy(() -> DemoOptions.parse("--port", "http")).hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> DemoOptions.parse("--port", "70000")).hasMessageContaining("from 0 to 65535");
        assertThatThrownBy(() -> DemoOptions.parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--secret", "a,b")).hasMessageContaining("without commas");
    }

    @Test
    void aPatientWithoutExtPatientIdIsAFailure() {
        assertThat(PATIENT.problems(200, Result.PATCHED, Map.of(TokenType.ID_TOKEN, claims("{\"sub\":\"x\"}")), List.of()))
                .containsExactly("the ID token has no extPatientId instead of extPatientId \"1234\"");
        assertThat(PATIENT.problems(401, Result.HOOK_FAILED, Map.of(TokenType.ID_TOKEN, claims("{}")), List.of()))
                .contains("the hook answered HTTP 401 instead of 200", "Okta's verdict is HOOK_FAILED instead of PATCHED");
        assertThat(PATIENT.problems(200, Result.PATCHED, Map.of(
                TokenType.ID_TOKEN, claims("{\"extPatientId\":\"1234\"}"),
                TokenType.ACCESS_TOKEN, claims("{\"extPatientId\":\"1234\"}")), List.of(TokenType.ID_TOKEN)))
                .containsExactly("the access token has extPatientId \"1234\", it must have none",
                        "the ID token's signature does not verify");
        assertThat(PATIENT.problems(200, Result.PATCHED, Map.of(TokenType.ID_TOKEN, claims("{\"extPatientId\":\"1234\"}")),
                List.of())).isEmpty();
    }

    @Test
    void aNonPatientWithExtPatientIdIsAFailure() {
        assertThat(NON_PATIENT.problems(200, Result.PATCHED, Map.of(TokenType.ID_TOKEN, claims("{\"extPatientId\":\"5678\"}")),
                List.of())).containsExactly("Okta's verdict is PATCHED instead of UNCHANGED",
                        "the ID token has extPatientId \"5678\", it must have none");
    }

    @Test
    void saysWhenTheHookCannotStart() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    new DemoOptions(taken.getLocalPort(), false, null, false));

            assertThat(code).isEqualTo(Demo.USAGE_OR_START_ERROR);
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .startsWith("demo: the hook service did not start on port " + taken.getLocalPort() + ": ")
                    .contains("Choose another with --port N");
        }
    }

    @Test
    void keepRunningPrintsAReadyToPasteCurlCommand() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.printHowToCallIt(new PrintStream(bytes, true, StandardCharsets.UTF_8), 8080,
                URI.create("http://127.0.0.1:8080/okta/token-hook"), "demo-s3cret", Path.of("/tmp/signin.json"));
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("""

                  curl -sS http://127.0.0.1:8080/okta/token-hook \\
                    -H 'Authorization: demo-s3cret' \\
                    -H 'Content-Type: application/json' \\
                    --data-binary @/tmp/signin.json

                """)
                .contains("https://<tunnel host>/okta/token-hook").contains("Authentication secret  demo-s3cret")
                .contains("ngrok http 8080").contains("Preview").contains("Ctrl-C");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(95));
    }

    private static ObjectNode claims(String json) {
        try {
            return (ObjectNode) JsonText.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
