package dev.tokenhook.testkit.readme;

import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.Conditions;
import dev.tokenhook.core.rule.TokenHook;
import java.time.Duration;
import java.util.Optional;

/** The README's hook-core example, compiled and run by {@link ReadmeSnippetsTest}. */
final class ReadmeRuleExample {

    private ReadmeRuleExample() {
    }

    /** Stands in for the user's data store. */
    interface PatientStore {
        Optional<String> patientIdFor(String login);
    }

    static HookHttpResponse run(PatientStore store, String secret, HookHttpRequest call) {
        // tag::rule[]
        ClaimRule patientId = ClaimRule.named("patient-id", (request, patch) ->
                request.userLogin()
                        .flatMap(store::patientIdFor)
                        .ifPresent(id -> patch.idToken().add("extPatientId", id)))
                .when(Conditions.userPresent().and(Conditions.mintsIdToken()));

        TokenHookEndpoint endpoint = TokenHookEndpoint.builder(
                        TokenHook.builder().rule(patientId).timeBudget(Duration.ofMillis(2500)).build())
                .authenticator(SharedSecretAuthenticator.authorizationHeader(secret))
                .build();

        HookHttpResponse response = endpoint.handle(call); // status, headers, body: write them back
        // end::rule[]
        endpoint.close();
        return response;
    }
}
