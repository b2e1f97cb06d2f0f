package dev.tokenhook.testkit.readme;

// tag::testkit[]
import static dev.tokenhook.testkit.TokenHookAssertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.TokenHook;
import dev.tokenhook.testkit.EmulatedOutcome;
import dev.tokenhook.testkit.OktaEmulator;
import dev.tokenhook.testkit.TokenHookRequests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatientRuleTest {

    private final ClaimRule patientId = ClaimRule.named("patient-id", (request, patch) ->
            request.userLogin().filter("alice@example.com"::equals)
                    .ifPresent(login -> patch.idToken().add("extPatientId", "1234")));

    @Test
    void patientGetsExtPatientId() {
        TokenHookRequests.Built signIn = TokenHookRequests.authorizationCode().user("alice@example.com").build();
        try (TokenHookEndpoint endpoint = TokenHookEndpoint.builder(TokenHook.builder().rule(patientId).build())
                .allowUnauthenticated()
                .build()) {
            HookHttpResponse answer = endpoint.handle(HookHttpRequest.of("POST",
                    Map.of("Content-Type", List.of("application/json")), signIn.json()));
            EmulatedOutcome okta = new OktaEmulator().apply(signIn.request(), answer.status(), answer.body());

            assertThat(okta).isPatched().idToken().hasClaim("extPatientId", "1234");
        }
    }

    @Test
    void clientCredentialsIsLeftAlone() {
        TokenHookRequests.Built machine = TokenHookRequests.clientCredentials().build();
        try (TokenHookEndpoint endpoint = TokenHookEndpoint.builder(TokenHook.builder().rule(patientId).build())
                .allowUnauthenticated()
                .build()) {
            HookHttpResponse answer = endpoint.handle(HookHttpRequest.of("POST",
                    Map.of("Content-Type", List.of("application/json")), machine.json()));

            assertThat(new OktaEmulator().apply(machine.request(), answer.status(), answer.body())).isUnchanged();
        }
    }
}
// end::testkit[]
