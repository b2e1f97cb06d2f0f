package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.rule.ClaimRule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The metrics and health an adapter must expose, checked over real HTTP: applied, failed, timed-out,
 * denied and unauthenticated calls move the {@code tokenhook.*} meters, and a failure ratio past the
 * threshold turns the {@code tokenHook} health component DOWN, then UP again once good calls push the
 * failures out of the window. An adapter's test starts its real server with management endpoints and
 * says where they are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TokenHookObservabilityContract {

    /** The shared secret the contract configures and sends. */
    public static final String SECRET = "Basic b2JzZXJ2YWJpbGl0eTpjb250cmFjdA==";
    /** Where the contract expects the hook, relative to the server's base URI. */
    public static final String HOOK_PATH = "/okta/token-hook";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private URI base;
    private OktaHookCaller okta;

    /**
     * Starts the real server with these {@code tokenhook.*} settings, these rules, metrics and health.
     *
     * @param tokenhookProperties the hook's settings (secret, a short budget, a small health window)
     * @param rules the claim rules, in order
     * @return the server's base URI, e.g. {@code http://127.0.0.1:PORT}
     * @throws Exception if it cannot start
     */
    protected abstract URI start(Map<String, String> tokenhookProperties, List<ClaimRule> rules) throws Exception;

    /**
     * Stops the server.
     *
     * @throws Exception if it cannot stop
     */
    protected abstract void stop() throws Exception;

    /** @return the path under which one meter is read, e.g. {@code /actuator/metrics/} */
    protected abstract String metricsPath();

    /** @return the health endpoint's path, e.g. {@code /actuator/health} */
    protected abstract String healthPath();

    /**
     * @param health the health endpoint's JSON body
     * @return the {@code tokenHook} component in it
     */
    protected abstract JsonNode tokenHookComponent(JsonNode health);

    @BeforeAll
    final void startServer() throws Exception {
        base = start(Map.of(
                "tokenhook.auth.header.secrets", SECRET,
                "tokenhook.time-budget", "400ms",
                "tokenhook.health.window", "10",
                "tokenhook.health.min-calls", "10",
                "tokenhook.health.failure-threshold", "0.5"), rules());
        okta = new OktaHookCaller(base.resolve(HOOK_PATH), "Authorization", SECRET);
    }

    @AfterAll
    final void stopServer() throws Exception {
        stop();
    }

    @Test
    void appliedFailedTimedOutAndDeniedCallsMoveTheMeters() throws Exception {
        String failuresOfExplode = "tokenhook.rule.failures?tag=rule:explode&tag=exception:IllegalStateException";
        String timeoutsOfStall = "tokenhook.rule.timeouts?tag=rule:stall&tag=status:timed-out";
        String unauthenticated = "tokenhook.requests?tag=outcome:unauthenticated&tag=status:401";
        double patched = count("tokenhook.requests?tag=outcome:patched");
        double denied = count("tokenhook.requests?tag=outcome:denied");
        double failures = count(failuresOfExplode);
        double timeouts = count(timeoutsOfStall);
        double denials = count("tokenhook.denials?tag=source:rule");
        double refused = count(unauthenticated);

        assertThat(call("applied-1").bodyText()).contains("/claims/stamp");
        assertThat(call("applied-2").status()).isEqualTo(200);
        assertThat(call("applied-3").status()).isEqualTo(200);
        assertThat(call("failed-1").bodyText()).isEqualTo("{}");
        assertThat(call("failed-2").status()).isEqualTo(200);
        assertThat(call("slow-1").bodyText()).isEqualTo("{}");
        assertThat(call("denied-1").bodyText()).contains("errorSummary");
        assertThat(call("denied-2").status()).isEqualTo(200);
        assertThat(new OktaHookCaller(okta.hookUri(), Map.of()).call(body("applied-x")).status()).isEqualTo(401);

        assertThat(count("tokenhook.requests?tag=outcome:patched")).isEqualTo(patched + 3);
        assertThat(count("tokenhook.requests?tag=outcome:denied")).isEqualTo(denied + 2);
        assertThat(count(failuresOfExplode)).isEqualTo(failures + 2);
        assertThat(count(timeoutsOfStall)).isEqualTo(timeouts + 1);
        assertThat(count("tokenhook.denials?tag=source:rule")).isEqualTo(denials + 2);
        assertThat(count(unauthenticated)).isEqualTo(refused + 1);
    }

    @Test
    void healthGoesDownPastTheFailureThresholdAndRecovers() throws Exception {
        for (int i = 0; i < 10; i++) {
            call("failed-health-" + i);
        }
        HttpResponse<String> down = send(healthPath());
        JsonNode downBody = JSON.readTree(down.body());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(downBody.path("status").asText()).isEqualTo("DOWN");
        JsonNode hook = tokenHookComponent(downBody);
        assertThat(hook.path("status").asText()).isEqualTo("DOWN");
        assertThat(hook.path("details").path("calls").asInt()).isEqualTo(10);
        assertThat(hook.path("details").path("failedCalls").asInt()).isEqualTo(10);
        assertThat(hook.path("details").path("failureRatio").asDouble()).isEqualTo(1.0);
        assertThat(hook.path("details").path("threshold").asDouble()).isEqualTo(0.5);

        for (int i = 0; i < 10; i++) {
            call("applied-health-" + i);
        }
        HttpResponse<String> up = send(healthPath());
        JsonNode upBody = JSON.readTree(up.body());
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(upBody.path("status").asText()).isEqualTo("UP");
        assertThat(tokenHookComponent(upBody).path("status").asText()).isEqualTo("UP");
        assertThat(tokenHookComponent(upBody).path("details").path("failedCalls").asInt()).isZero();
    }

    /**
     * @param meterAndTags e.g. {@code tokenhook.requests?tag=outcome:patched}
     * @return the COUNT statistic of the meter, 0 while it does not exist yet
     * @throws Exception if the metrics endpoint cannot be read
     */
    protected final double count(String meterAndTags) throws Exception {
        HttpResponse<String> response = send(metricsPath() + meterAndTags);
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).as(meterAndTags + ": " + response.body()).isEqualTo(200);
        for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
            if (measurement.path("statistic").asText().equals("COUNT")) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + response.body());
    }

    /**
     * @param path a path on the server, e.g. {@code /actuator/metrics/tokenhook.requests}
     * @return the response, as JSON text
     * @throws IOException if the call fails
     * @throws InterruptedException if interrupted
     */
    protected final HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HookCall call(String eventId) {
        return okta.call(body(eventId));
    }

    private static byte[] body(String eventId) {
        return ("{\"eventId\":\"" + eventId + "\",\"data\":{\"access\":{\"claims\":{\"sub\":\"svc\"},"
                + "\"token\":{\"lifetime\":{\"expiration\":3600}}}}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Rules that apply, throw, stall past the budget or deny, picked by the eventId's prefix. */
    private static List<ClaimRule> rules() {
        return List.of(
                ClaimRule.named("stamp", (request, patch) -> {
                    if (request.eventId().startsWith("applied") && request.mints(TokenType.ACCESS_TOKEN)) {
                        patch.accessToken().add("stamp", "observed");
                    }
                }),
                ClaimRule.named("explode", (request, patch) -> {
                    if (request.eventId().startsWith("failed")) {
                        throw new IllegalStateException("the contract's failing rule");
                    }
                }),
                ClaimRule.named("stall", (request, patch) -> {
                    if (request.eventId().startsWith("slow")) {
                        Thread.sleep(5_000);
                    }
                }),
                ClaimRule.named("gate", (request, patch) -> {
                    if (request.eventId().startsWith("denied")) {
                        patch.deny("Not for this test");
                    }
                }));
    }
}
