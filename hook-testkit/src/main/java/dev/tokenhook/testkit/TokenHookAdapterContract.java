package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The wire contract every adapter must keep, written once and run over real HTTP against the adapter's
 * real server. An adapter's test extends this class and implements {@link #start} and {@link #stop};
 * everything else is inherited:
 *
 * <pre>{@code
 * class JettyContractTest extends TokenHookAdapterContract {
 *     private Server server;
 *
 *     protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception {
 *         server = ...; // serve config.endpoint(rules) at config.path() on a random loopback port
 *         return URI.create("http://127.0.0.1:" + port + config.path());
 *     }
 *
 *     protected void stop() throws Exception {
 *         server.stop();
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TokenHookAdapterContract {

    /** The shared secret the contract configures and sends in {@code Authorization}. */
    public static final String SECRET = "Basic dG9rZW5ob29rOmNvbnRyYWN0LXNlY3JldA==";
    /** The time budget the contract configures: short, so the budget test stays fast. */
    public static final Duration BUDGET = Duration.ofMillis(600);
    /** The body limit the contract configures. */
    public static final int MAX_BODY = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private OktaHookCaller okta;
    private TestIssuer issuer;

    /**
     * Starts the adapter's real server on a random loopback port, serving the endpoint these settings
     * describe (as the adapter's users would configure it) with these rules.
     *
     * @param config the {@code tokenhook.*} settings to apply
     * @param rules the claim rules to register, in order
     * @return the hook's full URL
     * @throws Exception if the server cannot start
     */
    protected abstract URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception;

    /**
     * Stops the server started by {@link #start}.
     *
     * @throws Exception if it cannot stop
     */
    protected abstract void stop() throws Exception;

    /**
     * @return the settings the contract runs with: the shared secret and OAuth 2.0 from a loopback
     *     {@link TestIssuer}, either accepted; an adapter may only change {@code path}
     */
    protected TokenHookConfig contractConfig() {
        TokenHookConfig d = TokenHookConfig.defaults();
        return new TokenHookConfig(true, d.path(), "Authorization", List.of(SECRET), false, BUDGET, MAX_BODY,
                RuleFailurePolicy.DROP_RULE, new OAuth2Settings(issuer.issuer(), TestIssuer.AUDIENCE, null,
                        TestIssuer.CLIENT_ID, TestIssuer.SCOPE));
    }

    @BeforeAll
    final void startServer() throws Exception {
        issuer = TestIssuer.start();
        URI uri = start(contractConfig(), ContractRules.all());
        okta = new OktaHookCaller(uri, "Authorization", SECRET);
    }

    @AfterAll
    final void stopServer() throws Exception {
        try {
            stop();
        } finally {
            issuer.close();
        }
    }

    /** @return the caller the contract uses, aimed at the started server */
    protected final OktaHookCaller okta() {
        return okta;
    }

    @Test
    void patientSignInGetsExtPatientId() throws IOException {
        HookCall call = okta.call(ContractRequests.signIn("evt-patient", "isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(json(call)).isEqualTo(JSON.readTree("""
                {"commands":[
                  {"type":"com.okta.identity.patch","value":[{"op":"add","path":"/claims/extPatientId","value":"1234"}]},
                  {"type":"com.okta.access.patch","value":[{"op":"add","path":"/claims/contract_event","value":"evt-patient"}]}]}
                """));
    }

    @Test
    void everyFlowIsAnsweredWithAPatchOktaAccepts() {
        OktaEmulator emulator = new OktaEmulator();
        for (Flow flow : Flow.values()) {
            EmulatedOutcome outcome = emulator.call(okta, flow.bytes());

            assertThat(outcome.result()).as("%s: %s", flow, outcome.reason())
                    .isIn(EmulatedOutcome.Result.PATCHED, EmulatedOutcome.Result.UNCHANGED);
        }
    }

    @Test
    void patientEndsUpWithExtPatientIdInTheMintedIdToken() {
        EmulatedOutcome outcome = new OktaEmulator().call(okta, Flow.AUTHORIZATION_CODE.bytes());

        TokenHookAssertions.assertThat(outcome).isPatched().idToken().hasClaim("extPatientId", "1234");
    }

    @Test
    void nonPatientGetsOnlyTheOtherRulesChanges() throws IOException {
        HookCall call = okta.call(ContractRequests.signIn("evt-other", "someone@example.com"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(json(call).toString()).doesNotContain("extPatientId").contains("evt-other");
    }

    @Test
    void clientCredentialsPatchesOnlyTheAccessToken() throws IOException {
        HookCall call = okta.call(ContractRequests.clientCredentials("evt-cc"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(json(call)).isEqualTo(JSON.readTree("""
                {"commands":[{"type":"com.okta.access.patch",
                  "value":[{"op":"add","path":"/claims/contract_event","value":"evt-cc"}]}]}
                """));
    }

    @Test
    void requestWithoutAnyTokenGetsAnEmptyObject() throws IOException {
        HookCall call = okta.call("{\"eventId\":\"evt-none\",\"data\":{}}".getBytes(StandardCharsets.UTF_8));

        assertThat(call.status()).isEqualTo(200);
        assertThat(json(call)).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void unknownFieldsAreTolerated() {
        HookCall call = okta.call(ContractRequests.withUnknownFields("evt-unknown", "isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).contains("extPatientId");
    }

    @Test
    void denyAnswers200WithTheError() throws IOException {
        HookCall call = okta.call(ContractRequests.signIn("evt-deny", ContractRules.BLOCKED_USER));

        assertThat(call.status()).isEqualTo(200);
        assertThat(json(call)).isEqualTo(JSON.readTree(
                "{\"error\":{\"errorSummary\":\"" + ContractRules.DENIAL + "\"}}"));
    }

    @Test
    void failingRuleKeepsTheOtherRulesChanges() {
        HookCall call = okta.call(ContractRequests.signIn("evt-broken", ContractRules.BROKEN_USER));

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).contains("evt-broken").doesNotContain("half-written");
    }

    @Test
    void slowRuleIsCutAtTheTimeBudget() {
        HookCall call = okta.call(ContractRequests.signIn("evt-slow", ContractRules.SLOW_USER));

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).contains("evt-slow").doesNotContain("too-late");
        assertThat(call.elapsed()).isLessThan(BUDGET.plusMillis(1500));
    }

    /** A rule that ignores interrupts (a JDBC driver, say) still cannot hold the answer past the budget. */
    @Test
    void ruleIgnoringInterruptsIsCutAtTheTimeBudget() {
        HookCall call = okta.call(ContractRequests.signIn("evt-stalled", ContractRules.STALLED_USER));

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).contains("evt-stalled").doesNotContain("too-late");
        assertThat(call.elapsed()).isLessThan(BUDGET.plusMillis(1500)).isLessThan(ContractRules.STALL);
    }

    /**
     * Quick rules cost no thread hand-off: the adapter uses the endpoint's callback form, so the first
     * blocking rule runs on the thread serving the call, not on one of the engine's rule threads.
     */
    @Test
    void quickRulesRunWithoutAHandOffToARuleThread() throws IOException {
        HookCall call = okta.call(ContractRequests.signIn("evt-thread", "isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(ContractRules.patientRuleThread("evt-thread")).isNotNull().doesNotStartWith("tokenhook-rule-");
    }

    /** OAuth 2.0 over the wire: a bearer token from the configured issuer passes, one for another audience does not. */
    @Test
    void bearerTokenFromTheIssuerIsAcceptedAndOthersAreNot() {
        byte[] request = ContractRequests.clientCredentials("evt-oauth");
        HookCall accepted = new OktaHookCaller(okta.hookUri(), "Authorization", "Bearer " + issuer.accessToken())
                .call(request);
        HookCall otherAudience = new OktaHookCaller(okta.hookUri(), "Authorization",
                "Bearer " + issuer.accessToken(Map.of("aud", "api://other"))).call(request);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.bodyText()).contains("evt-oauth");
        assertThat(otherAudience.status()).isEqualTo(401);
        assertJsonError(otherAudience);
    }

    @Test
    void missingSecretIs401WithoutDetail() {
        HookCall call = okta.send("POST", Map.of("Content-Type", "application/json"),
                ContractRequests.signIn("evt-401", "isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(401);
        assertJsonError(call);
        assertThat(call.bodyText()).doesNotContain("Authorization").doesNotContain("isaac");
    }

    @Test
    void wrongSecretIs401() {
        HookCall call = okta.send("POST", Map.of("Content-Type", "application/json", "Authorization", "Basic bm9wZQ=="),
                ContractRequests.signIn("evt-401b", "isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(401);
        assertJsonError(call);
    }

    @Test
    void getIs405() {
        HookCall call = okta.send("GET", Map.of("Authorization", SECRET), new byte[0]);

        assertThat(call.status()).isEqualTo(405);
        assertJsonError(call);
    }

    @Test
    void textPlainIs415() {
        HookCall call = okta.send("POST", Map.of("Authorization", SECRET, "Content-Type", "text/plain"),
                ContractRequests.signIn("evt-415", "isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(415);
        assertJsonError(call);
    }

    @Test
    void malformedJsonIs400WithAReasonAndNoEcho() {
        HookCall call = okta.call("{\"eventId\":\"do-not-echo-me\",".getBytes(StandardCharsets.UTF_8));

        assertThat(call.status()).isEqualTo(400);
        assertJsonError(call);
        assertThat(call.bodyText()).doesNotContain("do-not-echo-me");
    }

    /**
     * Refused from its declared length, before it is sent: the answer closes the connection, so a client
     * still sending would see it reset (the hostile-callers contract covers that side), hence the raw head.
     */
    @Test
    void oversizeBodyIs413() {
        try (RawHttpConnection connection = RawHttpConnection.open(okta.hookUri())) {
            RawHttpConnection.Response response = connection.head(Map.of("Authorization", SECRET,
                    "Content-Type", "application/json", "Content-Length", String.valueOf(MAX_BODY + 10)))
                    .response(OktaHookCaller.OKTA_TIMEOUT);

            assertThat(response).isNotNull();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(response.body()).contains("\"reason\"").doesNotContain("Exception");
        }
    }

    @Test
    void everyAnswerIsUncachedJson() {
        for (HookCall call : List.of(
                okta.call(ContractRequests.signIn("evt-h", "isaac.brock@example.com")),
                okta.send("GET", Map.of("Authorization", SECRET), new byte[0]))) {
            assertThat(call.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(call.header("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void concurrentCallsEachGetTheirOwnAnswer() throws Exception {
        int clients = 8;
        int callsPerClient = 40;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> soak(client, callsPerClient)));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> result : results) {
                mismatches.addAll(result.get());
            }
            assertThat(mismatches).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's calls: patients and non-patients in turn, each answer checked against its own request. */
    private List<String> soak(int client, int calls) throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String eventId = "evt-" + client + "-" + i;
            String login = switch (i % 3) {
                case 0 -> "isaac.brock@example.com";
                case 1 -> "jane.roe@example.com";
                default -> "user" + client + "x" + i + "@example.com";
            };
            String expectedPatientId = switch (i % 3) {
                case 0 -> "1234";
                case 1 -> "5678";
                default -> null;
            };
            HookCall call = okta.call(ContractRequests.signIn(eventId, login));
            JsonNode answer = call.status() == 200 ? json(call) : JSON.nullNode();
            String patientId = null;
            for (JsonNode command : answer.path("commands")) {
                for (JsonNode op : command.path("value")) {
                    if (op.path("path").asText().equals("/claims/extPatientId")) {
                        patientId = op.path("value").asText();
                    }
                }
            }
            if (call.status() != 200 || !answer.toString().contains("\"" + eventId + "\"")
                    || !java.util.Objects.equals(patientId, expectedPatientId)) {
                mismatches.add(eventId + " (" + login + ") -> " + call.status() + " " + patientId);
            }
        }
        return mismatches;
    }

    private static JsonNode json(HookCall call) throws IOException {
        return JSON.readTree(call.body());
    }

    private static void assertJsonError(HookCall call) {
        assertThat(call.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        try {
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.path("reason").isTextual()).as("a short JSON reason").isTrue();
            assertThat(call.bodyText()).doesNotContain("Exception").doesNotContain("\tat ");
        } catch (IOException e) {
            throw new AssertionError("error body is not JSON", e);
        }
    }
}
