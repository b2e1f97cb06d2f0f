package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances starting at the same moment against one empty database: each runs what an example
 * app runs at start ({@link PatientStores#fromConfig}: create the table and index, seed), released together by a
 * barrier. Neither may fail, and the table ends up with the seed rows once. Several rounds, each on a new database.
 */
class ConcurrentStartTest {

    private static final int ROUNDS = 4;

    private final ExecutorService instances = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        instances.shutdownNow();
    }

    @Test
    void twoInstancesCreateAndSeedOneEmptyPostgresDatabaseAtOnce() throws Exception {
        race(TestPostgres::freshDatabaseUrl);
    }

    @Test
    void twoInstancesCreateAndSeedOneEmptyH2DatabaseAtOnce() throws Exception {
        race(TestDatabases::freshH2Url);
    }

    private void race(Supplier<String> emptyDatabase) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String url = emptyDatabase.get();
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<PooledPatientStore>> started = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                started.add(instances.submit(() -> {
                    start.await(20, TimeUnit.SECONDS);
                    return PatientStores.fromConfig(Map.of(PatientStores.JDBC_URL, url)::get);
                }));
            }
            List<PooledPatientStore> stores = new ArrayList<>();
            try {
                for (Future<PooledPatientStore> instance : started) {
                    stores.add(instance.get(60, TimeUnit.SECONDS));
                }
                assertThat(PatientSchemaTest.rows(stores.get(0).dataSource()))
                        .as("round %d", round).containsExactlyEntriesOf(PatientSchema.SEED_PATIENTS);
                assertThat(stores.get(1).store().patientIdFor("jane.roe@example.com")).contains("5678");
            } finally {
                stores.forEach(PooledPatientStore::close);
            }
        }
    }
}
