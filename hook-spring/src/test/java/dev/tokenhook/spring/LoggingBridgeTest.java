package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** hook-core's System.Logger lines reach Boot's logging, and Boot's levels decide which. */
@ExtendWith(OutputCaptureExtension.class)
class LoggingBridgeTest {

    @Test
    void systemLoggerLinesFollowLoggingLevel(CapturedOutput output) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingBridgeTest.class)
                .web(WebApplicationType.NONE)
                .properties("logging.level.dev.tokenhook=debug", "logging.level.dev.tokenhook.quiet=warn",
                        "spring.main.banner-mode=off")
                .run();
        try {
            System.getLogger("dev.tokenhook.probe").log(System.Logger.Level.DEBUG, "tokenhook-debug-probe");
            System.getLogger("dev.tokenhook.quiet").log(System.Logger.Level.INFO, "tokenhook-quiet-probe");
        } finally {
            context.close();
        }

        assertThat(output.getOut() + output.getErr()).contains("tokenhook-debug-probe")
                .doesNotContain("tokenhook-quiet-probe");
    }
}
