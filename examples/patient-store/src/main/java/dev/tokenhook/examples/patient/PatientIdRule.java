package dev.tokenhook.examples.patient;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.TokenPatch;
import dev.tokenhook.core.rule.ClaimRule;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scenario's rule: when a user is present, an ID token is being minted and the user's login is a
 * patient, adds {@code extPatientId} (the patient id, a string) to the ID token; writes nothing
 * otherwise. It never logs the login or the patient id.
 */
public final class PatientIdRule implements ClaimRule {

    /** The rule's name in logs, metrics and results. */
    public static final String NAME = "patient-id";
    /** The claim added to the ID token. */
    public static final String CLAIM = "extPatientId";

    private final Function<String, Optional<String>> patientIdFor;

    /**
     * @param store where patient ids are looked up
     */
    public PatientIdRule(PatientStore store) {
        this(Objects.requireNonNull(store, "store")::patientIdFor);
    }

    /**
     * @param patientIdFor the lookup from login to patient id, for stores other than {@link PatientStore}
     */
    public PatientIdRule(Function<String, Optional<String>> patientIdFor) {
        this.patientIdFor = Objects.requireNonNull(patientIdFor, "patientIdFor");
    }

    @Override
    public String name() {
        return NAME;
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
        patientIdFor.apply(login.get()).ifPresent(patientId -> patch.idToken().add(CLAIM, patientId));
    }

    @Override
    public String toString() {
        return "PatientIdRule[" + NAME + "]";
    }
}
