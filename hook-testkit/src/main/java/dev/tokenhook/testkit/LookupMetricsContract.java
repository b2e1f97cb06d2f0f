package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The meters of an application's claim lookups, which an adapter binds by itself when the application has a
 * meter registry, {@code hook-micrometer} and {@code hook-lookup}: checked over real HTTP on the metrics
 * endpoint. An adapter's test starts its real server with an application as its users write it: a
 * {@code ClaimLookup} bean named {@value #LOOKUP} that knows {@value #PATIENT} (id {@value #PATIENT_ID}), a
 * rule adding {@code extPatientId} to the ID token through it, the secret {@link #SECRET}, and nothing about
 * metrics (or, when asked, also its own {@code ClaimLookupMetrics} bean for the lookup).
 */
public abstract class LookupMetricsContract {

    /** The shared secret the application configures. */
    public static final String SECRET = "Basic bG9va3VwOm1ldHJpY3M=";
    /** The lookup's name. */
    public static final String LOOKUP = "patients";
    /** The one login the lookup's source knows. */
    public static final String PATIENT = "ann@example.com";
    /** Its patient id. */
    public static final String PATIENT_ID = "1234";

    private static final String SOURCE_CALLS = "tokenhook.lookup.source.calls?tag=lookup:" + LOOKUP;

    /** Creates the contract; the adapter's test extends it. */
    protected LookupMetricsContract() {
    }

    /**
     * Where a started application answers.
     *
     * @param hook the hook's URI
     * @param metrics the application's metrics endpoint
     */
    public record Started(URI hook, MetricsEndpoint metrics) {
    }

    /**
     * @param ownBinder whether the application also declares {@code new ClaimLookupMetrics(lookup)} as a
     *     {@code MeterBinder} bean, as applications did before the adapters bound lookups
     * @return where it answers
     * @throws Exception if it cannot start
     */
    protected abstract Started start(boolean ownBinder) throws Exception;

    /**
     * Stops the application, if started.
     *
     * @throws Exception if it cannot stop
     */
    protected abstract void stop() throws Exception;

    @AfterEach
    final void stopApplication() throws Exception {
        stop();
    }

    @Test
    void everyLookupBeansMetersAreOnTheMetricsEndpointWithoutCodeOfTheApplication() throws Exception {
        Started app = start(false);

        assertThat(signIn(app, PATIENT)).contains("\"/claims/extPatientId\",\"value\":\"" + PATIENT_ID + "\"");
        assertThat(signIn(app, PATIENT)).contains(PATIENT_ID);
        assertThat(signIn(app, "bob@example.com")).doesNotContain("extPatientId");

        assertThat(app.metrics().value(SOURCE_CALLS)).isEqualTo(2);
        assertThat(app.metrics().value("tokenhook.lookup.cache.requests?tag=lookup:patients&tag=result:hit"))
                .isEqualTo(1);
        assertThat(app.metrics().value("tokenhook.lookup.cache.requests?tag=lookup:patients&tag=result:miss"))
                .isEqualTo(2);
        assertThat(app.metrics().value("tokenhook.lookup.circuit.state?tag=lookup:patients&tag=state:closed"))
                .isEqualTo(1);
        assertThat(app.metrics().value("tokenhook.lookup.cache.size?tag=lookup:patients")).isEqualTo(2);
        assertThat(app.metrics().value("tokenhook.lookup.source.running?tag=lookup:patients")).isZero();
        assertThat(app.metrics().value("tokenhook.lookup.source.interrupted?tag=lookup:patients")).isZero();
    }

    @Test
    void aLookupTheApplicationAlsoBindsItselfIsBoundOnce() throws Exception {
        Started app = start(true);

        assertThat(signIn(app, PATIENT)).contains(PATIENT_ID);
        assertThat(app.metrics().value(SOURCE_CALLS)).isEqualTo(1);
        assertThat(app.metrics().value("tokenhook.lookup.cache.size?tag=lookup:patients")).isEqualTo(1);
    }

    /**
     * @param app the started application
     * @param login the signing-in user's login
     * @return the hook's answer, after checking it is 200
     */
    protected static String signIn(Started app, String login) {
        HookCall call = new OktaHookCaller(app.hook(), "Authorization", SECRET)
                .call(TokenHookRequests.authorizationCode().user(login).build().json());
        assertThat(call.status()).isEqualTo(200);
        return call.bodyText();
    }
}
