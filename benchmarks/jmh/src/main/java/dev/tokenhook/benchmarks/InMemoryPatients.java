package dev.tokenhook.benchmarks;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.TokenPatch;
import dev.tokenhook.core.rule.ClaimRule;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The patient-store scenario without JDBC: the same lookup as {@code PatientStore} (login, ignoring case,
 * to patient id) over an in-memory map, and a rule with exactly the logic of {@code PatientIdRule}. The
 * benchmark measures the library, not a database.
 */
public final class InMemoryPatients {

    /** The fixtures' user, a patient. */
    public static final String PATIENT_LOGIN = "isaac.brock@example.com";
    /** Their patient id. */
    public static final String PATIENT_ID = "1234";
    /** The claim the rule adds to the ID token. */
    public static final String CLAIM = "extPatientId";

    private final Map<String, String> idsByLogin = new HashMap<>();

    /** @param others how many other patients the store holds besides {@link #PATIENT_LOGIN} */
    public InMemoryPatients(int others) {
        for (int i = 0; i < others; i++) {
            idsByLogin.put("patient" + i + "@example.com", Integer.toString(100_000 + i));
        }
        idsByLogin.put(PATIENT_LOGIN, PATIENT_ID);
    }

    /**
     * @param login a login, any case
     * @return the patient id, if the login belongs to a patient
     */
    public Optional<String> patientIdFor(String login) {
        if (login.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(idsByLogin.get(login.toLowerCase(Locale.ROOT)));
    }

    /** @return the patient rule over this store (the logic of the example's {@code PatientIdRule}) */
    public ClaimRule rule() {
        return new Rule(this);
    }

    /** @return the same rule declared {@link ClaimRule.NonBlocking} (a map lookup never blocks) */
    public ClaimRule nonBlockingRule() {
        return ClaimRule.nonBlocking("patient-id", new Rule(this));
    }

    private static final class Rule implements ClaimRule {
        private final InMemoryPatients store;

        Rule(InMemoryPatients store) {
            this.store = store;
        }

        @Override
        public String name() {
            return "patient-id";
        }

        @Override
        public void apply(TokenHookRequest request, TokenPatch patch) {
            if (request.user().isEmpty() || !request.mints(TokenType.ID_TOKEN)) {
                return;
            }
            Optional<String> login = request.userLogin();
            if (login.isEmpty()) {
                return;
            }
            store.patientIdFor(login.get()).ifPresent(id -> patch.idToken().add(CLAIM, id));
        }
    }
}
