package dev.tokenhook.spring.boot3;

import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.spring.TokenHookAutoConfiguration;
import dev.tokenhook.spring.TokenHookHealthNames;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code tokenHook} health indicator on Spring Boot 3.5, whose health types live in
 * {@code spring-boot-actuator}: a {@link HookHealth} bean, heard by the endpoint as a listener, and
 * {@link TokenHookHealthIndicator} reading it, from the same {@code tokenhook.health.*} settings.
 * {@code tokenhook.health.enabled=false} leaves both out; on Spring Boot 4 (no such types) it backs off.
 */
@AutoConfiguration(after = TokenHookAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnBean(TokenHookEndpoint.class)
@ConditionalOnProperty(prefix = "tokenhook.health", name = "enabled", matchIfMissing = true)
public class TokenHookBoot3HealthAutoConfiguration {

    /** Creates the auto-configuration; Spring does. */
    public TokenHookBoot3HealthAutoConfiguration() {
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
    @ConditionalOnMissingBean(name = {TokenHookHealthNames.BEAN,
            "tokenHookHealthContributor"})
    public TokenHookHealthIndicator tokenHookHealthIndicator(HookHealth health) {
        return new TokenHookHealthIndicator(health);
    }
}
