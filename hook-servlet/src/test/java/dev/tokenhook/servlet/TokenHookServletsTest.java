package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.http.TokenHookConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TokenHookServletsTest {

    private static final Map<String, String> PARAMS = Map.of("tokenhook.time-budget", "1s", "tokenhook.path", " ");
    private static final Map<String, String> SYSTEM = Map.of(
            "tokenhook.time-budget", "2s", "tokenhook.max-body-size", "1KB", "tokenhook.path", "/from-system");
    private static final Map<String, String> ENV = Map.of(
            "TOKENHOOK_TIME_BUDGET", "3s", "TOKENHOOK_MAX_BODY_SIZE", "2KB", "TOKENHOOK_AUTH_HEADER_SECRETS", "a,b");

    private final Function<String, String> settings = TokenHookServlets.settings(PARAMS::get, SYSTEM::get, ENV::get);

    @Test
    void initParametersThenSystemPropertiesThenEnvironment() {
        assertThat(settings.apply("tokenhook.time-budget")).isEqualTo("1s");
        assertThat(settings.apply("tokenhook.max-body-size")).isEqualTo("1KB");
        assertThat(settings.apply("tokenhook.path")).as("blank counts as unset").isEqualTo("/from-system");
        assertThat(settings.apply("tokenhook.auth.header.secrets")).isEqualTo("a,b");
        assertThat(settings.apply("tokenhook.on-rule-failure")).isNull();
    }

    @Test
    void theLookupFeedsTheSharedConfiguration() {
        TokenHookConfig config = TokenHookConfig.fromProperties(settings);

        assertThat(config.timeBudget()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.maxBodySize()).isEqualTo(1024);
        assertThat(config.path()).isEqualTo("/from-system");
        assertThat(config.headerSecrets()).containsExactly("a", "b");
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertThat(TokenHookServlets.environmentName("tokenhook.auth.header.secrets"))
                .isEqualTo("TOKENHOOK_AUTH_HEADER_SECRETS");
        assertThat(TokenHookServlets.environmentName("tokenhook.max-body-size")).isEqualTo("TOKENHOOK_MAX_BODY_SIZE");
    }

    @Test
    void rulesAreCreatedInOrder() {
        assertThat(TokenHookServlets.rules(EventIdRule.class.getName() + " , " + EventIdRule.class.getName()))
                .hasSize(2).allMatch(EventIdRule.class::isInstance);
    }

    @Test
    void aClassThatIsNoRuleIsNamed() {
        assertThatThrownBy(() -> TokenHookServlets.rules("java.lang.String"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> TokenHookServlets.rules("com.example.Missing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.example.Missing");
        assertThatThrownBy(() -> TokenHookServlets.rules(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenhook.rules");
    }

    @Test
    void declaredServletWithoutSecretRefusesToStart() {
        ServletConfig config = servletConfig(Map.of("tokenhook.rules", EventIdRule.class.getName()));

        assertThatThrownBy(() -> new TokenHookServlet().init(config))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("hook").hasMessageContaining("tokenhook.auth.header.secrets");
    }

    private static ServletConfig servletConfig(Map<String, String> parameters) {
        return new ServletConfig() {
            @Override
            public String getServletName() {
                return "hook";
            }

            @Override
            public ServletContext getServletContext() {
                return null;
            }

            @Override
            public String getInitParameter(String name) {
                return parameters.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }
        };
    }
}
