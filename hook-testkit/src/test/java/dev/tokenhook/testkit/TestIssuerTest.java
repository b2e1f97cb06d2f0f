package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestIssuerTest {

    @Test
    void endpointConfiguredForTheIssuerAcceptsItsTokensOnly() {
        try (TestIssuer issuer = TestIssuer.start();
                TokenHookEndpoint endpoint = TokenHookConfig.fromProperties(issuer.properties()::get).endpoint(List.of())) {
            Map<String, Integer> expected = Map.of(
                    issuer.accessToken(), 200,
                    issuer.accessToken(Map.of("aud", "api://other")), 401,
                    issuer.accessToken(Map.of("cid", "0oaother")), 401,
                    issuer.accessToken(Map.of("scp", List.of("other"))), 401);
            expected.forEach((token, status) -> assertThat(endpoint.handle(HookHttpRequest.of("POST",
                    Map.of("Authorization", List.of("Bearer " + token), "Content-Type", List.of("application/json")),
                    "{}".getBytes())).status()).isEqualTo(status));
        }
    }
}
