package dev.tokenhook.servlet;

import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Serves a token inline hook from any Jakarta Servlet 5.0+ container. It only moves bytes: every method
 * goes to the {@link TokenHookEndpoint}, which picks the status; the servlet writes that status, the
 * headers, the content length and the body back. Declare it {@code async-supported} (the registration
 * helpers do): the rules then run on the container's thread without a hand-off, and the answer still
 * leaves at the deadline if a rule hangs ({@link ServletExchange}).
 *
 * <p>Two ways to get one. In code, hand it an endpoint (you keep it, and close it when you are done):
 * {@code TokenHookServlets.register(servletContext, config.endpoint(rules), config.path())}. Declared in
 * {@code web.xml} (no-arg constructor), {@link #init()} builds the endpoint from the {@code tokenhook.*}
 * keys, each looked up as a servlet init-parameter, then a system property, then an environment variable
 * ({@code TOKENHOOK_AUTH_HEADER_SECRETS} for {@code tokenhook.auth.header.secrets}); the rules are the
 * comma-separated {@link dev.tokenhook.core.rule.ClaimRule} classes, with public no-arg constructors, named
 * by {@code tokenhook.rules}, in that order. Such an endpoint is closed by {@link #destroy()}.
 */
public class TokenHookServlet extends HttpServlet {

    private transient TokenHookEndpoint endpoint;
    private transient boolean ownsEndpoint;

    /** For {@code web.xml}: {@link #init()} builds the endpoint from configuration. */
    public TokenHookServlet() {
    }

    /** @param endpoint the endpoint to serve; the caller keeps it and closes it */
    public TokenHookServlet(TokenHookEndpoint endpoint) {
        this(endpoint, false);
    }

    TokenHookServlet(TokenHookEndpoint endpoint, boolean ownsEndpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.ownsEndpoint = ownsEndpoint;
    }

    /**
     * Builds the endpoint from configuration unless one was given.
     *
     * @throws ServletException naming the problem, when the settings or rule classes are wrong or no secret is set
     */
    @Override
    public void init() throws ServletException {
        if (endpoint != null) {
            return;
        }
        try {
            TokenHookSettings settings = settings(getServletName(), this::getInitParameter, getInitParameterNames(),
                    getServletContext());
            endpoint = TokenHookConfig.from(settings).endpoint(TokenHookServlets.rules(settings.get(TokenHookKeys.RULES)));
            ownsEndpoint = true;
        } catch (RuntimeException e) {
            throw new ServletException("Token hook servlet '" + getServletName() + "': " + e.getMessage(), e);
        }
    }

    /**
     * @param name the declared servlet's name
     * @param parameters its init-parameters
     * @param names their names
     * @param context its context, or null
     * @return its {@code tokenhook.*} settings: its init-parameters, then the context's, then system
     *     properties, then the environment
     */
    static TokenHookSettings settings(String name, Function<String, String> parameters, Enumeration<String> names,
            ServletContext context) {
        ConfigSource servlet = TokenHookServlets.source(parameters, names, "init-parameter of servlet '" + name + "'");
        return TokenHookSettings.read(context == null ? servlet : ConfigSource.firstOf(servlet, TokenHookServlets.source(
                context::getInitParameter, context.getInitParameterNames(), "context init-parameter")));
    }

    /** Passes every method to the endpoint and writes its answer ({@link ServletExchange}). */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletExchange.serve(endpoint, request, response);
    }

    /** Closes the endpoint if this servlet built it. */
    @Override
    public void destroy() {
        if (ownsEndpoint && endpoint != null) {
            endpoint.close();
        }
    }
}
