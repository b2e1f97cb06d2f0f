package dev.tokenhook.servlet;

import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.TokenHookConfig;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Checks every {@link TokenHookServlet} declared in {@code web.xml} when the web application starts, so a
 * missing secret, a wrong value or a mistyped {@code tokenhook.rules} class fails the deployment, naming the
 * key, rather than Okta's first call (a servlet without {@code <load-on-startup>} is only initialised then).
 * The container finds it through {@code META-INF/services}; it builds nothing that stays. It throws an unchecked
 * exception, so that an embedded container's start fails too (Tomcat only marks an application unavailable on
 * a {@code ServletException}).
 */
public final class TokenHookServletInitializer implements ServletContainerInitializer {

    /** Created by the container. */
    public TokenHookServletInitializer() {
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        for (ServletRegistration declared : context.getServletRegistrations().values()) {
            if (TokenHookServlet.class.getName().equals(declared.getClassName())) {
                try {
                    TokenHookSettings settings = TokenHookServlet.settings(declared.getName(), declared::getInitParameter,
                            Collections.enumeration(declared.getInitParameters().keySet()), context);
                    TokenHookServlets.ruleTypes(settings.get(TokenHookKeys.RULES));
                    TokenHookConfig.from(settings).endpoint(List.of()).close();
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Token hook servlet '" + declared.getName() + "': " + e.getMessage(),
                            e);
                }
            }
        }
    }
}
