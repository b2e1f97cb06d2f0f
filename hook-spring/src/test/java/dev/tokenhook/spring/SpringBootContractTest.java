package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.ContractProperties;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TokenHookAdapterContract;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The adapter contract against a real Spring Boot application on embedded Tomcat, configured only
 * through {@code tokenhook.*} properties and {@link ClaimRule} beans, with Spring Security on the class
 * path and its default chain protecting everything else.
 */
class SpringBootContractTest extends TokenHookAdapterContract {

    private static final String EVENT = "{\"eventId\":\"evt-neg\",\"data\":{}}";

    private ConfigurableApplicationContext context;
    private TokenHookConfig config;
    private URI base;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) {
        this.config = config;
        context = new SpringApplicationBuilder(TestHookApplication.class)
                .properties(properties(config))
                .initializers(ctx -> {
                    for (int i = 0; i < rules.size(); i++) {
                        ClaimRule rule = rules.get(i);
                        ((GenericApplicationContext) ctx).registerBean("contractRule" + i, ClaimRule.class, () -> rule);
                    }
                })
                .run();
        base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        return base.resolve(config.path());
    }

    @Override
    protected void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** The settings as a user would write them in {@code application.properties}. */
    static Map<String, Object> properties(TokenHookConfig config) {
        Map<String, Object> properties = new LinkedHashMap<>(ContractProperties.of(config));
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        return properties;
    }

    @Test
    void propertiesBindToExactlyTheContractSettings() {
        assertThat(context.getBean(TokenHookConfig.class)).isEqualTo(config);
        assertThat(context.containsBean(TokenHookSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME)).isTrue();
    }

    @Test
    void springSecurityStillGuardsTheRestOfTheApplication() {
        HookCall call = new OktaHookCaller(base.resolve("/private"), Map.of())
                .send("GET", Map.of("Accept", "application/json"), new byte[0]);

        assertThat(call.status()).isIn(401, 403);
    }

    @Test
    void springContentNegotiationNeverAnswersForTheHook() {
        HookCall call = okta().send("POST", Map.of("Authorization", SECRET, "Content-Type", "application/json",
                "Accept", "text/html"), EVENT.getBytes(StandardCharsets.UTF_8));

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(call.bodyText()).isEqualTo("{}");
    }

    @Test
    void everyMethodReachesTheEndpoint() {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HookCall call = okta().send(method, Map.of("Authorization", SECRET, "Content-Type", "application/json"),
                    EVENT.getBytes(StandardCharsets.UTF_8));

            assertThat(call.status()).as(method).isEqualTo(405);
            assertThat(call.header("Allow")).as(method).hasValue("POST");
            assertThat(call.bodyText()).as(method).contains("\"reason\"");
        }
    }
}
