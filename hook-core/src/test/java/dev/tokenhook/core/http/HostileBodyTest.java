package dev.tokenhook.core.http;

import static dev.tokenhook.core.http.TestRequests.SECRET;
import static dev.tokenhook.core.http.TestRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.auth.HookHeaders;
import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.TokenHook;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the endpoint does with hostile bodies, without HTTP: nothing is read before the headers pass,
 * early refusals close the connection, and a body that trickles is cut at the body deadline, in the
 * blocking forms and through {@link TokenHookEndpoint#begin}.
 */
class HostileBodyTest {

    private static final Duration BUDGET = Duration.ofMillis(400);

    private final TokenHookEndpoint endpoint = TokenHookEndpoint.builder(TokenHook.builder()
                    .rule(ClaimRule.named("event", (request, patch) -> patch.accessToken().add("event", request.eventId())))
                    .timeBudget(BUDGET).build())
            .authenticator(SharedSecretAuthenticator.authorizationHeader(SECRET))
            .maxBodySize(4 * 1024)
            .build();

    @AfterEach
    void close() {
        endpoint.close();
    }

    private static Map<String, List<String>> headers(String... extra) {
        Map<String, List<String>> headers = new HashMap<>(Map.of("Authorization", List.of(SECRET),
                "Content-Type", List.of("application/json")));
        for (int i = 0; i < extra.length; i += 2) {
            headers.put(extra[i], List.of(extra[i + 1]));
        }
        return headers;
    }

    /** A body that fails the test if anyone reads it. */
    private static final InputStream UNTOUCHABLE = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("the body was read");
        }
    };

    @Test
    void refusalsBeforeTheBodyReadNothingAndCloseTheConnection() {
        Map<String, List<String>> unauthenticated = headers();
        unauthenticated.remove("Authorization");
        for (var entry : Map.of(
                401, new HookHttpRequest("POST", HookHeaders.of(unauthenticated), UNTOUCHABLE),
                405, new HookHttpRequest("PUT", HookHeaders.of(headers()), UNTOUCHABLE),
                415, new HookHttpRequest("POST", HookHeaders.of(headers("Content-Encoding", "gzip")), UNTOUCHABLE),
                413, new HookHttpRequest("POST", HookHeaders.of(headers("Content-Length", "10485760")), UNTOUCHABLE))
                .entrySet()) {
            HookHttpResponse response = endpoint.handle(entry.getValue());

            assertThat(response.status()).isEqualTo(entry.getKey());
            assertThat(response.headers()).containsEntry("Connection", "close");
        }
    }

    @Test
    void identityIsTheOnlyContentEncodingAccepted() {
        byte[] body = signIn("isaac@example.com").getBytes(StandardCharsets.UTF_8);

        assertThat(endpoint.handle(HookHttpRequest.of("POST", headers("Content-Encoding", "identity"), body)).status())
                .isEqualTo(200);
        for (String coding : List.of("gzip", "deflate", "br", "identity, gzip", "x-gzip")) {
            assertThat(endpoint.handle(HookHttpRequest.of("POST", headers("Content-Encoding", coding), body)).status())
                    .as(coding).isEqualTo(415);
        }
    }

    @Test
    void answeredBodiesKeepTheConnection() {
        HookHttpResponse response = endpoint.handle(HookHttpRequest.of("POST", headers(),
                signIn("isaac@example.com").getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).doesNotContainKey("Connection");
    }

    @Test
    void invalidUtf8Is400AndWideEncodingsAre415() {
        byte[] overlong = signIn("isaac##brock@example.com").getBytes(StandardCharsets.UTF_8);
        int at = new String(overlong, StandardCharsets.ISO_8859_1).indexOf("##");
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAE;

        assertThat(endpoint.handle(HookHttpRequest.of("POST", headers(), overlong)).status()).isEqualTo(400);
        assertThat(endpoint.handle(HookHttpRequest.of("POST", headers(),
                signIn("isaac@example.com").getBytes(StandardCharsets.UTF_16LE))).status()).isEqualTo(415);
    }

    /** The blocking form cannot cut a read that blocks, but answers 408 once a read returns past the deadline. */
    @Test
    void blockingFormAnswers408ForABodyStillTricklingAtTheDeadline() {
        byte[] body = signIn("isaac@example.com").getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                return next < body.length ? body[next++] : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                int b = read();
                if (b == -1) {
                    return -1;
                }
                into[offset] = (byte) b;
                return 1;
            }
        };

        HookHttpResponse response = endpoint.handle(new HookHttpRequest("POST", HookHeaders.of(headers()), trickle));

        assertThat(response.status()).isEqualTo(408);
        assertThat(response.headers()).containsEntry("Connection", "close");
    }

    @Test
    void beganCallWithItsWholeBodyIsAnsweredOnce() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        CompletableFuture<HookHttpResponse> answer = new CompletableFuture<>();
        HookCall call = endpoint.begin("POST", HookHeaders.of(headers()), response -> {
            answers.incrementAndGet();
            answer.complete(response);
        });
        byte[] body = signIn("isaac@example.com").getBytes(StandardCharsets.UTF_8);

        assertThat(call.wantsBody()).isTrue();
        assertThat(call.append(body, 0, 10)).isTrue();
        assertThat(call.append(body, 10, body.length - 10)).isTrue();
        call.end();

        assertThat(answer.get(2, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(answer.get().bodyText()).contains("evt-");
        assertThat(call.wantsBody()).isFalse();
        Thread.sleep(BUDGET.toMillis()); // past the body deadline: no second answer
        assertThat(answers.get()).isEqualTo(1);
    }

    @Test
    void beganCallWhoseBodyStopsArrivingGets408AtTheBodyDeadline() throws Exception {
        CompletableFuture<HookHttpResponse> answer = new CompletableFuture<>();
        long start = System.nanoTime();
        HookCall call = endpoint.begin("POST", HookHeaders.of(headers()), answer::complete);
        call.append(new byte[] {'{'}, 0, 1);

        HookHttpResponse response = answer.get(2, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(408);
        assertThat(response.headers()).containsEntry("Connection", "close");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(endpoint.bodyTimeout());
        assertThat(call.wantsBody()).isFalse();
        assertThat(call.append(new byte[] {'}'}, 0, 1)).as("told to stop reading").isFalse();
        call.end(); // too late: ignored
    }

    @Test
    void closingTheEndpointAnswersACallStillWaitingForItsBody() throws Exception {
        CompletableFuture<HookHttpResponse> answer = new CompletableFuture<>();
        HookCall call = endpoint.begin("POST", HookHeaders.of(headers()), answer::complete);
        call.append(new byte[] {'{'}, 0, 1);

        endpoint.close();

        assertThat(answer.getNow(null)).as("answered by close, not at the body deadline").isNotNull();
        assertThat(answer.get().status()).isEqualTo(408);
        assertThat(call.wantsBody()).isFalse();
    }

    @Test
    void beganCallOutgrowingTheLimitGets413AndStopsReading() throws Exception {
        CompletableFuture<HookHttpResponse> answer = new CompletableFuture<>();
        HookCall call = endpoint.begin("POST", HookHeaders.of(headers()), answer::complete);

        assertThat(call.append(new byte[3 * 1024], 0, 3 * 1024)).isTrue();
        assertThat(call.append(new byte[2 * 1024], 0, 2 * 1024)).isFalse();

        assertThat(answer.get(2, TimeUnit.SECONDS).status()).isEqualTo(413);
        assertThat(answer.get().headers()).containsEntry("Connection", "close");
    }

    @Test
    void beganCallRefusedByItsHeadersWantsNoBody() {
        CompletableFuture<HookHttpResponse> answer = new CompletableFuture<>();
        HookCall call = endpoint.begin("POST", HookHeaders.of(headers("Content-Encoding", "gzip")), answer::complete);

        assertThat(call.wantsBody()).isFalse();
        assertThat(answer.join().status()).isEqualTo(415);
    }
}
