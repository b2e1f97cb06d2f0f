package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a user sees when the hook is misconfigured: Boot's failure report, naming the key, the file and line
 * its value came from, and what to do; never a secret's value.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    private static SpringApplicationBuilder app(String properties) {
        return new SpringApplicationBuilder(TestHookApplication.class).properties(Map.of("server.port", "0",
                "server.address", "127.0.0.1", "spring.main.banner-mode", "off",
                // Resolves from hook-spring and from hook-spring-boot3-it, which runs these sources too.
                "spring.config.location", properties.isEmpty() ? "optional:file:none.properties"
                        : "file:../hook-spring/src/test/config/" + properties));
    }

    @Test
    void missingSecretIsReportedWithTheActionToTake(CapturedOutput output) {
        assertThatThrownBy(app("")::run).hasRootCauseInstanceOf(MissingAuthenticationException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The token hook endpoint has no authentication")
                .containsPattern("Action:\\s+Set tokenhook.auth.header.secrets");
    }

    @Test
    void aTypoIsReportedWithItsLineAndTheKeyMeant(CapturedOutput output) {
        assertThatThrownBy(app("typo.properties")::run).hasRootCauseInstanceOf(ConfigException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .containsPattern("tokenhook.time-buget \\(from [^)]*typo.properties[^)]*3:\\d+\\): is not a tokenhook key; "
                        + "did you mean tokenhook.time-budget\\?")
                .containsPattern("Action:\\s+Correct the tokenhook.\\* keys named above");
    }

    @Test
    void anUnresolvedPlaceholderIsNeverTakenForTheSecret(CapturedOutput output) {
        assertThatThrownBy(app("placeholder.properties")::run).hasRootCauseInstanceOf(ConfigException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .containsPattern("tokenhook.auth.header.secrets \\(from [^)]*placeholder.properties[^)]*\\): is the "
                        + "unresolved placeholder \\$\\{TOKENHOOK_TEST_SURELY_UNSET_SECRET}");
    }

    @Test
    void secretWithoutTheSIsReportedWithoutShowingTheSecret(CapturedOutput output) {
        assertThatThrownBy(app("secret.properties")::run).hasRootCauseInstanceOf(ConfigException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("did you mean tokenhook.auth.header.secrets?")
                .doesNotContain("bm90OnNob3du");
    }
}
