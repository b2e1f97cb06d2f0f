package dev.tokenhook.micronaut;

import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
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
@Requires(property = TokenHookFactory.ENABLED, notEquals = "false")
public class TokenHookFactory {

    static final String ENABLED = "tokenhook.enabled";
    static final String PATH = "tokenhook.path";

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
     * @return the endpoint's settings
     */
    @Singleton
    public TokenHookConfig tokenHookConfig(TokenHookSettings settings) {
        return TokenHookConfig.from(settings);
    }

    /**
     * @param config the endpoint's settings
     * @param rules every claim rule bean, in order
     * @param authenticators every authenticator bean, accepted besides the configured ones
     * @param listeners every hook listener bean, in order
     * @return the endpoint, closed with the application context
     * @throws dev.tokenhook.core.auth.MissingAuthenticationException when no authentication is configured
     */
    @Context
    @Bean(preDestroy = "close")
    @Requires(missingBeans = TokenHookEndpoint.class)
    public TokenHookEndpoint tokenHookEndpoint(TokenHookConfig config, List<ClaimRule> rules,
            List<HookAuthenticator> authenticators, List<HookListener> listeners) {
        TokenHookEndpoint.Builder builder = config.endpointBuilder(rules, authenticators);
        listeners.forEach(builder::listener);
        return builder.build();
    }
}
