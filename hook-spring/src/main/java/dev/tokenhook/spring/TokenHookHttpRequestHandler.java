package dev.tokenhook.spring;

import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.servlet.ServletExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.web.HttpRequestHandler;

/**
 * The Spring MVC handler of the hook path: hands method, headers and the unread body to the
 * {@link TokenHookEndpoint} and writes its status, headers and bytes back ({@link ServletExchange}:
 * asynchronously, as Spring Boot's filter chain allows, so the rules run on the request thread and the
 * answer still leaves at the deadline if one hangs). Every method reaches it (the endpoint answers 405),
 * and no message converter or content negotiation is involved. A plain {@link HttpRequestHandler}, the
 * same contract in Spring Framework 6 and 7.
 */
public final class TokenHookHttpRequestHandler implements HttpRequestHandler {

    private final TokenHookEndpoint endpoint;

    /** @param endpoint decides every answer */
    public TokenHookHttpRequestHandler(TokenHookEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletExchange.serve(endpoint, request, response);
    }
}
