package dev.tokenhook.spring;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import org.springframework.web.HttpRequestHandler;

/**
 * The Spring MVC handler of the hook path: hands method, headers and the unread body to the
 * {@link TokenHookEndpoint} and writes its status, headers and bytes back. Every method reaches it (the
 * endpoint answers 405), and no message converter or content negotiation is involved. A plain
 * {@link HttpRequestHandler}, the same contract in Spring Framework 6 and 7.
 */
public final class TokenHookHttpRequestHandler implements HttpRequestHandler {

    private final TokenHookEndpoint endpoint;

    /** @param endpoint decides every answer */
    public TokenHookHttpRequestHandler(TokenHookEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HookHttpResponse answer;
        try (InputStream body = request.getInputStream()) {
            answer = endpoint.handle(new HookHttpRequest(request.getMethod(), name -> values(request, name), body));
        }
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static List<String> values(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }
}
