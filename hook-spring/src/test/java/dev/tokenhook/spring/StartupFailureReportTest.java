package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.testkit.OktaHookCaller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What a user sees when the hook is misconfigured: Boot's failure report, naming the key, the file and line
 * its value came from, and what to do (advice that works with a secret and with OAuth 2.0 alone); never a
 * secret's value.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    private static final byte[] EMPTY_CALL = "{\"eventId\":\"e\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, Object> OAUTH2_ONLY = Map.of(
            "TOKENHOOK_AUTH_OAUTH2_ISSUER", "https://example.okta.com/oauth2/default",
            "TOKENHOOK_AUTH_OAUTH2_AUDIENCE", "api://tokenhook",
            "TOKENHOOK_AUTH_OAUTH2_JWKS_URI", "http://127.0.0.1:9/keys");

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
                .containsPattern("Action:\\s+Set tokenhook.auth.header.secrets")
                .contains("the environment variable TOKENHOOK_AUTH_HEADER_SECRETS")
                .contains("tokenhook.auth.oauth2.issuer and tokenhook.auth.oauth2.audience (TOKENHOOK_AUTH_OAUTH2_ISSUER");
        // No ${VARIABLE:} placeholder with an empty default: unset, it is a blank secret, refused with OAuth 2.0 too.
        assertThat(TokenHookFailureAnalyzer.NO_AUTHENTICATION_ACTION).doesNotContainPattern("\\$\\{[^}]*:}");
    }

    /** The report's advice, followed with the secret: the variable is the secret, calls without it get 401. */
    @Test
    void theAdvisedVariableAuthenticatesWithTheSecret() {
        try (ConfigurableApplicationContext context = app("").initializers(environment(Map.of(
                "TOKENHOOK_AUTH_HEADER_SECRETS", "Basic YWR2aWNlOmZvbGxvd2Vk"))).run()) {
            URI hook = hookUri(context);
            assertThat(new OktaHookCaller(hook, "Authorization", "Basic YWR2aWNlOmZvbGxvd2Vk").call(EMPTY_CALL).status())
                    .isEqualTo(200);
            assertThat(new OktaHookCaller(hook, Map.of()).call(EMPTY_CALL).status()).isEqualTo(401);
        }
    }

    /** The same advice with OAuth 2.0 alone: the secret's variable stays unset, and the application starts. */
    @Test
    void theAdvisedVariableLeftUnsetLetsOAuth2AloneStart() {
        try (ConfigurableApplicationContext context = app("").initializers(environment(OAUTH2_ONLY)).run()) {
            assertThat(new OktaHookCaller(hookUri(context), "Authorization", "Basic YWR2aWNlOmZvbGxvd2Vk")
                    .call(EMPTY_CALL).status()).isEqualTo(401);
        }
    }

    /** Why the report no longer advises ${TOKENHOOK_AUTH_SECRET:}: unset, it blocks an OAuth 2.0-only setup. */
    @Test
    void anEmptyDefaultPlaceholderBlocksOAuth2Alone(CapturedOutput output) {
        assertThatThrownBy(app("empty-default.properties").initializers(environment(OAUTH2_ONLY))::run)
                .hasRootCauseInstanceOf(ConfigException.class);
        assertThat(output.getOut() + output.getErr())
                .containsPattern("tokenhook.auth.header.secrets \\(from [^)]*empty-default.properties[^)]*\\): is blank")
                .contains("or remove the key to authenticate with tokenhook.auth.oauth2.* only");
    }

    private static ApplicationContextInitializer<ConfigurableApplicationContext> environment(Map<String, Object> variables) {
        return context -> context.getEnvironment().getPropertySources().replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    }

    private static URI hookUri(ConfigurableApplicationContext context) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + "/okta/token-hook");
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
