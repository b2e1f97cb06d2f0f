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
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Serves the token hook at {@code tokenhook.path} (default {@code /okta/token-hook}). It passes method,
 * headers and body bytes to the {@link TokenHookEndpoint} and writes back exactly what it answers:
 * every method (HEAD through GET) and content type is mapped here, so the endpoint, not Micronaut,
 * answers 405 and 415.
 * Each call is handed once from the event loop to the {@link TaskExecutors#BLOCKING} executor, whose
 * thread runs the rules (they may block: a JDBC lookup, say); the answer goes back through a
 * {@link CompletableFuture}, so if a rule hangs, the engine's watchdog still answers at the deadline.
 *
 * <p>Micronaut reads the whole body before the endpoint sees it, up to
 * {@code micronaut.server.max-request-size} (10 MB by default, more than {@code tokenhook.max-body-size}
 * can be): keep it at or above {@code tokenhook.max-body-size}, or Micronaut answers oversized calls
 * itself, without the endpoint's JSON.
 */
@Controller(value = "${" + TokenHookFactory.PATH + ":" + TokenHookConfig.DEFAULT_PATH + "}",
        consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
@Requires(property = TokenHookFactory.ENABLED, pattern = TokenHookFactory.NOT_FALSE, defaultValue = "true")
@Requires(beans = TokenHookEndpoint.class)
public class TokenHookController {

    private static final byte[] EMPTY = new byte[0];

    private final TokenHookEndpoint endpoint;
    private final Executor blocking;

    /**
     * @param endpoint the endpoint that decides every answer
     * @param blocking where the rules run, off the event loop
     */
    public TokenHookController(TokenHookEndpoint endpoint, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.endpoint = endpoint;
        this.blocking = blocking;
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer
     */
    @Post
    public CompletableFuture<HttpResponse<byte[]>> post(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Get
    public CompletableFuture<HttpResponse<byte[]>> get(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Put
    public CompletableFuture<HttpResponse<byte[]>> put(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Patch
    public CompletableFuture<HttpResponse<byte[]>> patch(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Delete
    public CompletableFuture<HttpResponse<byte[]>> delete(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Options
    public CompletableFuture<HttpResponse<byte[]>> options(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    /**
     * @param request the call, with its body (if any) as bytes
     * @return the endpoint's answer (405)
     */
    @Trace
    public CompletableFuture<HttpResponse<byte[]>> trace(HttpRequest<byte[]> request) {
        return handle(request, request.getBody());
    }

    private CompletableFuture<HttpResponse<byte[]>> handle(HttpRequest<?> request, Optional<byte[]> body) {
        HookHttpRequest call = new HookHttpRequest(request.getMethodName(), name -> request.getHeaders().getAll(name),
                new ByteArrayInputStream(body.orElse(EMPTY)));
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        blocking.execute(() -> endpoint.handle(call, response -> answer.complete(toMicronaut(response))));
        return answer;
    }

    private static HttpResponse<byte[]> toMicronaut(HookHttpResponse answer) {
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        answer.headers().forEach(response::header);
        return response.body(answer.body());
    }
}
