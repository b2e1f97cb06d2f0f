package dev.tokenhook.spring;

import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.http.TokenHookEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code tokenHook} health indicator on Spring Boot 4, whose health types live in
 * {@code spring-boot-health} (Actuator brings it): a {@link HookHealth} bean, heard by the endpoint as a
 * listener, and {@link TokenHookHealthIndicator} reading it. {@code tokenhook.health.enabled=false} leaves
 * both out; Boot's own {@code management.health.tokenhook.enabled=false} (or
 * {@code management.health.defaults.enabled=false}) leaves the indicator out. On Spring Boot 3.5 this backs off (its health types are elsewhere); add
 * {@code dev.tokenhook:hook-spring-boot3} there for the same indicator.
 */
@AutoConfiguration(after = TokenHookAutoConfiguration.class)
@ConditionalOnClass(name = TokenHookHealthAutoConfiguration.BOOT4_HEALTH_INDICATOR)
@ConditionalOnBean(TokenHookEndpoint.class)
@ConditionalOnProperty(prefix = "tokenhook.health", name = "enabled", matchIfMissing = true)
public class TokenHookHealthAutoConfiguration {

    /** Spring Boot 4's health indicator type, whose presence switches this on. */
    static final String BOOT4_HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

    /** Creates the auto-configuration; Spring does. */
    public TokenHookHealthAutoConfiguration() {
    }

    /**
     * @param settings every {@code tokenhook.*} value
     * @return the tracker of recent failures, from {@code tokenhook.health.*}
     */
    @Bean(TokenHookAutoConfiguration.BEAN_PREFIX + "health")
    @ConditionalOnMissingBean
    public HookHealth tokenHookHealth(TokenHookSettings settings) {
        return HookHealth.from(settings);
    }

    /**
     * @param health the tracker
     * @return the indicator, shown as {@code components.tokenHook} in {@code /actuator/health}
     */
    @Bean(name = TokenHookHealthNames.BEAN)
    @ConditionalOnEnabledHealthIndicator(TokenHookHealthNames.INDICATOR)
    @ConditionalOnMissingBean(name = {TokenHookHealthNames.BEAN, "tokenHookHealthContributor"})
    public TokenHookHealthIndicator tokenHookHealthIndicator(HookHealth health) {
        return new TokenHookHealthIndicator(health);
    }
}
