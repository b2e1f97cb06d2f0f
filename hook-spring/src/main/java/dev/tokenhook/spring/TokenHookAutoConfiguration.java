package dev.tokenhook.spring;

import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Serves the token hook in a Spring MVC application. Hands Spring's {@link Environment} to hook-core's
 * configuration model ({@link TokenHookSettings}: every {@code tokenhook.*} key parsed and checked there,
 * unknown keys refused, failures reported by Boot with the key and where its value came from), and builds a
 * {@link TokenHookEndpoint} from it and every {@link ClaimRule} bean (in {@code @Order}), answering at
 * {@code tokenhook.path}. Any {@link HookAuthenticator} beans are accepted besides the configured
 * authentication, and every {@link HookListener} bean hears about every call. Every bean backs off when the
 * application defines its own; bean names start with {@value #BEAN_PREFIX}, so they never collide with an
 * application's classes; {@code tokenhook.enabled=false} switches it all off. Refuses to start when no
 * authentication is configured.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = "tokenhook", name = "enabled", matchIfMissing = true)
public class TokenHookAutoConfiguration {

    /** Start of every bean name of this library. */
    public static final String BEAN_PREFIX = "dev.tokenhook.";

    /** Name of the handler mapping bean that routes {@code tokenhook.path} to the hook. */
    public static final String HANDLER_MAPPING_BEAN_NAME = BEAN_PREFIX + "handlerMapping";

    /** Order of that handler mapping: ahead of {@code @RequestMapping} controllers (order 0). */
    public static final int HANDLER_MAPPING_ORDER = -1;

    /** Creates the auto-configuration; Spring does. */
    public TokenHookAutoConfiguration() {
    }

    /**
     * @param environment the application's properties
     * @return every {@code tokenhook.*} value, checked
     */
    @Bean(BEAN_PREFIX + "settings")
    @ConditionalOnMissingBean
    public TokenHookSettings tokenHookSettings(Environment environment) {
        return TokenHookSettings.read(new SpringConfigSource(environment));
    }

    /**
     * @param settings every {@code tokenhook.*} value
     * @return the endpoint's settings
     */
    @Bean(BEAN_PREFIX + "config")
    @ConditionalOnMissingBean
    public TokenHookConfig tokenHookConfig(TokenHookSettings settings) {
        return TokenHookConfig.from(settings);
    }

    /**
     * @param config the settings
     * @param rules the claim rule beans
     * @param authenticators authenticators accepted besides the configured ones
     * @param listeners told about every call
     * @return the endpoint; closed with the context
     */
    @Bean(name = BEAN_PREFIX + "endpoint", destroyMethod = "close")
    @ConditionalOnMissingBean
    public TokenHookEndpoint tokenHookEndpoint(TokenHookConfig config, ObjectProvider<ClaimRule> rules,
            ObjectProvider<HookAuthenticator> authenticators, ObjectProvider<HookListener> listeners) {
        TokenHookEndpoint.Builder endpoint = config.endpointBuilder(rules.orderedStream().toList(),
                authenticators.orderedStream().toList());
        listeners.orderedStream().forEach(endpoint::listener);
        return endpoint.build();
    }

    /**
     * @param endpoint the endpoint
     * @return the MVC handler in front of it
     */
    @Bean(BEAN_PREFIX + "httpRequestHandler")
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
