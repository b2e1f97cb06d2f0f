package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Okta's guide scenario end to end through the HTTP-neutral endpoint, with the real H2 store. */
class PatientScenarioEndpointTest {

    private static final String SECRET = "Basic cGF0aWVudHM6aG9vaw==";

    private PooledPatientStore store;
    private TokenHookEndpoint endpoint;

    @BeforeEach
    void start() {
        store = TestDatabases.freshSeededStore();
        TokenHookConfig config = TokenHookConfig.fromProperties(Map.of("tokenhook.auth.header.secrets", SECRET)::get);
        endpoint = config.endpoint(List.of(new PatientIdRule(store.store())));
    }

    @AfterEach
    void stop() {
        endpoint.close();
        store.close();
    }

    private HookHttpResponse post(String body, String secret) {
        return endpoint.handle(HookHttpRequest.of("POST",
                Map.of("Authorization", List.of(secret), "Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String signIn(String login) {
        return """
                {"eventId":"evt-1","eventType":"com.okta.oauth2.tokens.transform",
                 "data":{"context":{"protocol":{"request":{"response_type":"code"}},
                                    "user":{"id":"00u1","profile":{"login":"%s"}}},
                         "identity":{"claims":{"sub":"00u1"},"token":{"lifetime":{"expiration":3600}}},
                         "access":{"claims":{"sub":"%s"},"token":{"lifetime":{"expiration":3600}}}}}
                """.formatted(login, login);
    }

    @Test
    void patientGetsExtPatientIdInTheIdToken() {
        HookHttpResponse response = post(signIn("Isaac.Brock@example.com"), SECRET);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"commands\":[{\"type\":\"com.okta.identity.patch\",\"value\":"
                + "[{\"op\":\"add\",\"path\":\"/claims/extPatientId\",\"value\":\"1234\"}]}]}");
    }

    @Test
    void nonPatientGetsNoChange() {
        assertThat(post(signIn("someone@example.com"), SECRET).bodyText()).isEqualTo("{}");
    }

    @Test
    void clientCredentialsGetsNoChange() {
        String machine = """
                {"eventId":"evt-2","data":{"context":{"protocol":{"request":{"grant_type":"client_credentials"}}},
                 "access":{"claims":{"sub":"0oasvc"},"token":{"lifetime":{"expiration":3600}}}}}
                """;
        assertThat(post(machine, SECRET).bodyText()).isEqualTo("{}");
    }

    @Test
    void wrongSecretIs401() {
        assertThat(post(signIn("isaac.brock@example.com"), "Basic wrong").status()).isEqualTo(401);
    }
}
