package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.testkit.ConfigMetadata;
import dev.tokenhook.testkit.TokenHookConfigurationContract;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration contract on Micronaut: each case is an application context started with the properties. */
class MicronautConfigurationTest extends TokenHookConfigurationContract {

    @Override
    protected TokenHookSettings bind(Map<String, String> properties) {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.copyOf(properties)).start()) {
            return context.getBean(TokenHookSettings.class);
        }
    }

    @Test
    void placeholdersWithADefaultResolveAsMicronautDoes() {
        assertThat(bind(Map.of("tokenhook.auth.header.secrets", "${TOKENHOOK_CONTRACT_SURELY_UNSET:Basic eDp5}",
                "tokenhook.time-budget", "${TOKENHOOK_CONTRACT_SURELY_UNSET:1s}"))).isEqualTo(bind(Map.of(
                        "tokenhook.auth.header.secrets", "Basic eDp5", "tokenhook.time-budget", "1s")));
    }

    /** What IDEs read for completion: generated from hook-core's key table. */
    @Test
    void shipsTheIdeMetadataOfEveryKey() {
        ConfigMetadata.assertShipped(getClass().getClassLoader());
    }

    /** hook-core logs through System.Logger; in a Micronaut application that must reach SLF4J. */
    @Test
    void hookCoreLogsReachSlf4j() {
        assertThat(System.getLogger("dev.tokenhook").getClass().getName()).startsWith("org.slf4j.");
    }
}
