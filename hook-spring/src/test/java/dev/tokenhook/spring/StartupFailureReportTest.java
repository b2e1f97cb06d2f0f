package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.auth.MissingAuthenticationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a user sees when the hook has no secret: Boot's failure report, naming the property to set. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    @Test
    void missingSecretIsReportedWithTheActionToTake(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(TestHookApplication.class)
                .properties(Map.of("server.port", "0", "server.address", "127.0.0.1", "spring.main.banner-mode", "off"));

        assertThatThrownBy(app::run).hasRootCauseInstanceOf(MissingAuthenticationException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The token hook endpoint has no authentication")
                .containsPattern("Action:\\s+Set tokenhook.auth.header.secrets");
    }
}
