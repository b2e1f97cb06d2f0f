package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.core.config.ConfigKey;
import dev.tokenhook.core.config.LookupConfig;
import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.lookup.OnUnknown;
import dev.tokenhook.testkit.ConfigMetadata;
import dev.tokenhook.testkit.TokenHookConfigurationContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The configuration contract on Spring Boot (4.0 here, 3.5 in hook-spring-boot3-it): each case is a web
 * application context whose {@code application.properties} hold the properties.
 */
class SpringConfigurationTest extends TokenHookConfigurationContract {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenHookAutoConfiguration.class));

    @Override
    protected TokenHookSettings bind(Map<String, String> properties) throws Exception {
        AtomicReference<TokenHookSettings> bound = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new MapPropertySource("application.properties", new HashMap<>(properties))))
                .run(context -> {
                    if (context.getStartupFailure() != null) {
                        failed.set(context.getStartupFailure());
                    } else {
                        bound.set(context.getBean(TokenHookSettings.class));
                    }
                });
        if (failed.get() instanceof Exception e) {
            throw e;
        }
        return bound.get();
    }

    @Test
    void relaxedSpellingsAndIndexedListsBindToTheSameKeys() throws Exception {
        Map<String, String> relaxed = new HashMap<>();
        relaxed.put("tokenhook.timeBudget", "1s");
        relaxed.put("tokenhook.auth.header.secrets[0]", "Basic eDp5");
        relaxed.put("tokenhook.auth.header.secrets[1]", "Basic eTp6");

        assertThat(bind(relaxed)).isEqualTo(bind(Map.of("tokenhook.time-budget", "1s",
                "tokenhook.auth.header.secrets", "Basic eDp5,Basic eTp6")));
    }

    /** Environment variables are read for the keys, and other TOKENHOOK_* variables are never refused. */
    @Test
    void environmentVariablesAreReadButNeverRefused() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace("systemEnvironment",
                        new SystemEnvironmentPropertySource("systemEnvironment", Map.of("TOKENHOOK_AUTH_SECRET", "unrelated",
                                "TOKENHOOK_AUTH_HEADER_SECRETS", "Basic eDp5", "TOKENHOOK_TIME_BUDGET", "1s"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TokenHookSettings.class).get(TokenHookKeys.TIME_BUDGET))
                            .isEqualTo(Duration.ofSeconds(1));
                    assertThat(context.getBean(TokenHookSettings.class).get(TokenHookKeys.AUTH_HEADER_SECRETS))
                            .containsExactly("Basic eDp5");
                });
    }

    /**
     * A lookup's keys in the spellings Boot users write (camelCase in properties and YAML), read both by the
     * startup check and by the application's {@code LookupConfig} over {@code environment::getProperty}.
     */
    @Test
    void lookupKeysTakeBootsRelaxedSpellingsInPropertiesAndYaml() throws IOException {
        String yaml = """
                tokenhook:
                  auth.header.secrets: Basic eDp5
                  lookups:
                    patients:
                      freshFor: 2s
                      notFoundFreshFor: 3s
                      circuit:
                        failureRate: 30
                """;
        List<PropertySource<?>> fromYaml = new YamlPropertySourceLoader().load("application.yml",
                new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        runner.withInitializer(context -> fromYaml.forEach(context.getEnvironment().getPropertySources()::addFirst))
                .withPropertyValues("tokenhook.lookups.patients.maxConcurrentCalls=2",
                        "tokenhook.lookups.patients.on_unknown=FAIL_RULE")
                .run(context -> {
                    LookupSettings patients = patientsFreshForTwoSeconds(context);
                    assertThat(patients.notFoundFreshFor()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(patients.circuitFailureRate()).isEqualTo(30);
                    assertThat(patients.maxConcurrentCalls()).isEqualTo(2);
                    assertThat(patients.onUnknown()).isEqualTo(OnUnknown.FAIL_RULE);
                });
    }

    /**
     * Boot's bracket notation for a map key ({@code tokenhook.lookups[patients].fresh-for}) names the same
     * setting as the dotted one: the startup check and the application's {@code LookupConfig} read the
     * value written, neither ignores it nor refuses it.
     */
    @Test
    void lookupKeysTakeBootsBracketNotation() {
        runner.withPropertyValues("tokenhook.auth.header.secrets=Basic eDp5", "tokenhook.lookups[patients].fresh-for=2s",
                        "tokenhook.lookups[patients].circuit.openFor=20s")
                .run(context -> assertThat(patientsFreshForTwoSeconds(context).circuitOpenFor())
                        .isEqualTo(Duration.ofSeconds(20)));
        runner.withPropertyValues("tokenhook.auth.header.secrets=Basic eDp5", "tokenhook.lookups[patients].freshFour=2s")
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(ConfigException.class)
                        .hasMessageContaining("did you mean tokenhook.lookups.patients.fresh-for?"));
    }

    /**
     * Checks the application started, its startup check knows one lookup, {@code patients}, fresh for 2 s,
     * and the application's {@code LookupConfig} reads the same.
     *
     * @return what {@code LookupConfig} read
     */
    private static LookupSettings patientsFreshForTwoSeconds(AssertableWebApplicationContext context) {
        assertThat(context).hasNotFailed();
        TokenHookSettings settings = context.getBean(TokenHookSettings.class);
        assertThat(settings.names(TokenHookKeys.LOOKUPS)).containsExactly("patients");
        assertThat(settings.get(TokenHookKeys.LOOKUPS, "patients", TokenHookKeys.LOOKUP_FRESH_FOR))
                .isEqualTo(Duration.ofSeconds(2));
        LookupSettings patients = LookupConfig.fromProperties("patients", context.getEnvironment()::getProperty);
        assertThat(patients.freshFor()).isEqualTo(Duration.ofSeconds(2));
        return patients;
    }

    /** Boot maps both environment variable spellings of a dashed key; the application's lookup reads either. */
    @ParameterizedTest
    @ValueSource(strings = {"TOKENHOOK_LOOKUPS_PATIENTS_FRESHFOR", "TOKENHOOK_LOOKUPS_PATIENTS_FRESH_FOR"})
    void lookupKeysAreReadFromEnvironmentVariables(String variable) {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace("systemEnvironment",
                        new SystemEnvironmentPropertySource("systemEnvironment", Map.of(variable, "2s",
                                "TOKENHOOK_LOOKUPS_PATIENTS_CIRCUIT_OPENFOR", "20s",
                                "TOKENHOOK_AUTH_HEADER_SECRETS", "Basic eDp5"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    LookupSettings patients = LookupConfig.fromProperties("patients", context.getEnvironment()::getProperty);
                    assertThat(patients.freshFor()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(patients.circuitOpenFor()).isEqualTo(Duration.ofSeconds(20));
                });
    }

    @Test
    void anUnknownLookupKeyInAnySpellingIsRefusedWithTheKeyMeant() {
        runner.withPropertyValues("tokenhook.auth.header.secrets=Basic eDp5", "tokenhook.lookups.patients.freshFour=2s",
                        "tokenhook.lookups.patients.circuit.openFor=20s")
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(ConfigException.class)
                        .hasMessageContaining("tokenhook.lookups.patients.freshFour (from ")
                        .hasMessageContaining("is not a tokenhook key; did you mean tokenhook.lookups.patients.fresh-for?")
                        .message().doesNotContain("openFor"));
    }

    @Test
    void anApplicationClassNamedLikeTheLibrarysBeansDoesNotCollide() {
        runner.withPropertyValues("tokenhook.auth.header.secrets=Basic eDp5")
                .withUserConfiguration(dev.tokenhook.spring.usercode.TokenHookConfig.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(TokenHookEndpoint.class);
                    assertThat(context.getBeanNamesForType(TokenHookEndpoint.class))
                            .allMatch(name -> name.startsWith(TokenHookAutoConfiguration.BEAN_PREFIX));
                });
    }

    /** What IDEs read for completion: generated from hook-core's key table. */
    @Test
    void shipsTheIdeMetadataOfEveryKey() {
        ConfigMetadata.assertShipped(getClass().getClassLoader());
    }

    /**
     * Read as IDEs read it: every key with a name known in advance, and {@code tokenhook.lookups} as a map (so
     * {@code tokenhook.lookups.patients.fresh-for} is not flagged) whose description lists every setting of a
     * lookup with its default, from the same table.
     */
    @Test
    void theIdeMetadataListsTheLookupKeysAsAMapOfDescribedSettings() throws IOException {
        ConfigurationMetadataRepository metadata;
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(ConfigMetadata.RESOURCE)) {
            metadata = ConfigurationMetadataRepositoryJsonBuilder.create(shipped).build();
        }
        Map<String, ConfigurationMetadataProperty> properties = metadata.getAllProperties();
        assertThat(properties).containsKeys(TokenHookKeys.documented().stream().map(ConfigKey::name)
                .toArray(String[]::new));
        ConfigurationMetadataProperty lookups = properties.get(TokenHookKeys.LOOKUPS.prefix());
        assertThat(lookups.getType()).isEqualTo("java.util.Map<java.lang.String,java.lang.String>");
        assertThat(lookups.getDescription()).startsWith(TokenHookKeys.LOOKUPS.description())
                .contains("tokenhook.lookups.<name>.<setting>");
        for (ConfigKey<?> setting : TokenHookKeys.LOOKUPS.settings()) {
            assertThat(lookups.getDescription()).as(setting.name())
                    .contains(" " + setting.name() + " (").contains(setting.description())
                    .contains("default " + setting.defaultText());
        }
        assertThat(lookups.getDescription()).contains("on-unknown (omit-claim or fail-rule; default omit-claim)");
    }
}
