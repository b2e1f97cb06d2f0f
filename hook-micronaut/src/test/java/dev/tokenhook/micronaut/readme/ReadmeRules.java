package dev.tokenhook.micronaut.readme;

// tag::micronaut-imports[]
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.Conditions;
import jakarta.inject.Singleton;
// end::micronaut-imports[]
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import java.util.Optional;

/** The rule bean shown in the root README, between the tags; only active where a test asks. */
@Factory
@Requires(property = ReadmeRules.ENABLE)
public class ReadmeRules {

    /** Property that switches these beans on. */
    public static final String ENABLE = "test.readme-rules";

    /** Stands in for the application's own patient lookup. */
    public interface PatientStore {
        /**
         * @param login a login
         * @return the patient id, if a patient
         */
        Optional<String> patientIdFor(String login);
    }

    /** @return the stand-in store */
    @Singleton
    PatientStore patientStore() {
        return login -> login.equals("isaac.brock@example.com") ? Optional.of("1234") : Optional.empty();
    }

    // tag::micronaut[]
    // in any @Factory class; PatientStore is your bean that finds a patient id by login
    @Singleton
    ClaimRule patientId(PatientStore store) {
        return ClaimRule.named("patient-id", (request, patch) ->
                        request.userLogin()
                                .flatMap(store::patientIdFor)
                                .ifPresent(id -> patch.idToken().add("extPatientId", id)))
                .when(Conditions.userPresent().and(Conditions.mintsIdToken()));
    }
    // end::micronaut[]
}
