package dev.tokenhook.spring;

import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Serves the token hook in a Spring MVC application: a {@link TokenHookEndpoint} built from every
 * {@link ClaimRule} bean (in {@code @Order}) and the {@code tokenhook.*} properties, answering at
 * {@code tokenhook.path}. Any {@link HookAuthenticator} beans are accepted besides the configured
 * authentication, and every {@link HookListener} bean hears about every call.
 * Every bean backs off when the application defines its own; {@code tokenhook.enabled=false} switches
 * it all off. Refuses to start when no authentication is configured.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = "tokenhook", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(TokenHookProperties.class)
public class TokenHookAutoConfiguration implements BeanClassLoaderAware {

    /** Name of the handler mapping bean that routes {@code tokenhook.path} to the hook. */
    public static final String HANDLER_MAPPING_BEAN_NAME = "tokenHookHandlerMapping";

    /** Order of that handler mapping: ahead of {@code @RequestMapping} controllers (order 0). */
    public static final int HANDLER_MAPPING_ORDER = -1;

    /** What OAuth 2.0 authentication ({@code tokenhook.auth.oauth2.*}) needs on the class path. */
    static final String NIMBUS_JWT_CLASS = "com.nimbusds.jwt.SignedJWT";

    private ClassLoader classLoader = TokenHookAutoConfiguration.class.getClassLoader();

    /** Creates the auto-configuration; Spring does. */
    public TokenHookAutoConfiguration() {
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * @param properties the bound {@code tokenhook.*} properties
     * @return the validated settings
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenHookConfig tokenHookConfig(TokenHookProperties properties) {
        return properties.toConfig();
    }

    /**
     * @param config the settings
     * @param rules the claim rule beans
     * @param authenticators authenticators accepted besides the configured ones
     * @param listeners told about every call
     * @return the endpoint; closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TokenHookEndpoint tokenHookEndpoint(TokenHookConfig config, ObjectProvider<ClaimRule> rules,
            ObjectProvider<HookAuthenticator> authenticators, ObjectProvider<HookListener> listeners) {
        List<HookAuthenticator> extra = authenticators.orderedStream().toList();
        List<ClaimRule> ordered = rules.orderedStream().toList();
        if (config.oauth2().enabled() && !ClassUtils.isPresent(NIMBUS_JWT_CLASS, classLoader)) {
            throw TokenHookConfigurationException.oauth2WithoutNimbus();
        }
        TokenHookEndpoint.Builder endpoint;
        try {
            endpoint = config.endpointBuilder(ordered, extra);
        } catch (MissingAuthenticationException e) {
            throw TokenHookConfigurationException.noAuthentication();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw TokenHookConfigurationException.invalid(e); // e.g. incomplete tokenhook.auth.oauth2.*
        }
        listeners.orderedStream().forEach(endpoint::listener);
        return endpoint.build();
    }

    /**
     * @param endpoint the endpoint
     * @return the MVC handler in front of it
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenHookHttpRequestHandler tokenHookHttpRequestHandler(TokenHookEndpoint endpoint) {
        return new TokenHookHttpRequestHandler(endpoint);
    }

    /**
     * @param config the settings, for the path
     * @param handler the hook's handler
     * @return the route from {@code tokenhook.path}, every method, to the handler
     */
    @Bean(name = HANDLER_MAPPING_BEAN_NAME)
    @ConditionalOnMissingBean(name = HANDLER_MAPPING_BEAN_NAME)
    public SimpleUrlHandlerMapping tokenHookHandlerMapping(TokenHookConfig config, TokenHookHttpRequestHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(config.path(), handler), HANDLER_MAPPING_ORDER);
    }
}
