package dev.tokenhook.micronaut;

import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.management.health.indicator.HealthIndicator;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Hands Micronaut's environment to hook-core's configuration model ({@link TokenHookSettings}: every
 * {@code tokenhook.*} key parsed and checked there, unknown keys refused) and builds the
 * {@link TokenHookEndpoint} from it, every {@link ClaimRule} bean, in {@code @Order} (or
 * {@link io.micronaut.core.order.Ordered}) order, every {@link HookAuthenticator} bean (accepted besides the
 * configured authentication) and every {@link HookListener} bean (metrics, health). The endpoint is created
 * eagerly, so a misconfigured application fails at startup, naming the key, rather than at Okta's first call.
 * Define your own {@link TokenHookEndpoint} bean to replace this one; {@code tokenhook.enabled=false} removes it.
 */
@Factory
@Requires(property = TokenHookFactory.ENABLED, pattern = TokenHookFactory.NOT_FALSE, defaultValue = "true")
public class TokenHookFactory {

    static final String ENABLED = "tokenhook.enabled";
    static final String PATH = "tokenhook.path";
    /** Any value but {@code false} in any case, as hook-core reads a flag; other values are its to refuse. */
    static final String NOT_FALSE = "(?i)(?!\\s*false\\s*$).*";

    /** Creates the factory; Micronaut does. */
    public TokenHookFactory() {
    }

    /**
     * @param environment the application's properties
     * @return every {@code tokenhook.*} value, checked
     * @throws dev.tokenhook.core.config.ConfigException naming each key that is unknown or whose value is wrong
     */
    @Singleton
    public TokenHookSettings tokenHookSettings(Environment environment) {
        return TokenHookSettings.read(new MicronautConfigSource(environment));
    }

    /**
     * @param settings every {@code tokenhook.*} value
     * @return the tracker behind {@link TokenHookHealthIndicator}, from {@code tokenhook.health.*}, when the
     *     application has micronaut-management; the endpoint hears it as a listener. Define your own to replace it.
     */
    @Singleton
    @Requires(classes = HealthIndicator.class)
    @Requires(property = TokenHookHealthIndicator.ENABLED, pattern = TokenHookFactory.NOT_FALSE, defaultValue = "true")
    @Requires(missingBeans = HookHealth.class)
    public HookHealth tokenHookHealth(TokenHookSettings settings) {
        return HookHealth.from(settings);
    }

    /**
     * @param settings every {@code tokenhook.*} value
     * @param rules every claim rule bean, in order
     * @param authenticators every authenticator bean, accepted besides the configured ones
     * @param listeners every hook listener bean, in order
     * @return the endpoint, closed with the application context
     * @throws dev.tokenhook.core.auth.MissingAuthenticationException when no authentication is configured
     */
    @Context
    @Bean(preDestroy = "close")
    @Requires(missingBeans = TokenHookEndpoint.class)
    public TokenHookEndpoint tokenHookEndpoint(TokenHookSettings settings, List<ClaimRule> rules,
            List<HookAuthenticator> authenticators, List<HookListener> listeners) {
        TokenHookEndpoint.Builder builder = TokenHookConfig.from(settings).endpointBuilder(rules, authenticators);
        listeners.forEach(builder::listener);
        return builder.build();
    }
}
