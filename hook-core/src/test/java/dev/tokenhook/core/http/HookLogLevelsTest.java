package dev.tokenhook.core.http;

import static dev.tokenhook.core.http.TestRequests.SECRET;
import static dev.tokenhook.core.http.TestRequests.post;
import static dev.tokenhook.core.http.TestRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.TokenHook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The level of each line the endpoint logs through {@code System.Logger} (here {@code java.util.logging},
 * where DEBUG is FINE and ERROR is SEVERE): a clean success at DEBUG, so that it costs nothing at the
 * usual INFO; denials, refusals and answers after a rule failed at INFO or above.
 */
class HookLogLevelsTest {

    private static final ClaimRule PATIENT_RULE = ClaimRule.named("patient-id", (request, patch) -> request.userLogin()
            .filter("isaac.brock@example.com"::equals).ifPresent(login -> patch.idToken().add("extPatientId", "1234")));
    private static final ClaimRule FAILING_RULE = ClaimRule.named("broken", (request, patch) -> {
        throw new IllegalStateException("lookup failed");
    });
    private static final ClaimRule RESERVED_RULE = ClaimRule.named("reserved",
            (request, patch) -> patch.idToken().replace("sub", "someone-else"));
    private static final ClaimRule DENYING_RULE = ClaimRule.named("deny", (request, patch) -> patch.deny("not today"));
    private static final ClaimRule SLOW_RULE = ClaimRule.named("slow", (request, patch) -> {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private final Logger logger = Logger.getLogger("dev.tokenhook");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;
    private TokenHookEndpoint endpoint;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.addHandler(capture);
        logger.setLevel(Level.ALL);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setLevel(levelBefore);
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private TokenHookEndpoint endpoint(ClaimRule... rules) {
        endpoint = TokenHookEndpoint.builder(TokenHook.builder().rules(List.of(rules))
                        .timeBudget(Duration.ofMillis(300)).build())
                .authenticator(SharedSecretAuthenticator.authorizationHeader(SECRET))
                .build();
        return endpoint;
    }

    private List<String> lines() {
        return logged.stream().map(record -> record.getLevel() + " " + record.getMessage()).toList();
    }

    @Test
    void aPatchedOrNoChangeAnswerLogsItsLineAtDebug() {
        TokenHookEndpoint hook = endpoint(PATIENT_RULE);

        hook.handle(post(signIn("isaac.brock@example.com")));
        hook.handle(post(signIn("someone@example.com")));

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).startsWith("FINE tokenhook eventId=evt-").contains(" status=200 outcome=patched applied=1 "
                + "failed=0 rejected=0 timedOut=0 skipped=0 durationMs=");
        assertThat(lines().get(1)).startsWith("FINE tokenhook eventId=evt-").contains(" outcome=no-change applied=0 ");
    }

    @Test
    void atInfoASuccessfulCallLogsNothing() {
        logger.setLevel(Level.INFO);
        TokenHookEndpoint hook = endpoint(PATIENT_RULE);

        assertThat(hook.handle(post(signIn("isaac.brock@example.com"))).bodyText()).contains("extPatientId");
        hook.handle(post(signIn("someone@example.com")));

        assertThat(logged).isEmpty();
        assertThat(System.getLogger("dev.tokenhook").isLoggable(System.Logger.Level.DEBUG))
                .as("the line is not even built").isFalse();
    }

    @Test
    void aDenialLogsAtInfo() {
        endpoint(DENYING_RULE).handle(post(signIn("isaac.brock@example.com")));

        assertThat(lines()).singleElement().asString().startsWith("INFO tokenhook eventId=").contains(" outcome=denied ");
    }

    @Test
    void aFailedRuleLogsAWarningAndTheAnswerAtInfo() {
        endpoint(PATIENT_RULE, FAILING_RULE).handle(post(signIn("isaac.brock@example.com")));

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).startsWith("WARNING tokenhook eventId=").contains(" rule=broken status=FAILED ");
        assertThat(lines().get(1)).startsWith("INFO tokenhook eventId=").contains(" outcome=patched applied=1 failed=1 ");
    }

    @Test
    void aRejectedRuleLogsAWarningAndTheAnswerAtInfo() {
        endpoint(PATIENT_RULE, RESERVED_RULE).handle(post(signIn("isaac.brock@example.com")));

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).startsWith("WARNING tokenhook eventId=").contains(" rule=reserved status=REJECTED ");
        assertThat(lines().get(1)).startsWith("INFO tokenhook eventId=").contains(" rejected=1 ");
    }

    @Test
    void aTimedOutRuleLogsAWarningAndTheAnswerAtInfo() {
        endpoint(PATIENT_RULE, SLOW_RULE).handle(post(signIn("isaac.brock@example.com")));

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).startsWith("WARNING tokenhook eventId=").contains(" rule=slow status=TIMED_OUT ");
        assertThat(lines().get(1)).startsWith("INFO tokenhook eventId=").contains(" timedOut=1 ");
    }

    @Test
    void aRefusedRequestLogsAtInfoAndAWrongSecretAtWarning() {
        TokenHookEndpoint hook = endpoint(PATIENT_RULE);

        hook.handle(post("{\"broken\"", Map.of("Authorization", List.of(SECRET), "Content-Type", List.of("application/json"))));
        hook.handle(post(signIn("isaac.brock@example.com"),
                Map.of("Authorization", List.of("Basic nope"), "Content-Type", List.of("application/json"))));

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).startsWith("INFO tokenhook status=400 outcome=rejected ");
        assertThat(lines().get(1)).startsWith("WARNING tokenhook status=401 outcome=unauthenticated ");
    }

    @Test
    void anEngineFailureLogsAtError() {
        TokenHookRequest request = TokenHookRequest.fromJson("{\"eventId\":\"evt-9\"}".getBytes(StandardCharsets.UTF_8));

        new ExchangeRecorder(List.of()).engineFailure(System.nanoTime(), request, new IllegalStateException("boom"),
                new HookHttpResponse(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(lines()).singleElement().asString()
                .startsWith("SEVERE tokenhook eventId=evt-9 status=200 outcome=engine-failure error=java.lang.IllegalStateException ");
    }
}
