package dev.tokenhook.benchmarks;

import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.examples.patient.PatientIdRule;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The patient-store scenario without JDBC: the same lookup as {@code PatientStore} (login, ignoring case,
 * to patient id) over an in-memory map, behind the example's own {@code PatientIdRule}. The benchmark
 * measures the library, not a database.
 */
public final class InMemoryPatients {

    /** The fixtures' user, a patient. */
    public static final String PATIENT_LOGIN = "isaac.brock@example.com";
    /** Their patient id. */
    public static final String PATIENT_ID = "1234";
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

    /** @return the example's {@code PatientIdRule} over this store */
    public ClaimRule rule() {
        return new PatientIdRule(this::patientIdFor);
    }
}
