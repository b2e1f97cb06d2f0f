package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.auth.AuthResult;
import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookEvent;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.HookOutcome;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.patch.ReservedClaims;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

class TokenHookAutoConfigurationTest {

    private static final String SECRET = "tokenhook.auth.header.secrets=s3cret";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenHookAutoConfiguration.class,
                    TokenHookSecurityAutoConfiguration.class));

    @Test
    void bindsEveryProperty() {
        runner.withPropertyValues(
                "tokenhook.enabled=true",
                "tokenhook.path=/hooks/okta",
                "tokenhook.auth.header.name=X-Okta-Secret",
                "tokenhook.auth.header.secrets=current,previous",
                "tokenhook.auth.allow-unauthenticated=false",
                "tokenhook.time-budget=2s",
                "tokenhook.max-body-size=512KB",
                "tokenhook.on-rule-failure=deny").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TokenHookConfig.class)).isEqualTo(new TokenHookConfig(true, "/hooks/okta",
                            "X-Okta-Secret", List.of("current", "previous"), false, Duration.ofSeconds(2), 512 * 1024,
                            RuleFailurePolicy.DENY));
                    assertThat(context.getBean(TokenHookEndpoint.class).maxBodySize()).isEqualTo(512 * 1024);
                    assertThat(context.getBean(TokenHookEndpoint.class).hook().failurePolicy()).isEqualTo(RuleFailurePolicy.DENY);
                    assertThat(context.getBean(TokenHookAutoConfiguration.HANDLER_MAPPING_BEAN_NAME,
                            SimpleUrlHandlerMapping.class).getUrlMap()).containsOnlyKeys("/hooks/okta");
                });
    }

    @Test
    void bindsTheReservedClaimKeys() {
        runner.withPropertyValues(
                "tokenhook.auth.header.secrets=current",
                "tokenhook.reserved-claims.access-token.allow=cnf",
                "tokenhook.reserved-claims.access-token.deny[0]=role",
                "tokenhook.reserved-claims.access-token.deny[1]=permissions",
                "tokenhook.reserved-claims.id-token.deny=tenant").run(context -> {
                    assertThat(context).hasNotFailed();
                    ReservedClaims expected = ReservedClaims.defaults().allow(TokenType.ACCESS_TOKEN, "cnf")
                            .reserve(TokenType.ACCESS_TOKEN, "role", "permissions")
                            .reserve(TokenType.ID_TOKEN, "tenant");
                    assertThat(context.getBean(TokenHookConfig.class).reservedClaims()).isEqualTo(expected);
                    assertThat(context.getBean(TokenHookEndpoint.class).hook().reservedClaims()).isEqualTo(expected);
                });
    }

    @Test
    void bindsOtherSpellings() {
        runner.withPropertyValues(
                "tokenhook.auth.header.secrets[0]=only",
                "tokenhook.time-budget=PT1.5S",
                "tokenhook.max-body-size=1MB",
                "tokenhook.on-rule-failure=NO_CHANGE").run(context -> {
                    TokenHookConfig config = context.getBean(TokenHookConfig.class);
                    assertThat(config.headerSecrets()).containsExactly("only");
                    assertThat(config.timeBudget()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(config.maxBodySize()).isEqualTo(1024 * 1024);
                    assertThat(config.onRuleFailure()).isEqualTo(RuleFailurePolicy.NO_CHANGE);
                });
        runner.withPropertyValues(SECRET, "tokenhook.time-budget=800").run(context ->
                assertThat(context.getBean(TokenHookConfig.class).timeBudget()).isEqualTo(Duration.ofMillis(800)));
    }

    @Test
    void bindsOAuth2AndAcceptsItAsTheOnlyAuthentication() {
        runner.withPropertyValues(
                "tokenhook.auth.oauth2.issuer=https://example.okta.com/oauth2/default",
                "tokenhook.auth.oauth2.audience=api://tokenhook",
                "tokenhook.auth.oauth2.jwks-uri=http://127.0.0.1:9/keys",
                "tokenhook.auth.oauth2.client-id=0oa-okta",
                "tokenhook.auth.oauth2.scope=okta.hooks").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TokenHookConfig.class).oauth2()).isEqualTo(new OAuth2Settings(
                            "https://example.okta.com/oauth2/default", "api://tokenhook", "http://127.0.0.1:9/keys",
                            "0oa-okta", "okta.hooks"));
                    assertThat(call(context.getBean(TokenHookHttpRequestHandler.class), null).getStatus()).isEqualTo(401);
                });
        runner.withPropertyValues("tokenhook.auth.oauth2.issuer=https://example.okta.com/oauth2/default").run(context ->
                assertThat(cause(context.getStartupFailure())).hasMessageContaining("tokenhook.auth.oauth2.audience"));
    }

    @Test
    void listenerBeansHearEveryCall() {
        runner.withPropertyValues("tokenhook.auth.allow-unauthenticated=true").withUserConfiguration(Listener.class)
                .run(context -> {
                    call(context.getBean(TokenHookHttpRequestHandler.class), null);
                    assertThat(context.getBean(Listener.class).events).singleElement()
                            .satisfies(event -> assertThat(event.outcome()).isEqualTo(HookOutcome.NO_CHANGE));
                });
    }

    @Test
    void unsetPropertiesTakeHookCoreDefaults() {
        runner.withPropertyValues(SECRET).run(context -> {
            TokenHookConfig d = TokenHookConfig.defaults();
            assertThat(context.getBean(TokenHookConfig.class)).isEqualTo(new TokenHookConfig(d.enabled(), d.path(),
                    d.headerName(), List.of("s3cret"), d.allowUnauthenticated(), d.timeBudget(), d.maxBodySize(),
                    d.onRuleFailure()));
            assertThat(context.getBean(TokenHookAutoConfiguration.HANDLER_MAPPING_BEAN_NAME, SimpleUrlHandlerMapping.class)
                    .getUrlMap()).containsOnlyKeys(TokenHookConfig.DEFAULT_PATH);
        });
    }

    @Test
    void collectsRuleBeansInOrder() {
        runner.withPropertyValues(SECRET).withUserConfiguration(OrderedRules.class).run(context ->
                assertThat(context.getBean(TokenHookEndpoint.class).hook().rules()).extracting(ClaimRule::name)
                        .containsExactly("first", "second", "third"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesTheEndpoint() throws Exception {
        runner.withUserConfiguration(OwnEndpoint.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TokenHookEndpoint.class);
            assertThat(context.getBean(TokenHookEndpoint.class)).isSameAs(context.getBean(OwnEndpoint.class).endpoint);
            MockHttpServletResponse response = call(context.getBean(TokenHookHttpRequestHandler.class), null);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).isEqualTo("{}");
        });
    }

    @Test
    void enabledFalseRegistersNothing() {
        runner.withPropertyValues("tokenhook.enabled=false").withUserConfiguration(OrderedRules.class).run(context -> {
            assertThat(context).hasNotFailed()
                    .doesNotHaveBean(TokenHookConfig.class)
                    .doesNotHaveBean(TokenHookEndpoint.class)
                    .doesNotHaveBean(TokenHookHttpRequestHandler.class)
                    .doesNotHaveBean(TokenHookAutoConfiguration.HANDLER_MAPPING_BEAN_NAME)
                    .doesNotHaveBean(TokenHookSettings.class);
        });
    }

    @Test
    void staysOutOfNonWebApplications() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TokenHookAutoConfiguration.class))
                .withPropertyValues(SECRET)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TokenHookEndpoint.class));
    }

    @Test
    void refusesToStartWithoutAuthentication() {
        runner.withUserConfiguration(OrderedRules.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(MissingAuthenticationException.class)
                    .hasMessageContaining("tokenhook.auth.header.secrets");
            FailureAnalysis analysis = new TokenHookFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getAction()).contains("tokenhook.auth.header.secrets");
        });
        runner.withPropertyValues("tokenhook.auth.header.secrets= , ").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void startsWithoutSecretWhenAnAuthenticatorBeanOrTheOptOutIsThere() {
        runner.withUserConfiguration(Authenticator.class).run(context -> {
            assertThat(context).hasNotFailed();
            TokenHookHttpRequestHandler handler = context.getBean(TokenHookHttpRequestHandler.class);
            assertThat(call(handler, null).getStatus()).isEqualTo(401);
            assertThat(call(handler, "yes").getStatus()).isEqualTo(200);
        });
        runner.withPropertyValues("tokenhook.auth.allow-unauthenticated=true").run(context ->
                assertThat(call(context.getBean(TokenHookHttpRequestHandler.class), null).getStatus()).isEqualTo(200));
    }

    @Test
    void invalidValuesFailNamingTheProperty() {
        runner.withPropertyValues(SECRET, "tokenhook.time-budget=5s").run(context -> {
            assertThat(context).hasFailed();
            ConfigException failure = cause(context.getStartupFailure());
            assertThat(failure).hasMessageContaining("tokenhook.time-budget");
            assertThat(new TokenHookFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .contains("tokenhook.time-budget");
        });
        runner.withPropertyValues(SECRET, "tokenhook.max-body-size=10MB").run(context ->
                assertThat(cause(context.getStartupFailure())).hasMessageContaining("tokenhook.max-body-size"));
        runner.withPropertyValues(SECRET, "tokenhook.path=okta").run(context ->
                assertThat(cause(context.getStartupFailure())).hasMessageContaining("tokenhook.path"));
    }

    @Test
    void securityChainNeedsSpringSecurityConfigured() {
        runner.withPropertyValues(SECRET).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(TokenHookSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME));
    }

    private static MockHttpServletResponse call(TokenHookHttpRequestHandler handler, String testHeader) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", TokenHookConfig.DEFAULT_PATH);
        request.setContentType("application/json");
        request.setContent("{\"eventId\":\"evt\",\"data\":{}}".getBytes(StandardCharsets.UTF_8));
        if (testHeader != null) {
            request.addHeader("X-Test", testHeader);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.handleRequest(request, response);
        return response;
    }

    private static ConfigException cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigException e) {
                return e;
            }
        }
        throw new AssertionError("no ConfigException in " + failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderedRules {
        @Bean
        @Order(2)
        ClaimRule secondRule() {
            return ClaimRule.named("second", (request, patch) -> { });
        }

        @Bean
        @Order(3)
        ClaimRule thirdRule() {
            return ClaimRule.named("third", (request, patch) -> { });
        }

        @Bean
        @Order(1)
        ClaimRule firstRule() {
            return ClaimRule.named("first", (request, patch) -> { });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEndpoint {
        final TokenHookEndpoint endpoint = TokenHookConfig.fromProperties(key ->
                key.equals("tokenhook.auth.allow-unauthenticated") ? "true" : null).endpoint(List.of());

        @Bean
        TokenHookEndpoint myEndpoint() {
            return endpoint;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listener {
        final List<HookEvent> events = new CopyOnWriteArrayList<>();

        @Bean
        HookListener recordingListener() {
            return events::add;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Authenticator {
        @Bean
        HookAuthenticator testHeaderAuthenticator() {
            return headers -> "yes".equals(headers.first("X-Test")) ? AuthResult.success("test header")
                    : AuthResult.failure("no test header");
        }
    }
}
