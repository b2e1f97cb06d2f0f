package com.example.hook;

import static dev.tokenhook.testkit.TokenHookAssertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.TokenHook;
import dev.tokenhook.testkit.OktaEmulator;
import dev.tokenhook.testkit.TokenHookRequests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's testkit example, from a user's project. */
class PatientIdRuleTest {

    private final TokenHookEndpoint endpoint = TokenHookEndpoint.builder(
                    TokenHook.builder().rule(PatientIdRule.forPatients(Map.of("alice@example.com", "1234"))).build())
            .allowUnauthenticated()
            .build();

    @Test
    void patientGetsExtPatientId() {
        TokenHookRequests.Built signIn = TokenHookRequests.authorizationCode().user("alice@example.com").build();

        HookHttpResponse answer = post(signIn.json());

        assertThat(new OktaEmulator().apply(signIn.request(), answer.status(), answer.body()))
                .isPatched().idToken().hasClaim("extPatientId", "1234");
    }

    @Test
    void clientCredentialsIsLeftAlone() {
        TokenHookRequests.Built machine = TokenHookRequests.clientCredentials().build();

        HookHttpResponse answer = post(machine.json());

        assertThat(new OktaEmulator().apply(machine.request(), answer.status(), answer.body())).isUnchanged();
    }

    private HookHttpResponse post(byte[] json) {
        return endpoint.handle(HookHttpRequest.of("POST", Map.of("Content-Type", List.of("application/json")), json));
    }
}
