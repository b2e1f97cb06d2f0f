package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.core.config.LookupConfig;
import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.testkit.ConfigMetadata;
import dev.tokenhook.testkit.TokenHookConfigurationContract;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import java.time.Duration;
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

    /**
     * Micronaut normalises camelCase names to kebab-case; the startup check lists them the same way, and the
     * application's {@code LookupConfig} over the environment reads them.
     */
    @Test
    void camelCaseKeysAreReadAsMicronautNormalisesThem() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("tokenhook.auth.header.secrets", "Basic eDp5", "tokenhook.timeBudget", "1s",
                        "tokenhook.lookups.patients.freshFor", "2s",
                        "tokenhook.lookups.patients.circuit.failureRate", "30",
                        "tokenhook.lookups.patients.not_found_fresh_for", "3s")).start()) {
            TokenHookSettings settings = context.getBean(TokenHookSettings.class);
            assertThat(settings.get(TokenHookKeys.TIME_BUDGET)).isEqualTo(Duration.ofSeconds(1));
            assertThat(settings.get(TokenHookKeys.LOOKUPS, "patients", TokenHookKeys.LOOKUP_FRESH_FOR))
                    .isEqualTo(Duration.ofSeconds(2));
            LookupSettings patients = LookupConfig.fromProperties("patients",
                    key -> context.getEnvironment().getProperty(key, String.class).orElse(null));
            assertThat(patients.freshFor()).isEqualTo(Duration.ofSeconds(2));
            assertThat(patients.circuitFailureRate()).isEqualTo(30);
            assertThat(patients.notFoundFreshFor()).isEqualTo(Duration.ofSeconds(3));
        }
    }

    /**
     * The README's advice: the secret from {@code TOKENHOOK_AUTH_HEADER_SECRETS}; unset, OAuth 2.0 alone starts.
     * Environment variables as Micronaut reads them (its environment-variable convention), lookups' keys too.
     */
    @Test
    void environmentVariablesGiveTheSecretOrLeaveOAuth2Alone() {
        try (ApplicationContext context = withVariables(Map.of("TOKENHOOK_AUTH_HEADER_SECRETS", "Basic eDp5",
                "TOKENHOOK_LOOKUPS_PATIENTS_FRESH_FOR", "2s"))) {
            assertThat(context.getBean(TokenHookSettings.class).get(TokenHookKeys.AUTH_HEADER_SECRETS))
                    .containsExactly("Basic eDp5");
            assertThat(LookupConfig.fromProperties("patients",
                    key -> context.getEnvironment().getProperty(key, String.class).orElse(null)).freshFor())
                    .isEqualTo(Duration.ofSeconds(2));
        }
        try (ApplicationContext context = withVariables(Map.of(
                "TOKENHOOK_AUTH_OAUTH2_ISSUER", "https://example.okta.com/oauth2/default",
                "TOKENHOOK_AUTH_OAUTH2_AUDIENCE", "api://tokenhook",
                "TOKENHOOK_AUTH_OAUTH2_JWKS_URI", "http://127.0.0.1:9/keys"))) {
            TokenHookSettings settings = context.getBean(TokenHookSettings.class);
            assertThat(settings.get(TokenHookKeys.AUTH_HEADER_SECRETS)).isEmpty();
            assertThat(settings.get(TokenHookKeys.OAUTH2_AUDIENCE)).isEqualTo("api://tokenhook");
        }
    }

    private static ApplicationContext withVariables(Map<String, Object> variables) {
        return ApplicationContext.builder().deduceEnvironment(false).propertySources(PropertySource.of("env",
                variables, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE, EnvironmentPropertySource.ORIGIN))
                .start();
    }

    @Test
    void anUnknownCamelCaseLookupKeyIsRefusedWithTheKeyMeant() {
        assertThatThrownBy(() -> bind(Map.of("tokenhook.auth.header.secrets", "Basic eDp5",
                "tokenhook.lookups.patients.freshFour", "2s")))
                .rootCause().isInstanceOf(ConfigException.class)
                .hasMessageContaining("did you mean tokenhook.lookups.patients.fresh-for?");
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
