package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configuration contract every adapter keeps: started with the same {@code tokenhook.*} properties, as a
 * user would write them, each adapter binds exactly what hook-core reads from them
 * ({@link TokenHookSettings#read}), or fails to start with the same problems, each naming its key and where its
 * value came from. The table covers valid spellings (durations, sizes, enums, lists, booleans), invalid values,
 * unknown keys (typos), unresolved placeholders and blank secrets. An adapter's test extends this class and
 * implements {@link #bind}:
 *
 * <pre>{@code
 * class MicronautConfigurationTest extends TokenHookConfigurationContract {
 *     protected TokenHookSettings bind(Map<String, String> properties) {
 *         try (ApplicationContext context = ApplicationContext.builder().properties(Map.copyOf(properties)).start()) {
 *             return context.getBean(TokenHookSettings.class);
 *         }
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TokenHookConfigurationContract {

    /** The secret every case has unless it sets {@code tokenhook.auth.header.secrets} itself. */
    public static final String SECRET = "Basic Y29uZmlndXJhdGlvbjpjb250cmFjdA==";

    private static final String UNSET = "${TOKENHOOK_CONTRACT_SURELY_UNSET}";

    /**
     * Starts the adapter's framework with these properties (the way its users configure it: application
     * properties, init-parameters) and returns the settings the adapter handed to hook-core.
     *
     * @param properties full {@code tokenhook.*} keys and their values as written
     * @return the settings the started application uses
     * @throws Exception what the start failed with; a {@link ConfigException} must be among its causes
     */
    protected abstract TokenHookSettings bind(Map<String, String> properties) throws Exception;

    /** @return cases that start: each binds exactly what hook-core reads */
    static Stream<Map<String, String>> validCases() {
        return Stream.of(
                Map.of(),
                Map.of("tokenhook.time-budget", "2500ms", "tokenhook.max-body-size", "256KB"),
                Map.of("tokenhook.time-budget", "1.5s", "tokenhook.max-body-size", "256KiB"),
                Map.of("tokenhook.time-budget", "PT2S", "tokenhook.max-body-size", "1MB"),
                Map.of("tokenhook.time-budget", "800", "tokenhook.max-body-size", "65536"),
                Map.of("tokenhook.on-rule-failure", "drop-rule"),
                Map.of("tokenhook.on-rule-failure", "NO_CHANGE"),
                Map.of("tokenhook.on-rule-failure", "Deny", "tokenhook.enabled", "TRUE"),
                Map.of("tokenhook.auth.header.secrets", "new-secret, old-secret", "tokenhook.auth.header.name",
                        "X-Okta-Secret", "tokenhook.path", "/hooks/okta"),
                Map.of("tokenhook.path", " ", "tokenhook.auth.allow-unauthenticated", "false"),
                Map.of("tokenhook.health.enabled", "false", "tokenhook.health.window", "20",
                        "tokenhook.health.failure-threshold", "0.25", "tokenhook.health.min-calls", "5"),
                Map.of("tokenhook.auth.oauth2.issuer", "https://example.okta.com/oauth2/default",
                        "tokenhook.auth.oauth2.audience", "api://tokenhook",
                        "tokenhook.auth.oauth2.jwks-uri", "http://127.0.0.1:9/keys",
                        "tokenhook.auth.oauth2.client-id", "0oa-okta", "tokenhook.auth.oauth2.scope", "okta.hooks"));
    }

    /** @return cases that must not start: each fails with the problems hook-core names */
    static Stream<Map<String, String>> refusedCases() {
        return Stream.of(
                Map.of("tokenhook.time-budget", "5s"),
                Map.of("tokenhook.time-budget", "soon"),
                Map.of("tokenhook.max-body-size", "10MB"),
                Map.of("tokenhook.max-body-size", "lots"),
                Map.of("tokenhook.on-rule-failure", "panic"),
                Map.of("tokenhook.path", "okta"),
                Map.of("tokenhook.enabled", "yes"),
                Map.of("tokenhook.health.window", "0"),
                Map.of("tokenhook.health.failure-threshold", "2"),
                Map.of("tokenhook.health.window", "10", "tokenhook.health.min-calls", "20"),
                Map.of("tokenhook.time-buget", "5s"),
                Map.of("tokenhook.on-rule-failur", "deny"),
                Map.of("tokenhook.auth.header.secret", "Basic bm8tcw=="),
                Map.of("tokenhook.auth.header.secrets", UNSET),
                Map.of("tokenhook.time-budget", UNSET),
                Map.of("tokenhook.auth.header.secrets", ""),
                Map.of("tokenhook.auth.header.secrets", " , "),
                Map.of("tokenhook.auth.oauth2.issuer", "https://example.okta.com/oauth2/default"));
    }

    @ParameterizedTest
    @MethodSource("validCases")
    void bindsWhatHookCoreReads(Map<String, String> written) throws Exception {
        Map<String, String> properties = withSecret(written);

        assertThat(bind(properties)).isEqualTo(TokenHookSettings.read(ConfigSource.of(properties, "reference")));
    }

    @ParameterizedTest
    @MethodSource("refusedCases")
    void refusesWhatHookCoreRefusesNamingKeyAndOrigin(Map<String, String> written) {
        Map<String, String> properties = withSecret(written);
        ConfigException expected = (ConfigException) catchThrowable(() ->
                TokenHookSettings.read(ConfigSource.of(properties, "reference")));
        assertThat(expected).as("hook-core refuses the case").isNotNull();

        Throwable failure = catchThrowable(() -> bind(properties));
        ConfigException actual = configException(failure);

        assertThat(actual.problems()).extracting(p -> p.key() + ": " + p.text())
                .containsExactlyInAnyOrderElementsOf(expected.problems().stream()
                        .map(p -> p.key() + ": " + p.text()).toList());
        assertThat(actual.problems()).filteredOn(p -> properties.containsKey(p.key()))
                .allSatisfy(p -> assertThat(p.origin()).as("where %s came from", p.key()).isNotBlank());
    }

    private static Map<String, String> withSecret(Map<String, String> written) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tokenhook.auth.header.secrets", SECRET);
        properties.putAll(written);
        return properties;
    }

    private static ConfigException configException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigException e) {
                return e;
            }
        }
        throw new AssertionError("the start did not fail with a ConfigException among its causes", failure);
    }
}
