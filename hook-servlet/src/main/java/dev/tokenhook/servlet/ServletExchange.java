package dev.tokenhook.servlet;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookEndpoint;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One hook call over the Servlet API: method, headers and the unread body in, status, headers and bytes
 * out. Where the request allows asynchronous processing (the servlet and every filter before it are
 * {@code async-supported}), the rules run on the container's thread and the answer can still leave at the
 * deadline from the engine's watchdog if a rule hangs; otherwise the container's thread waits while rule
 * threads run the rules. Used by {@link TokenHookServlet} and by hook-spring's handler.
 */
public final class ServletExchange {

    private ServletExchange() {
    }

    /**
     * Serves one call; the answer is written before this returns unless the rules outlive the budget.
     *
     * @param endpoint decides the answer
     * @param request the call
     * @param response where the answer goes
     * @throws IOException if the body stream cannot be obtained
     */
    public static void serve(TokenHookEndpoint endpoint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HookHttpRequest call = new HookHttpRequest(request.getMethod(), name -> values(request, name),
                request.getInputStream());
        if (!request.isAsyncSupported()) {
            write(endpoint.handle(call), response);
            return;
        }
        AsyncContext async = request.startAsync();
        endpoint.handle(call, answer -> {
            try {
                write(answer, response);
            } finally {
                async.complete();
            }
        });
    }

    private static void write(HookHttpResponse answer, HttpServletResponse response) {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        try {
            response.getOutputStream().write(answer.body());
            // Sent now: a complete() from the watchdog only takes effect once the container's thread,
            // still inside a hung rule, returns (Servlet spec; Tomcat 10.1 holds the bytes until then).
            response.flushBuffer();
        } catch (IOException clientGone) {
            // Okta stopped waiting or the connection broke: nobody is left to answer, and no page to render.
        }
    }

    private static List<String> values(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }
}
