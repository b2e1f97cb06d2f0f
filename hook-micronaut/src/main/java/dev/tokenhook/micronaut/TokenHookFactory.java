package dev.tokenhook.micronaut;

import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.reflect.ClassUtils;
import java.util.List;

/**
 * Builds the {@link TokenHookEndpoint} from the {@code tokenhook.*} settings, every {@link ClaimRule}
 * bean, in {@code @Order} (or {@link io.micronaut.core.order.Ordered}) order, every {@link HookAuthenticator}
 * bean (accepted besides the configured authentication) and every {@link HookListener} bean (metrics,
 * health). The
 * endpoint is created eagerly, so an application without authentication configured fails at startup,
 * naming {@code tokenhook.auth.header.secrets}, rather than at Okta's first call. Define your own
 * {@link TokenHookEndpoint} bean to replace this one; {@code tokenhook.enabled=false} removes it.
 */
@Factory
@Requires(property = TokenHookFactory.ENABLED, notEquals = "false")
public class TokenHookFactory {

    static final String ENABLED = TokenHookProperties.PREFIX + ".enabled";
    static final String PATH = TokenHookProperties.PREFIX + ".path";
    /** What OAuth 2.0 authentication ({@code tokenhook.auth.oauth2.*}) needs on the class path. */
    static final String NIMBUS_JWT_CLASS = "com.nimbusds.jwt.SignedJWT";

    /** Creates the factory; Micronaut does. */
    public TokenHookFactory() {
    }

    /**
     * @param properties the {@code tokenhook.*} settings
     * @param rules every claim rule bean, in order
     * @param authenticators every authenticator bean, accepted besides the configured ones
     * @param listeners every hook listener bean, in order
     * @param beanContext the context, for its class loader
     * @return the endpoint, closed with the application context
     * @throws dev.tokenhook.core.auth.MissingAuthenticationException when no authentication is configured
     * @throws ConfigurationException when OAuth 2.0 is configured but nimbus-jose-jwt is missing
     */
    @Context
    @Bean(preDestroy = "close")
    @Requires(missingBeans = TokenHookEndpoint.class)
    public TokenHookEndpoint tokenHookEndpoint(TokenHookProperties properties, List<ClaimRule> rules,
            List<HookAuthenticator> authenticators, List<HookListener> listeners, BeanContext beanContext) {
        TokenHookConfig config = properties.toConfig();
        if (config.oauth2().enabled() && !ClassUtils.isPresent(NIMBUS_JWT_CLASS, beanContext.getClassLoader())) {
            throw new ConfigurationException("tokenhook.auth.oauth2.issuer is set, but com.nimbusds:nimbus-jose-jwt, "
                    + "which verifies Okta's tokens, is not on the class path: add it as a dependency, or unset "
                    + "tokenhook.auth.oauth2.issuer to authenticate Okta with tokenhook.auth.header.secrets only");
        }
        TokenHookEndpoint.Builder builder = config.endpointBuilder(rules, authenticators);
        listeners.forEach(builder::listener);
        return builder.build();
    }
}
