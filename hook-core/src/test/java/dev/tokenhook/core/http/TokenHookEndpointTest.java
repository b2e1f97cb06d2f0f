package dev.tokenhook.core.http;

import static dev.tokenhook.core.http.TestRequests.SECRET;
import static dev.tokenhook.core.http.TestRequests.post;
import static dev.tokenhook.core.http.TestRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import dev.tokenhook.core.rule.TokenHook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every behaviour through {@link TokenHookEndpoint#handle(HookHttpRequest)}; {@link TokenHookEndpointAsyncTest} reruns them through the callback form. */
class TokenHookEndpointTest {

    private static final Map<String, String> PATIENTS = Map.of("isaac.brock@example.com", "1234");

    private static final ClaimRule PATIENT_RULE = ClaimRule.named("patient-id", (request, patch) ->
            request.userLogin().map(PATIENTS::get).ifPresent(id -> patch.idToken().add("extPatientId", id)));

    private TokenHookEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /** One call, the way this test class makes it. */
    HookHttpResponse call(TokenHookEndpoint target, HookHttpRequest request) {
        return target.handle(request);
    }

    private TokenHookEndpoint endpoint(TokenHook.Builder hook) {
        endpoint = TokenHookEndpoint.builder(hook.build())
                .authenticator(SharedSecretAuthenticator.authorizationHeader(SECRET))
                .maxBodySize(64 * 1024)
                .build();
        return endpoint;
    }

    private TokenHookEndpoint patientEndpoint() {
        return endpoint(TokenHook.builder().rule(PATIENT_RULE));
    }

    @Test
    void patientGetsExtPatientIdInTheIdToken() {
        HookHttpResponse response = call(patientEndpoint(), post(signIn("isaac.brock@example.com")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"commands\":[{\"type\":\"com.okta.identity.patch\",\"value\":"
                + "[{\"op\":\"add\",\"path\":\"/claims/extPatientId\",\"value\":\"1234\"}]}]}");
        assertThat(response.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("Cache-Control", "no-store");
    }

    @Test
    void nonPatientAndClientCredentialsGetNoChange() {
        TokenHookEndpoint hook = patientEndpoint();

        assertThat(call(hook, post(signIn("someone@example.com"))).bodyText()).isEqualTo("{}");
        assertThat(call(hook, post(TestRequests.clientCredentials())).bodyText()).isEqualTo("{}");
    }

    @Test
    void missingOrWrongSecretIs401WithoutDetail() {
        TokenHookEndpoint hook = patientEndpoint();
        String body = signIn("isaac.brock@example.com");

        HookHttpResponse missing = call(hook, post(body, Map.of("Content-Type", List.of("application/json"))));
        HookHttpResponse wrong = call(hook, post(body, Map.of("authorization", List.of("Basic nope"),
                "Content-Type", List.of("application/json"))));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.bodyText()).isEqualTo("{\"reason\":\"Unauthorized\"}");
    }

    @Test
    void headerNameMatchesInAnyCase() {
        HookHttpResponse response = call(patientEndpoint(), post(signIn("isaac.brock@example.com"),
                Map.of("AUTHORIZATION", List.of(SECRET), "content-type", List.of("application/json; charset=UTF-8"))));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void getIs405WithAllowHeader() {
        HookHttpResponse response = call(patientEndpoint(), HookHttpRequest.of("GET",
                Map.of("Authorization", List.of(SECRET)), new byte[0]));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST");
    }

    @Test
    void textPlainIs415AndOtherCharsetsToo() {
        TokenHookEndpoint hook = patientEndpoint();
        String body = signIn("isaac.brock@example.com");

        assertThat(call(hook, post(body, Map.of("Authorization", List.of(SECRET),
                "Content-Type", List.of("text/plain")))).status()).isEqualTo(415);
        assertThat(call(hook, post(body, Map.of("Authorization", List.of(SECRET),
                "Content-Type", List.of("application/json; charset=ISO-8859-1")))).status()).isEqualTo(415);
        assertThat(call(hook, post(body, Map.of("Authorization", List.of(SECRET)))).status()).isEqualTo(415);
    }

    @Test
    void oversizeIs413WhetherDeclaredOrStreamed() {
        TokenHookEndpoint hook = patientEndpoint();
        String huge = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";

        assertThat(call(hook, post(huge)).status()).isEqualTo(413);
        assertThat(call(hook, post("{}", Map.of("Authorization", List.of(SECRET), "Content-Type",
                List.of("application/json"), "Content-Length", List.of("999999")))).status()).isEqualTo(413);
    }

    @Test
    void oversizeBodyIsNotReadPastTheLimit() {
        CountingStream body = new CountingStream(new byte[1024 * 1024]);
        HookHttpResponse response = call(patientEndpoint(), new HookHttpRequest("POST",
                name -> name.equalsIgnoreCase("Authorization") ? List.of(SECRET)
                        : name.equalsIgnoreCase("Content-Type") ? List.of("application/json") : List.of(),
                body));

        assertThat(response.status()).isEqualTo(413);
        assertThat(body.read).isLessThanOrEqualTo(64 * 1024 + 8192);
    }

    @Test
    void unauthenticatedBodyIsNeverRead() {
        CountingStream body = new CountingStream("{}".getBytes(StandardCharsets.UTF_8));
        call(patientEndpoint(), new HookHttpRequest("POST", name -> List.of(), body));

        assertThat(body.read).isZero();
    }

    @Test
    void malformedJsonIs400WithAReasonAndNoEcho() {
        HookHttpResponse response = call(patientEndpoint(), post("{\"eventId\": \"SECRET-VALUE\", oops"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).startsWith("{\"reason\":\"Malformed JSON at line 1").doesNotContain("SECRET-VALUE");
    }

    @Test
    void mistypedFieldsAreIgnoredTheRulesStillRunAndTheEventNamesWhere() {
        List<HookEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        endpoint = TokenHookEndpoint.builder(TokenHook.builder().rule(PATIENT_RULE).build())
                .authenticator(SharedSecretAuthenticator.authorizationHeader(SECRET))
                .listener(events::add)
                .build();
        String body = signIn("isaac.brock@example.com").replaceFirst("\\{", "{\"eventTime\": [\"alice-private\"], ")
                .replace("\"context\":{", "\"context\":{\"policy\": {\"rule\": \"alice-private\"}, ");

        HookHttpResponse response = call(endpoint, post(body));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("extPatientId");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.ignoredFields()).containsExactly("eventTime", "data.context.policy.rule");
            assertThat(event.toString()).doesNotContain("alice-private");
        });
    }

    @Test
    void duplicateKeyIs400NamingWhereWithoutEchoingIt() {
        HookHttpResponse response = call(patientEndpoint(), post("{\"data\":{\"context\":{\"user\":{\"a\":\"alice-private\",\"a\":1}}}}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("line 1").doesNotContain("alice-private");
    }

    @Test
    void throwingRuleLeavesTheOtherRulesChanges() {
        TokenHookEndpoint hook = endpoint(TokenHook.builder()
                .rule("broken", (request, patch) -> {
                    patch.idToken().add("half", "written");
                    throw new IllegalStateException("database said no to alice");
                })
                .rule(PATIENT_RULE));

        HookHttpResponse response = call(hook, post(signIn("isaac.brock@example.com")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("extPatientId").doesNotContain("half").doesNotContain("alice");
    }

    @Test
    void slowRuleIsCutAtTheBudgetWithTheFallback() {
        CountDownLatch interrupted = new CountDownLatch(1);
        TokenHookEndpoint hook = endpoint(TokenHook.builder()
                .timeBudget(Duration.ofMillis(300))
                .rule(PATIENT_RULE)
                .rule("sleepy", (request, patch) -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    patch.idToken().add("late", true);
                }));

        long start = System.nanoTime();
        HookHttpResponse response = call(hook, post(signIn("isaac.brock@example.com")));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("extPatientId").doesNotContain("late");
        assertThat(tookMillis).isLessThan(2_500);
        assertThat(awaitQuietly(interrupted)).as("the slow rule was interrupted").isTrue();
    }

    @Test
    void slowRuleWithDenyPolicyDeniesTheToken() {
        TokenHookEndpoint hook = endpoint(TokenHook.builder()
                .timeBudget(Duration.ofMillis(200))
                .onRuleFailure(RuleFailurePolicy.DENY)
                .rule("sleepy", (request, patch) -> Thread.sleep(10_000)));

        HookHttpResponse response = call(hook, post(signIn("isaac.brock@example.com")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"error\":{\"errorSummary\":\"" + TokenHook.FAILURE_DENIAL_SUMMARY
                + "\"}}");
    }

    @Test
    void reservedClaimDropsOnlyThatRule() {
        TokenHookEndpoint hook = endpoint(TokenHook.builder()
                .rule("sneaky", (request, patch) -> patch.idToken().replace("sub", "someone-else").add("ok", 1))
                .rule(PATIENT_RULE));

        HookHttpResponse response = call(hook, post(signIn("isaac.brock@example.com")));

        assertThat(response.bodyText()).contains("extPatientId").doesNotContain("someone-else").doesNotContain("\"ok\"");
    }

    @Test
    void denyAnswers200WithTheError() {
        TokenHookEndpoint hook = endpoint(TokenHook.builder()
                .rule("gate", (request, patch) -> patch.deny("Not allowed to use this app")));

        HookHttpResponse response = call(hook, post(signIn("isaac.brock@example.com")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"error\":{\"errorSummary\":\"Not allowed to use this app\"}}");
    }

    @Test
    void refusesToBuildWithoutAuthenticationUnlessWaived() {
        TokenHook hook = TokenHook.builder().build();
        assertThatThrownBy(() -> TokenHookEndpoint.builder(hook).build())
                .isInstanceOf(dev.tokenhook.core.auth.MissingAuthenticationException.class)
                .hasMessageContaining("tokenhook.auth.header.secrets");

        endpoint = TokenHookEndpoint.builder(hook).allowUnauthenticated().build();
        assertThat(call(endpoint, post(signIn("x@example.com"), Map.of("Content-Type",
                List.of("application/json")))).status()).isEqualTo(200);
    }

    @Test
    void listenersHearEveryCallWithoutClaimValues() {
        List<HookEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        endpoint = TokenHookEndpoint.builder(TokenHook.builder().rule(PATIENT_RULE)
                        .rule("gate", (request, patch) -> {
                            if (request.userLogin().orElse("").startsWith("blocked")) {
                                patch.deny("no");
                            }
                        }).build())
                .authenticator(SharedSecretAuthenticator.authorizationHeader(SECRET))
                .listener(event -> {
                    throw new IllegalStateException("a broken listener must not break the hook");
                })
                .listener(events::add)
                .build();

        call(endpoint, post(signIn("isaac.brock@example.com")));
        call(endpoint, post(signIn("blocked@example.com")));
        call(endpoint, post(signIn("nobody@example.com")));
        call(endpoint, post("{}", Map.of("Content-Type", List.of("application/json"))));
        call(endpoint, post("[1]"));

        assertThat(events).extracting(HookEvent::outcome).containsExactly(HookOutcome.PATCHED, HookOutcome.DENIED,
                HookOutcome.NO_CHANGE, HookOutcome.UNAUTHENTICATED, HookOutcome.REJECTED);
        HookEvent patched = events.get(0);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.grantType()).hasValue("authorization_code");
        assertThat(patched.tokensMinted()).containsExactlyInAnyOrder(dev.tokenhook.core.TokenType.ID_TOKEN,
                dev.tokenhook.core.TokenType.ACCESS_TOKEN);
        assertThat(patched.rules()).extracting(r -> r.rule() + ":" + r.status())
                .containsExactly("patient-id:APPLIED", "gate:NO_CHANGE");
        assertThat(patched.toString()).doesNotContain("1234");
        assertThat(events.get(4).status()).isEqualTo(400);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final class CountingStream extends InputStream {
        private final InputStream delegate;
        private int read;

        CountingStream(byte[] bytes) {
            this.delegate = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
