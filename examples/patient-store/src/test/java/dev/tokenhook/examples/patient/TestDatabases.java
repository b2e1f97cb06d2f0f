package dev.tokenhook.examples.patient;

import java.util.UUID;

/** Fresh in-memory H2 databases, one per caller, so tests never share state. */
final class TestDatabases {

    private TestDatabases() {
    }

    static String freshH2Url() {
        return "jdbc:h2:mem:patients-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    static PooledPatientStore freshSeededStore() {
        PooledPatientStore store = PatientStores.pooled(freshH2Url(), "sa", "");
        PatientSchema.createAndSeed(store.dataSource());
        return store;
    }
}
