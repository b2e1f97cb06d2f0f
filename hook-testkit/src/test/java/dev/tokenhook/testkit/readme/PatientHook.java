package dev.tokenhook.testkit.readme;

// tag::rule[]
import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.Conditions;
import dev.tokenhook.core.rule.TokenHook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hook of Okta's patient scenario, with hook-core alone. */
final class PatientHook implements AutoCloseable {

    /** Your lookup of a patient id by login, e.g. a JDBC query. */
    interface PatientStore {
        Optional<String> patientIdFor(String login);
    }

    private final TokenHookEndpoint endpoint;

    PatientHook(PatientStore store, String secret) {
        ClaimRule patientId = ClaimRule.named("patient-id", (request, patch) ->
                        request.userLogin()
                                .flatMap(store::patientIdFor)
                                .ifPresent(id -> patch.idToken().add("extPatientId", id)))
                .when(Conditions.userPresent().and(Conditions.mintsIdToken()));

        endpoint = TokenHookEndpoint.builder(
                        TokenHook.builder().rule(patientId).timeBudget(Duration.ofMillis(2500)).build())
                .authenticator(SharedSecretAuthenticator.authorizationHeader(secret))
                .build();
    }

    /** One call from Okta, as your server received it; write the answer's status, headers and body back. */
    HookHttpResponse answer(String method, Map<String, List<String>> headers, byte[] body) {
        return endpoint.handle(HookHttpRequest.of(method, headers, body));
    }

    @Override
    public void close() {
        endpoint.close(); // stops the engine's threads
    }
}
// end::rule[]
