package dev.tokenhook.servlet;

import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        TokenHookConfig config = TokenHookConfig.from(settings(context));
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
     * @param context the context being initialised
     * @return the {@code tokenhook.*} settings from its init-parameters, then system properties, then the
     *     environment ({@code TOKENHOOK_AUTH_HEADER_SECRETS} for {@code tokenhook.auth.header.secrets})
     * @throws dev.tokenhook.core.config.ConfigException naming each key whose value cannot be used
     */
    public static TokenHookSettings settings(ServletContext context) {
        return TokenHookSettings.read(source(context::getInitParameter, context.getInitParameterNames(),
                "context init-parameter"));
    }

    /**
     * @param parameters the init-parameters to look in first
     * @return a lookup of {@code tokenhook.*} keys: parameters, then system properties, then the environment;
     *     a blank value counts as unset
     */
    public static Function<String, String> settings(Function<String, String> parameters) {
        return source(parameters, Collections.emptyEnumeration(), "parameter")::value;
    }

    /** The parameters (their {@code tokenhook.*} names checked), then system properties, then the environment. */
    static ConfigSource source(Function<String, String> parameters, Enumeration<String> names, String origin) {
        Map<String, String> listed = new HashMap<>();
        for (String name : Collections.list(names)) {
            if (name.startsWith(TokenHookKeys.PREFIX)) {
                listed.put(name, parameters.apply(name));
            }
        }
        return ConfigSource.firstOf(ConfigSource.of(listed, origin), ConfigSource.of(parameters, origin),
                ConfigSource.systemProperties(), ConfigSource.environment());
    }

    static List<ClaimRule> rules(List<String> classNames) {
        List<ClaimRule> rules = new ArrayList<>();
        for (Constructor<? extends ClaimRule> type : ruleTypes(classNames)) {
            try {
                rules.add(type.newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(TokenHookKeys.RULES + ": cannot create a ClaimRule from "
                        + type.getDeclaringClass().getName() + " (" + e + ")", e);
            }
        }
        return rules;
    }

    /** @return the no-arg constructors of the named {@link ClaimRule} classes, in order */
    static List<Constructor<? extends ClaimRule>> ruleTypes(List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException(TokenHookKeys.RULES + " names no ClaimRule class");
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : TokenHookServlets.class.getClassLoader();
        List<Constructor<? extends ClaimRule>> types = new ArrayList<>();
        for (String name : classNames) {
            try {
                types.add(Class.forName(name, false, loader).asSubclass(ClaimRule.class).getConstructor());
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new IllegalArgumentException(TokenHookKeys.RULES + ": " + name + " is not a ClaimRule class "
                        + "with a public no-arg constructor (" + e + ")", e);
            }
        }
        return types;
    }
}
