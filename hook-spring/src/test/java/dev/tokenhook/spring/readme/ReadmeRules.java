package dev.tokenhook.spring.readme;

// tag::rule-imports[]
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.Conditions;
import org.springframework.context.annotation.Bean;
// end::rule-imports[]
import java.util.Optional;
import org.springframework.context.annotation.Configuration;

/** The rule bean shown in README.md and hook-spring/README.md, between the tags. */
@Configuration(proxyBeanMethods = false)
class ReadmeRules {

    /** Stands in for the application's own patient lookup. */
    interface PatientStore {
        Optional<String> patientIdFor(String login);
    }

    @Bean
    PatientStore patientStore() {
        return login -> login.equals("isaac.brock@example.com") ? Optional.of("1234") : Optional.empty();
    }

    // tag::rule[]
    // in any @Configuration class; PatientStore is your bean that finds a patient id by login
    @Bean
    ClaimRule patientId(PatientStore store) {
        return ClaimRule.named("patient-id", (request, patch) ->
                        request.userLogin()
                                .flatMap(store::patientIdFor)
                                .ifPresent(id -> patch.idToken().add("extPatientId", id)))
                .when(Conditions.userPresent().and(Conditions.mintsIdToken()));
    }
    // end::rule[]
}
