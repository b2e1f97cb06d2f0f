package dev.tokenhook.examples.micronaut;

import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.examples.patient.PatientIdRule;
import dev.tokenhook.examples.patient.PatientLookup;
import dev.tokenhook.examples.patient.PatientStores;
import dev.tokenhook.examples.patient.PooledPatientStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * The patient store (embedded H2 unless {@code tokenhook.example.jdbc-url} says otherwise, e.g. through
 * {@code TOKENHOOK_EXAMPLE_JDBC_URL}), the cached {@link PatientLookup} over it and the claim rule that reads
 * through that. Every {@link ClaimRule} bean
 * becomes one of the hook's rules.
 */
@Factory
public class PatientBeans {

    /** Creates the factory; Micronaut does. */
    public PatientBeans() {
    }

    /**
     * @param environment the application's configuration
     * @return the pooled store, its table created and seeded; closed with the application
     */
    @Singleton
    @Bean(preDestroy = "close")
    public PooledPatientStore patientStore(Environment environment) {
        return PatientStores.fromConfig(key -> environment.getProperty(key, String.class).orElse(null));
    }

    /**
     * @param patients the store
     * @param environment the application's configuration: {@code tokenhook.lookups.patients.*}
     * @return the cached, protected lookup the rule reads through; closed with the application
     */
    @Singleton
    @Bean(preDestroy = "close")
    public PatientLookup patientLookup(PooledPatientStore patients, Environment environment) {
        return PatientLookup.of(patients.store(), key -> environment.getProperty(key, String.class).orElse(null));
    }

    /**
     * @param lookup the patient lookup
     * @return the rule adding {@code extPatientId} to a patient's ID token
     */
    @Singleton
    public ClaimRule patientIdRule(PatientLookup lookup) {
        return new PatientIdRule(lookup);
    }
}
