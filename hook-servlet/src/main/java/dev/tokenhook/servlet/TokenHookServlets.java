package dev.tokenhook.servlet;

import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One-line registration of a {@link TokenHookServlet}, from a {@code ServletContextListener} or a
 * {@code ServletContainerInitializer} (the only places the Servlet API allows adding servlets):
 *
 * <pre>{@code
 * TokenHookServlets.register(servletContext, config.endpoint(rules), config.path());
 * }</pre>
 */
public final class TokenHookServlets {

    /** The name the servlet is registered under. */
    public static final String SERVLET_NAME = "tokenhook";

    private TokenHookServlets() {
    }

    /**
     * @param context the context being initialised
     * @param endpoint the endpoint to serve; the caller keeps it and closes it
     * @param path the URL pattern, e.g. {@code /okta/token-hook}
     * @return the registration, to tune further if needed
     * @throws IllegalStateException if the name {@value #SERVLET_NAME} or the path is already taken
     */
    public static ServletRegistration.Dynamic register(ServletContext context, TokenHookEndpoint endpoint, String path) {
        return register(context, new TokenHookServlet(endpoint), path);
    }

    /**
     * Registers an endpoint built from the {@code tokenhook.*} settings, each looked up as a context
     * init-parameter, then a system property, then an environment variable; the servlet closes it on
     * {@code destroy()}.
     *
     * @param context the context being initialised
     * @param rules the claim rules, in order
     * @return the registration, or empty when {@code tokenhook.enabled} is false
     * @throws IllegalArgumentException if a setting cannot be read
     * @throws IllegalStateException if no secret is set, or the name or the path is already taken
     */
    public static Optional<ServletRegistration.Dynamic> register(ServletContext context, List<? extends ClaimRule> rules) {
        return register(context, rules, List.of());
    }

    /**
     * As {@link #register(ServletContext, List)}, with listeners told about every call: metrics
     * ({@code new TokenHookMetrics(registry)} from hook-micrometer) or health
     * ({@link dev.tokenhook.core.http.HookHealth}, read it from your own health check).
     *
     * @param context the context being initialised
     * @param rules the claim rules, in order
     * @param listeners told about every call, in order; fast and non-blocking
     * @return the registration, or empty when {@code tokenhook.enabled} is false
     * @throws IllegalArgumentException if a setting cannot be read
     * @throws IllegalStateException if no secret is set, or the name or the path is already taken
     */
    public static Optional<ServletRegistration.Dynamic> register(ServletContext context, List<? extends ClaimRule> rules,
            List<? extends HookListener> listeners) {
        TokenHookConfig config = TokenHookConfig.fromProperties(settings(context::getInitParameter));
        if (!config.enabled()) {
            return Optional.empty();
        }
        TokenHookEndpoint.Builder endpoint = config.endpointBuilder(rules, List.of());
        listeners.forEach(endpoint::listener);
        return Optional.of(register(context, new TokenHookServlet(endpoint.build(), true), config.path()));
    }

    private static ServletRegistration.Dynamic register(ServletContext context, TokenHookServlet servlet, String path) {
        ServletRegistration.Dynamic registration = context.addServlet(SERVLET_NAME, servlet);
        if (registration == null) {
            throw new IllegalStateException("A servlet named '" + SERVLET_NAME + "' is already registered");
        }
        if (!registration.addMapping(path).isEmpty()) {
            throw new IllegalStateException(path + " is already mapped to another servlet");
        }
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * @param parameters the init-parameters to look in first
     * @return a lookup of {@code tokenhook.*} keys: parameters, then system properties, then the environment;
     *     a blank value counts as unset
     */
    public static Function<String, String> settings(Function<String, String> parameters) {
        return settings(parameters, System::getProperty, System::getenv);
    }

    static Function<String, String> settings(Function<String, String> parameters,
            Function<String, String> systemProperties, Function<String, String> environment) {
        return key -> {
            String value = parameters.apply(key);
            if (value == null || value.isBlank()) {
                value = systemProperties.apply(key);
            }
            return value != null && !value.isBlank() ? value : environment.apply(environmentName(key));
        };
    }

    /**
     * @param key a key such as {@code tokenhook.auth.header.secrets}
     * @return its environment variable, such as {@code TOKENHOOK_AUTH_HEADER_SECRETS}
     */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static List<ClaimRule> rules(String classNames) {
        if (classNames == null || classNames.isBlank()) {
            throw new IllegalArgumentException(TokenHookServlet.RULES_KEY + " names no ClaimRule class");
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : TokenHookServlets.class.getClassLoader();
        List<ClaimRule> rules = new ArrayList<>();
        for (String name : classNames.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name.trim(), true, loader);
                rules.add(type.asSubclass(ClaimRule.class).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new IllegalArgumentException(TokenHookServlet.RULES_KEY + ": cannot create a ClaimRule from "
                        + name.trim() + " (" + e + ")", e);
            }
        }
        return rules;
    }
}
