package dev.tokenhook.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.examples.patient.PatientIdRule;
import dev.tokenhook.testkit.EmulatedOutcome;
import dev.tokenhook.testkit.TokenHookRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One token request the demo plays, and what must come of it.
 *
 * @param title one line
 * @param story what Okta is doing and why the answer should be what it is, pre-wrapped lines
 * @param request the request Okta sends
 * @param patientId the {@code extPatientId} the ID token must end up with; {@code null} when no token may have one
 */
record Scenario(String title, List<String> story, TokenHookRequests.Built request, String patientId) {

    /** The patient's login and id, as seeded in the example store. */
    static final String PATIENT = "isaac.brock@example.com";
    static final String PATIENT_ID = "1234";
    /** A login that is not in the store. */
    static final String NON_PATIENT = "someone@example.com";

    /** @return the three scenarios of issue #9, with fresh requests */
    static List<Scenario> all() {
        return List.of(
                new Scenario("Authorization code sign-in of a patient", List.of(
                        PATIENT + " signs in to a web app. At /authorize Okta is about to mint",
                        "an ID token and an access token, and asks the hook first. The store knows this",
                        "login as patient " + PATIENT_ID + ": the hook adds extPatientId to the ID token."),
                        TokenHookRequests.authorizationCode().user(PATIENT).build(), PATIENT_ID),
                new Scenario("Authorization code sign-in of a non-patient", List.of(
                        NON_PATIENT + " signs in the same way. The login is not in the patient store,",
                        "so the hook has nothing to add and answers {}: Okta mints the tokens unchanged."),
                        TokenHookRequests.authorizationCode().user(NON_PATIENT).build(), null),
                new Scenario("Client credentials: a service calls the API", List.of(
                        "A backend service gets an access token at /token with its own credentials.",
                        "No user signs in and no ID token is minted: the rule does not apply."),
                        TokenHookRequests.clientCredentials().build(), null));
    }

    /** @return how Okta should treat the hook's answer */
    EmulatedOutcome.Result expectedResult() {
        return patientId == null ? EmulatedOutcome.Result.UNCHANGED : EmulatedOutcome.Result.PATCHED;
    }

    /** @return the check, in words */
    String expectation() {
        return patientId == null
                ? "no " + PatientIdRule.CLAIM + " in any token"
                : PatientIdRule.CLAIM + " \"" + patientId + "\" in the ID token, in no other token";
    }

    /**
     * @param status the hook's HTTP status
     * @param result how Okta treated the answer
     * @param payloads the decoded payload of each token minted
     * @param unverified the tokens whose signature did not verify
     * @return what went otherwise than expected; empty when all is as expected
     */
    List<String> problems(int status, EmulatedOutcome.Result result, Map<TokenType, ObjectNode> payloads,
            List<TokenType> unverified) {
        List<String> problems = new ArrayList<>();
        if (status != 200) {
            problems.add("the hook answered HTTP " + (status == 0 ? "nothing within 3 s" : status)
                    + " instead of 200");
        }
        if (result != expectedResult()) {
            problems.add("Okta's verdict is " + result + " instead of " + expectedResult());
        }
        if (patientId != null && !payloads.containsKey(TokenType.ID_TOKEN)) {
            problems.add("no ID token was minted");
        }
        payloads.forEach((type, payload) -> {
            JsonNode claim = payload.get(PatientIdRule.CLAIM);
            boolean wanted = patientId != null && type == TokenType.ID_TOKEN;
            if (wanted && (claim == null || !claim.isTextual() || !claim.asText().equals(patientId))) {
                problems.add("the ID token has " + describe(claim) + " instead of " + PatientIdRule.CLAIM
                        + " \"" + patientId + "\"");
            } else if (!wanted && claim != null) {
                problems.add("the " + Demo.name(type) + " has " + describe(claim) + ", it must have none");
            }
        });
        for (TokenType type : unverified) {
            problems.add("the " + Demo.name(type) + "'s signature does not verify");
        }
        return problems;
    }

    private static String describe(JsonNode claim) {
        return claim == null ? "no " + PatientIdRule.CLAIM : PatientIdRule.CLAIM + " " + claim;
    }
}
