package dev.tokenhook.examples.springboot;

import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.examples.patient.PatientIdRule;
import dev.tokenhook.examples.patient.PatientLookup;
import dev.tokenhook.examples.patient.PatientSchema;
import dev.tokenhook.examples.patient.PatientStore;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The patient-store hook: a patient's ID token gets {@code extPatientId}. The rule is a bean, reading through
 * the cached {@link PatientLookup} over a store on Boot's {@link DataSource}; hook-spring serves it at {@code tokenhook.path}, configured in
 * {@code application.properties} ({@code PORT}), authenticated by {@code TOKENHOOK_AUTH_SECRET} (through
 * {@link AuthSecretVariable}) and/or Okta's OAuth 2.0 bearer tokens ({@code TOKENHOOK_AUTH_OAUTH2_*}).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class PatientHookApplication {

    /** Created by Spring. */
    public PatientHookApplication() {
    }

    /**
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(PatientHookApplication.class, args);
    }

    /**
     * @param dataSource Boot's DataSource; the table is created and seeded if missing
     * @return the patient store
     */
    @Bean
    PatientStore patientStore(DataSource dataSource) {
        PatientSchema.createAndSeed(dataSource);
        return new PatientStore(dataSource);
    }

    /**
     * @param store the patient store
     * @param environment the application's properties: {@code tokenhook.lookups.patients.*}
     * @return the cached, protected lookup the rule reads through; closed with the context
     */
    @Bean
    PatientLookup patientLookup(PatientStore store, Environment environment) {
        return PatientLookup.of(store, environment::getProperty);
    }

    /**
     * @param lookup the patient lookup
     * @return the hook's only rule
     */
    @Bean
    ClaimRule patientIdRule(PatientLookup lookup) {
        return new PatientIdRule(lookup);
    }
}
