package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookObservabilityContract;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The observability contract through Spring Boot Actuator on a real server ({@code /actuator/metrics},
 * {@code components.tokenHook} in {@code /actuator/health}). Runs on Spring Boot 4 here and on Spring
 * Boot 3.5 in hook-spring-boot3-it (there with hook-spring-boot3, which a Boot 3.5 application adds for
 * the health indicator).
 */
class ActuatorObservabilityTest extends TokenHookObservabilityContract {

    private ConfigurableApplicationContext context;

    @Override
    protected URI start(Map<String, String> tokenhookProperties, List<ClaimRule> rules) {
        Map<String, Object> properties = new HashMap<>(tokenhookProperties);
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        properties.put("management.endpoints.web.exposure.include", "health,metrics");
        properties.put("management.endpoint.health.show-components", "always");
        properties.put("management.endpoint.health.show-details", "always");
        context = new SpringApplicationBuilder(TestHookApplication.class, ActuatorAccess.class)
                .properties(properties)
                .initializers(ctx -> {
                    for (int i = 0; i < rules.size(); i++) {
                        ClaimRule rule = rules.get(i);
                        ((GenericApplicationContext) ctx).registerBean("observedRule" + i, ClaimRule.class, () -> rule);
                    }
                })
                .run();
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    protected void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Override
    protected String metricsPath() {
        return "/actuator/metrics/";
    }

    @Override
    protected String healthPath() {
        return "/actuator/health";
    }

    @Override
    protected JsonNode tokenHookComponent(JsonNode health) {
        return health.path("components").path("tokenHook");
    }

    @Test
    void requestTimerIsInSeconds() throws Exception {
        JsonNode timer = new ObjectMapper().readTree(send("/actuator/metrics/tokenhook.requests").body());

        assertThat(timer.path("baseUnit").asText()).isEqualTo("seconds");
    }

    /** Lets the test read Actuator; Spring Security's default chain would ask for a password. */
    @Configuration(proxyBeanMethods = false)
    static class ActuatorAccess {

        @Bean
        SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/actuator/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }
    }
}
