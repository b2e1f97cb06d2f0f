package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.patch.ReservedClaims;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenHookServletsTest {

    private static final Map<String, String> PARAMS = Map.of("tokenhook.time-budget", "1s", "tokenhook.path", " ",
            "tokenhook.auth.header.secrets", "a,b", "other.parameter", "x");

    private final ConfigSource source = TokenHookServlets.source(PARAMS::get, Collections.enumeration(PARAMS.keySet()),
            "context init-parameter");

    @Test
    void initParametersFeedTheSharedConfiguration() {
        TokenHookConfig config = TokenHookConfig.from(TokenHookSettings.read(source));

        assertThat(config.timeBudget()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.path()).as("blank counts as unset").isEqualTo(TokenHookConfig.DEFAULT_PATH);
        assertThat(config.headerSecrets()).containsExactly("a", "b");
        assertThat(source.origin("tokenhook.time-budget")).isEqualTo("context init-parameter");
        assertThat(source.keys()).doesNotContain("other.parameter");
    }

    @Test
    void reservedClaimInitParametersFeedTheSharedConfiguration() {
        Map<String, String> params = Map.of("tokenhook.reserved-claims.access-token.allow", "cnf",
                "tokenhook.reserved-claims.access-token.deny", "role,permissions");
        ConfigSource init = TokenHookServlets.source(params::get, Collections.enumeration(params.keySet()),
                "context init-parameter");

        assertThat(TokenHookConfig.from(TokenHookSettings.read(init)).reservedClaims()).isEqualTo(ReservedClaims
                .defaults().allow(TokenType.ACCESS_TOKEN, "cnf").reserve(TokenType.ACCESS_TOKEN, "role", "permissions"));
    }

    @Test
    void aMistypedInitParameterIsRefusedNamingTheKeyAndWhereItIs() {
        Map<String, String> typo = Map.of("tokenhook.time-buget", "1s");
        ConfigSource mistyped = TokenHookServlets.source(typo::get, Collections.enumeration(typo.keySet()),
                "context init-parameter");

        assertThatThrownBy(() -> TokenHookSettings.read(mistyped)).hasMessageContaining(
                "tokenhook.time-buget (from context init-parameter): is not a tokenhook key; did you mean "
                        + "tokenhook.time-budget?");
    }

    @Test
    void rulesAreCreatedInOrder() {
        assertThat(TokenHookServlets.rules(List.of(EventIdRule.class.getName(), EventIdRule.class.getName())))
                .hasSize(2).allMatch(EventIdRule.class::isInstance);
    }

    @Test
    void aClassThatIsNoRuleIsNamed() {
        assertThatThrownBy(() -> TokenHookServlets.rules(List.of("java.lang.String")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> TokenHookServlets.rules(List.of("com.example.Missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.example.Missing");
        assertThatThrownBy(() -> TokenHookServlets.rules(List.of()))
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
