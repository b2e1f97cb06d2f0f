package dev.tokenhook.examples.patient;

import dev.tokenhook.core.config.LookupConfig;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.lookup.ClaimLookup;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The patient lookup as the example apps ship it: {@link PatientStore#patientIdFor(String)} behind a
 * {@link ClaimLookup} named {@value #NAME}, so a slow or frozen database costs a known patient nothing (the
 * last known id is served at once) and a new login at most the wait limit. Keyed by
 * {@link PatientSchema#loginKey(String)}, so logins differing only in case share one cache entry. Tuned by the
 * keys {@code tokenhook.lookups.patients.*}. Thread-safe; close it with the application.
 *
 * <pre>{@code
 * PatientLookup lookup = PatientLookup.of(store, System::getProperty);
 * ClaimRule rule = new PatientIdRule(lookup);
 * }</pre>
 */
public final class PatientLookup implements Function<String, Optional<String>>, AutoCloseable {

    /** The lookup's name in keys, logs and metrics. */
    public static final String NAME = "patients";

    private final ClaimLookup<String, String> lookup;

    /**
     * @param store where patient ids are read
     * @param settings freshness, wait limit, stale window, limits
     */
    public PatientLookup(PatientStore store, LookupSettings settings) {
        Objects.requireNonNull(store, "store");
        this.lookup = ClaimLookup.builder(NAME, store::patientIdFor).settings(settings).build();
    }

    /**
     * @param store where patient ids are read
     * @param config looks a key up, e.g. {@code tokenhook.lookups.patients.fresh-for}; null when unset
     * @return the lookup, with the keys' settings and defaults for the rest
     * @throws IllegalArgumentException naming the key, when a setting is wrong
     */
    public static PatientLookup of(PatientStore store, Function<String, String> config) {
        return new PatientLookup(store, LookupConfig.fromProperties(NAME, config));
    }

    /**
     * @param login a user's login, any case
     * @return the patient id: current, or the last known one while the database fails; empty when the login is
     *     not a patient or, with the database failing and nothing known, unknown
     */
    @Override
    public Optional<String> apply(String login) {
        Objects.requireNonNull(login, "login");
        return login.isBlank() ? Optional.empty() : lookup.apply(PatientSchema.loginKey(login));
    }

    /** @return the underlying lookup, e.g. for its statistics or {@code ClaimLookupMetrics} */
    public ClaimLookup<String, String> lookup() {
        return lookup;
    }

    /** Stops the lookup's database threads. */
    @Override
    public void close() {
        lookup.close();
    }

    @Override
    public String toString() {
        return "PatientLookup[" + NAME + "]";
    }
}
