package dev.tokenhook.spring;

import dev.tokenhook.core.http.TokenHookConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Lets Okta's calls through Spring Security: a {@link SecurityFilterChain} for {@code tokenhook.path}
 * only, first in order, that permits every request (the endpoint authenticates the caller itself and
 * answers 401), without CSRF (Okta has no CSRF token), sessions or a saved-request cache. The rest of the
 * application keeps its own security. Back off by defining a bean named
 * {@value #SECURITY_FILTER_CHAIN_BEAN_NAME}.
 *
 * <p>Runs after Spring Boot's web security auto-configuration, so Boot's default chain (which backs
 * off when any chain exists) is still registered when the application defines none.
 */
@AutoConfiguration(after = TokenHookAutoConfiguration.class, afterName = {
        // Spring Boot 3.5
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        // Spring Boot 4.0
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
@ConditionalOnProperty(prefix = "tokenhook", name = "enabled", matchIfMissing = true)
@ConditionalOnBean({HttpSecurity.class, TokenHookConfig.class})
public class TokenHookSecurityAutoConfiguration {

    /** Name of the hook's security filter chain bean. */
    public static final String SECURITY_FILTER_CHAIN_BEAN_NAME = TokenHookAutoConfiguration.BEAN_PREFIX
            + "securityFilterChain";

    /** Creates the auto-configuration; Spring does. */
    public TokenHookSecurityAutoConfiguration() {
    }

    /**
     * @param http Spring Security's builder
     * @param config the settings, for the path
     * @return the chain that permits the hook path
     * @throws Exception when Spring Security cannot build it
     */
    @Bean(name = SECURITY_FILTER_CHAIN_BEAN_NAME)
    @ConditionalOnMissingBean(name = SECURITY_FILTER_CHAIN_BEAN_NAME)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public SecurityFilterChain tokenHookSecurityFilterChain(HttpSecurity http, TokenHookConfig config) throws Exception {
        // tag::chain[] (shown in README.md)
        return http.securityMatcher(config.path())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
        // end::chain[]
    }
}
