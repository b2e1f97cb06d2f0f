package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.TokenHook;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rules may block (JDBC), so calls are never authenticated nor run on Netty's event loop (a body that
 * arrived with the headers costs one hand-off; one that arrives later, a second). With a single event-loop thread,
 * {@value #CALLS} calls whose rule blocks until all {@value #CALLS} have reached it can only all succeed
 * if each call is handled on a thread of its own. No wall-clock assertion: the latch is the proof.
 */
class OffTheEventLoopTest {

    private static final int CALLS = 4;
    private static final String SECRET = "Basic b2ZmLXRoZS1sb29w";

    @Test
    void blockingCallsOverlapOnASingleEventLoopThread() throws Exception {
        CountDownLatch allInside = new CountDownLatch(CALLS);
        Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();
        Set<Thread> ruleThreads = ConcurrentHashMap.newKeySet();
        ClaimRule blocking = ClaimRule.named("blocking", (request, patch) -> {
            ruleThreads.add(Thread.currentThread());
            allInside.countDown();
            boolean overlapped = allInside.await(2, TimeUnit.SECONDS);
            if (request.mints(TokenType.ACCESS_TOKEN)) {
                patch.accessToken().add("overlapped", overlapped);
            }
        });
        // The user's own endpoint bean replaces the factory's; its authenticator runs on the handling thread.
        SharedSecretAuthenticator secret = SharedSecretAuthenticator.authorizationHeader(SECRET);
        TokenHookEndpoint endpoint = TokenHookEndpoint.builder(TokenHook.builder()
                        .rule(blocking).timeBudget(Duration.ofMillis(2500)).build())
                .authenticator(headers -> {
                    handlerThreads.add(Thread.currentThread());
                    return secret.authenticate(headers);
                })
                .build();

        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                // One event-loop thread: were calls handled on it, they could only run one after another.
                .properties(MicronautServers.server(Map.of("micronaut.netty.event-loops.default.num-threads", 1)))
                .singletons(endpoint)
                .start();
        try (context) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            OktaHookCaller okta = new OktaHookCaller(MicronautServers.uri(server, "/okta/token-hook"),
                    "Authorization", SECRET);
            ExecutorService clients = Executors.newFixedThreadPool(CALLS);
            List<HookCall> calls = new ArrayList<>();
            try {
                List<Future<HookCall>> futures = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    byte[] body = ("{\"eventId\":\"evt-" + i + "\",\"data\":{\"access\":{\"claims\":{\"sub\":\"svc\"},"
                            + "\"token\":{\"lifetime\":{\"expiration\":3600}}}}}").getBytes(StandardCharsets.UTF_8);
                    futures.add(clients.submit(() -> okta.call(body)));
                }
                for (Future<HookCall> future : futures) {
                    calls.add(future.get(10, TimeUnit.SECONDS));
                }
            } finally {
                clients.shutdownNow();
            }

            assertThat(calls).allSatisfy(call -> {
                assertThat(call.status()).isEqualTo(200);
                assertThat(call.bodyText()).contains("\"/claims/overlapped\",\"value\":true");
            });
            assertThat(handlerThreads).isNotEmpty().allSatisfy(OffTheEventLoopTest::isNotAnEventLoop);
            assertThat(ruleThreads).hasSize(CALLS).allSatisfy(OffTheEventLoopTest::isNotAnEventLoop);
        }
    }

    /** Netty runs its event loops on {@link FastThreadLocalThread}s, and names them after their group. */
    private static void isNotAnEventLoop(Thread thread) {
        assertThat(thread).isNotInstanceOf(FastThreadLocalThread.class);
        assertThat(thread.getName().toLowerCase(Locale.ROOT)).doesNotContain("eventloop");
    }
}
