package dev.tokenhook.core.http;

import static dev.tokenhook.core.http.TestRequests.SECRET;
import static dev.tokenhook.core.http.TestRequests.post;
import static dev.tokenhook.core.http.TestRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.rule.TokenHook;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Reruns every {@link TokenHookEndpointTest} through {@link TokenHookEndpoint#handle(HookHttpRequest,
 * java.util.function.Consumer)}, and checks what only that form promises: one answer, on the calling
 * thread when the rules are quick.
 */
class TokenHookEndpointAsyncTest extends TokenHookEndpointTest {

    @Override
    HookHttpResponse call(TokenHookEndpoint target, HookHttpRequest request) {
        CompletableFuture<HookHttpResponse> answer = new CompletableFuture<>();
        AtomicInteger answers = new AtomicInteger();
        target.handle(request, response -> {
            answers.incrementAndGet();
            answer.complete(response);
        });
        try {
            HookHttpResponse response = answer.get(5, TimeUnit.SECONDS);
            assertThat(answers.get()).isEqualTo(1);
            return response;
        } catch (Exception e) {
            throw new AssertionError("no answer within 5 s", e);
        }
    }

    @Test
    void quickCallsAndRefusalsAreAnsweredOnTheCallingThreadBeforeHandleReturns() {
        try (TokenHookEndpoint endpoint = TokenHookEndpoint.builder(TokenHook.builder()
                        .rule("patient", (request, patch) -> patch.idToken().add("extPatientId", "1234"))
                        .build())
                .authenticator(SharedSecretAuthenticator.authorizationHeader(SECRET))
                .build()) {
            for (HookHttpRequest request : List.of(
                    post(signIn("isaac.brock@example.com")),
                    post(TestRequests.clientCredentials()),
                    post("{}", Map.of("Content-Type", List.of("application/json"))),
                    post("[1]"))) {
                AtomicReference<Thread> answeredOn = new AtomicReference<>();
                AtomicReference<HookHttpResponse> answer = new AtomicReference<>();
                endpoint.handle(request, response -> {
                    answeredOn.set(Thread.currentThread());
                    answer.set(response);
                });
                assertThat(answeredOn.get()).isSameAs(Thread.currentThread());
                assertThat(answer.get().status()).isIn(200, 400, 401);
            }
        }
    }
}
