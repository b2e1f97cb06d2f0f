package dev.tokenhook.micronaut;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Trace;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Serves the token hook at {@code tokenhook.path} (default {@code /okta/token-hook}). It passes method,
 * headers and body bytes to the {@link TokenHookEndpoint} and writes back exactly what it answers:
 * every method (HEAD through GET) and content type is mapped here, so the endpoint, not Micronaut,
 * answers 405 and 415.
 * Calls run on the {@link TaskExecutors#BLOCKING} executor, never on the event loop, because rules may
 * block (a JDBC lookup, say).
 *
 * <p>Micronaut reads the whole body before the endpoint sees it, up to
 * {@code micronaut.server.max-request-size} (10 MB by default, more than {@code tokenhook.max-body-size}
 * can be): keep it at or above {@code tokenhook.max-body-size}, or Micronaut answers oversized calls
 * itself, without the endpoint's JSON.
 */
@Controller(value = "${" + TokenHookFactory.PATH + ":" + TokenHookConfig.DEFAULT_PATH + "}",
        consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
@Requires(property = TokenHookFactory.ENABLED, notEquals = "false")
@Requires(beans = TokenHookEndpoint.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenHookController {

    private static final byte[] EMPTY = new byte[0];

    private final TokenHookEndpoint endpoint;

    /** @param endpoint the endpoint that decides every answer */
    public TokenHookController(TokenHookEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer
     */
    @Post
    public HttpResponse<byte[]> post(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Get
    public HttpResponse<byte[]> get(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Put
    public HttpResponse<byte[]> put(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Patch
    public HttpResponse<byte[]> patch(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Delete
    public HttpResponse<byte[]> delete(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Options
    public HttpResponse<byte[]> options(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Trace
    public HttpResponse<byte[]> trace(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    private HttpResponse<byte[]> handle(HttpRequest<?> request, Optional<byte[]> body) {
        HookHttpResponse answer = endpoint.handle(new HookHttpRequest(request.getMethodName(),
                name -> request.getHeaders().getAll(name),
                new ByteArrayInputStream(body.orElse(EMPTY))));
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        answer.headers().forEach(response::header);
        return response.body(answer.body());
    }
}
