package dev.tokenhook.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo's main path, in-process: one hook on a free port, the three scenarios, exit code 0. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMainTest {

    private static final Pattern CLAIM = Pattern.compile("\"extPatientId\": \"(\\w+)\"");

    private int exitCode;
    private String output;

    @BeforeAll
    void runTheDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exitCode = Demo.run(out, DemoOptions.defaults());
        }
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void allThreeScenariosBehaveAsExpected() {
        assertThat(exitCode).as(output).isEqualTo(Demo.OK);
        assertThat(output)
                .contains("== 1/3  Authorization code sign-in of a patient")
                .contains("== 2/3  Authorization code sign-in of a non-patient")
                .contains("== 3/3  Client credentials: a service calls the API")
                .contains("All 3 scenarios behaved as expected")
                .doesNotContain("FAILED");
        assertThat(output.split("Check {10}OK: ", -1)).hasSize(4);
    }

    @Test
    void onlyThePatientsIdTokenHasExtPatientId1234() {
        String patient = section(1);
        String patientIdToken = between(patient, "\nID token ", "\nAccess token ");
        String patientAccessToken = between(patient, "\nAccess token ", "\nCheck ");

        assertThat(patientIdToken).contains("\"extPatientId\": \"1234\",   " + Demo.ADDED);
        assertThat(CLAIM.matcher(patient).results().count()).as("once, in the ID token").isOne();
        assertThat(patientAccessToken).doesNotContain("extPatientId");
        assertThat(section(2)).doesNotContain("\"extPatientId\"").doesNotContain(Demo.ADDED);
        assertThat(section(3)).doesNotContain("\"extPatientId\"").doesNotContain(Demo.ADDED);
    }

    @Test
    void printsTheHooksAnswerAndOktasVerdict() {
        assertThat(section(1)).contains("HTTP 200 in ").contains("\"type\": \"com.okta.identity.patch\"")
                .contains("\"path\": \"/claims/extPatientId\"").contains("PATCHED: ");
        assertThat(section(2)).contains("HTTP 200 in ").contains("\n" + " ".repeat(15) + "{}\n").contains("UNCHANGED: ");
        assertThat(section(3)).contains("UNCHANGED: ").contains("ID token       none: Okta is not minting one");
    }

    @Test
    void printsEachTokenAsASignedJwtWithItsDecodedClaims() {
        for (int i = 1; i <= 3; i++) {
            String accessToken = between(section(i), "\nAccess token ", "\nCheck ");
            assertThat(accessToken).containsPattern("^\nAccess token {3}eyJ[\\w-]{37}\\.\\.\\.\n");
            assertThat(accessToken).contains("RS256, kid tokenhook-emulator").contains("signature verified")
                    // iat and exp exist only in the minted JWT, never in the request: the claims were decoded from it
                    .contains("\"iat\": ").contains("\"exp\": ").contains("\"aud\": \"api://default\"");
        }
        assertThat(between(section(1), "\nID token ", "\nAccess token "))
                .contains("\"preferred_username\": \"isaac.brock@example.com\"").contains("\"iat\": ");
        assertThat(between(section(2), "\nID token ", "\nAccess token "))
                .contains("\"preferred_username\": \"someone@example.com\"");
        assertThat(between(section(3), "\nAccess token ", "\nCheck ")).contains("\"sub\": \"0oa1service\"");
    }

    @Test
    void fitsATerminalOfAHundredColumnsInAscii() {
        assertThat(output.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(95));
        assertThat(output.chars()).allMatch(c -> c == '\n' || (c >= ' ' && c < 127));
    }

    @Test
    void printsTheSecretAsTheAuthorizationHeader() {
        Matcher secret = Pattern.compile("Secret {9}Authorization: (demo-[\\w-]{24})\n").matcher(output);
        assertThat(secret.find()).as(output).isTrue();
    }

    /** @return the text of scenario {@code n}, from its title to the next one (or the summary) */
    private String section(int n) {
        String start = "\n== " + n + "/3 ";
        String rest = output.substring(output.indexOf(start) + 1);
        int end = rest.indexOf("\n==");
        return end < 0 ? rest : rest.substring(0, end + 1);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + 1);
        assertThat(start).as("'%s' in%n%s", from.strip(), text).isNotNegative();
        assertThat(end).as("'%s' in%n%s", to.strip(), text).isGreaterThan(start);
        return text.substring(start, end + 1);
    }
}
