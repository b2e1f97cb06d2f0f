package com.example.hook;

import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.Conditions;
import java.util.Map;
import java.util.Optional;

/** A user's rule, written against hook-core as the README shows: patients get extPatientId in the ID token. */
public final class PatientIdRule {

    private PatientIdRule() {
    }

    /** The rule, looking logins up in {@code patients} (login to patient id). */
    public static ClaimRule forPatients(Map<String, String> patients) {
        return ClaimRule.named("patient-id", (request, patch) ->
                        request.userLogin()
                                .flatMap(login -> Optional.ofNullable(patients.get(login)))
                                .ifPresent(id -> patch.idToken().add("extPatientId", id)))
                .when(Conditions.userPresent().and(Conditions.mintsIdToken()));
    }
}
