package dev.tokenhook.micronaut;

import dev.tokenhook.core.http.HookCall;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Trace;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Serves the token hook at {@code tokenhook.path} (default {@code /okta/token-hook}). It passes method
 * and headers to the {@link TokenHookEndpoint}, then (only if the endpoint authenticated the call and
 * accepted its headers) the body, and writes back exactly what it answers: every method (HEAD through
 * GET) and content type is mapped here, so the endpoint, not Micronaut, answers 405 and 415.
 * Each call is handed once from the event loop to the {@link TaskExecutors#BLOCKING} executor, which
 * authenticates it (a JWKS fetch may wait) and later runs the rules (they may block: a JDBC lookup, say);
 * the answer goes back through a {@link CompletableFuture}, so if a rule hangs, the engine's watchdog
 * still answers at the deadline.
 *
 * <p>The body is never bound by Micronaut: it is read as a stream of pieces, each copied into the
 * endpoint's buffer, which holds no more than {@code tokenhook.max-body-size}; a body that has not
 * arrived by the endpoint's body deadline is answered 408, and no thread waits for it meanwhile. Calls
 * refused before their body is read carry {@code Connection: close}, so Netty closes the connection
 * instead of reading the rest.
 */
@Controller(value = "${" + TokenHookFactory.PATH + ":" + TokenHookConfig.DEFAULT_PATH + "}",
        consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
@Requires(property = TokenHookFactory.ENABLED, pattern = TokenHookFactory.NOT_FALSE, defaultValue = "true")
@Requires(beans = TokenHookEndpoint.class)
public class TokenHookController {

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
     * @param request the call; its body is read only once the call is authenticated
     * @return the endpoint's answer
     */
    @Post
    public CompletableFuture<HttpResponse<byte[]>> post(HttpRequest<?> request) {
        return handle(request);
    }

    /**
     * @param request the call; its body is read only once the call is authenticated
     * @return the endpoint's answer (405)
     */
    @Get
    public CompletableFuture<HttpResponse<byte[]>> get(HttpRequest<?> request) {
        return handle(request);
    }

    /**
     * @param request the call; its body is read only once the call is authenticated
     * @return the endpoint's answer (405)
     */
    @Put
    public CompletableFuture<HttpResponse<byte[]>> put(HttpRequest<?> request) {
        return handle(request);
    }

    /**
     * @param request the call; its body is read only once the call is authenticated
     * @return the endpoint's answer (405)
     */
    @Patch
    public CompletableFuture<HttpResponse<byte[]>> patch(HttpRequest<?> request) {
        return handle(request);
    }

    /**
     * @param request the call; its body is read only once the call is authenticated
     * @return the endpoint's answer (405)
     */
    @Delete
    public CompletableFuture<HttpResponse<byte[]>> delete(HttpRequest<?> request) {
        return handle(request);
    }

    /**
     * @param request the call; its body is read only once the call is authenticated
     * @return the endpoint's answer (405)
     */
    @Options
    public CompletableFuture<HttpResponse<byte[]>> options(HttpRequest<?> request) {
        return handle(request);
    }

    /**
     * @param request the call; its body is read only once the call is authenticated
     * @return the endpoint's answer (405)
     */
    @Trace
    public CompletableFuture<HttpResponse<byte[]>> trace(HttpRequest<?> request) {
        return handle(request);
    }

    private CompletableFuture<HttpResponse<byte[]>> handle(HttpRequest<?> request) {
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        blocking.execute(() -> {
            HookCall call = endpoint.begin(request.getMethodName(), name -> request.getHeaders().getAll(name),
                    response -> answer.complete(toMicronaut(response)));
            if (!call.wantsBody()) {
                return;
            }
            ByteBody body = request instanceof ServerHttpRequest<?> server ? server.byteBody() : null;
            if (body instanceof AvailableByteBody arrived) {
                // Arrived with the headers, as Okta sends it: decoded and run on this thread, one hand-off in all.
                byte[] bytes = arrived.toByteArray();
                if (call.append(bytes, 0, bytes.length)) {
                    call.end();
                }
            } else if (body != null) {
                body.toByteArrayPublisher().subscribe(new BodySubscriber(call, blocking));
            } else {
                call.end(); // no body to read
            }
        });
        return answer;
    }

    /**
     * Feeds the body to the call as Netty delivers it, one piece at a time (so Micronaut buffers no more
     * than a piece ahead), cancelling once the call is answered; the rules then run off the event loop.
     */
    private static final class BodySubscriber implements Subscriber<byte[]> {
        private final HookCall call;
        private final Executor blocking;
        private Subscription subscription;

        BodySubscriber(HookCall call, Executor blocking) {
            this.call = call;
            this.blocking = blocking;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(byte[] piece) {
            if (call.append(piece, 0, piece.length)) {
                subscription.request(1);
            } else {
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable error) {
            call.fail();
        }

        @Override
        public void onComplete() {
            blocking.execute(call::end);
        }
    }

    private static HttpResponse<byte[]> toMicronaut(HookHttpResponse answer) {
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        answer.headers().forEach(response::header);
        return response.body(answer.body());
    }
}
