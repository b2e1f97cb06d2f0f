package dev.tokenhook.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookRequests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets, claim values and bodies never reach the log or an error body. */
class NoLeaksTest {

    private static final String SECRET = "Basic c2VjcmV0LXRoYXQtbXVzdC1ub3QtbGVhaw==";
    private static final String PATIENT_ID = "PID-7734-SENSITIVE";
    private static final String LOGIN = "very.private.person@example.com";

    private final List<String> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger("dev.tokenhook");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private TokenHookEndpoint endpoint;

    @BeforeEach
    void start() {
        logger.addHandler(capture);
        logger.setLevel(Level.ALL);
        TokenHookConfig config = TokenHookConfig.fromProperties(Map.of("tokenhook.auth.header.secrets", SECRET)::get);
        endpoint = config.endpoint(List.of(
                ClaimRule.named("patient", (request, patch) -> patch.idToken().add("extPatientId", PATIENT_ID)),
                ClaimRule.named("leaky-exception", (request, patch) -> {
                    throw new IllegalStateException("lookup failed for " + LOGIN + " id " + PATIENT_ID);
                }),
                ClaimRule.named("reserved", (request, patch) -> patch.idToken().replace("sub", PATIENT_ID))));
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
        endpoint.close();
    }

    private HookHttpResponse post(String secret, byte[] body) {
        return endpoint.handle(HookHttpRequest.of("POST",
                Map.of("Authorization", List.of(secret), "Content-Type", List.of("application/json")), body));
    }

    @Test
    void nothingSensitiveIsLoggedOrEchoed() {
        byte[] signIn = TokenHookRequests.authorizationCode().user(LOGIN).idTokenClaim("ssn", "123-45-6789")
                .build().json();
        List<HookHttpResponse> responses = List.of(
                post(SECRET, signIn),
                post("Basic d3Jvbmc6Z3Vlc3M=", signIn),
                post(SECRET + "x", signIn),
                post(SECRET, ("{\"eventId\":\"" + LOGIN + "\",\"data\":{\"context\":{\"user\":{\"id\":\""
                        + PATIENT_ID + "\",\"id\":\"" + PATIENT_ID + "\"}}}}").getBytes(StandardCharsets.UTF_8)),
                post(SECRET, ("{\"ssn\":\"123-45-6789\", broken").getBytes(StandardCharsets.UTF_8)));
        // a mistyped field is left out and the call answered: its value reaches neither the log nor the event
        HookHttpResponse mistyped = post(SECRET, ("{\"eventId\":\"e1\",\"data\":{\"context\":{\"user\":\"" + LOGIN
                + "\",\"session\":{\"mfaActive\":\"123-45-6789\"}}}}").getBytes(StandardCharsets.UTF_8));

        assertThat(responses.get(0).bodyText()).contains(PATIENT_ID);
        assertThat(mistyped.status()).isEqualTo(200);
        assertThat(mistyped.bodyText()).doesNotContain(LOGIN).doesNotContain("123-45-6789");
        assertThat(logged).isNotEmpty();
        for (String line : logged) {
            assertThat(line).doesNotContain(SECRET).doesNotContain("c2VjcmV0").doesNotContain("d3Jvbmc6Z3Vlc3M")
                    .doesNotContain(PATIENT_ID).doesNotContain(LOGIN).doesNotContain("very.private")
                    .doesNotContain("123-45-6789");
        }
        for (HookHttpResponse error : responses.subList(1, responses.size())) {
            assertThat(error.status()).isIn(400, 401);
            assertThat(error.bodyText()).doesNotContain(PATIENT_ID).doesNotContain(LOGIN)
                    .doesNotContain("123-45-6789").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(error.headers()).containsEntry("Cache-Control", "no-store");
        }
    }
}
