package dev.tokenhook.core.config;

import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.lookup.OnUnknown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads one claim lookup's settings, the keys {@code tokenhook.lookups.<name>.*} of
 * {@link TokenHookKeys#LOOKUPS}, from any source. The application knows its lookups' names, so each key is
 * asked for by its full name: sources that cannot list their keys (environment variables:
 * {@code TOKENHOOK_LOOKUPS_PATIENTS_WAIT_LIMIT}) work too.
 *
 * <pre>{@code
 * LookupSettings patients = LookupConfig.fromProperties("patients", System::getProperty);
 * }</pre>
 */
public final class LookupConfig {

    private LookupConfig() {
    }

    /**
     * @param name the lookup's name, e.g. {@code patients}
     * @param lookup returns the value of a full key such as {@code tokenhook.lookups.patients.wait-limit}, or
     *     null when unset
     * @return the settings, unset keys at their defaults
     * @throws ConfigException naming each key whose value cannot be used
     */
    public static LookupSettings fromProperties(String name, Function<String, String> lookup) {
        return read(name, ConfigSource.of(lookup, "properties"));
    }

    /**
     * @param name the lookup's name, e.g. {@code patients}
     * @param source the framework's properties
     * @return the settings, unset keys at their defaults
     * @throws ConfigException naming each key whose value cannot be used, and its origin
     */
    public static LookupSettings read(String name, ConfigSource source) {
        LookupSettings.requireName(name);
        Objects.requireNonNull(source, "source");
        List<ConfigException.Problem> problems = new ArrayList<>();
        Duration freshFor = value(source, name, TokenHookKeys.LOOKUP_FRESH_FOR, problems);
        Duration notFoundFreshFor = value(source, name, TokenHookKeys.LOOKUP_NOT_FOUND_FRESH_FOR, problems);
        Duration waitLimit = value(source, name, TokenHookKeys.LOOKUP_WAIT_LIMIT, problems);
        Duration staleFor = value(source, name, TokenHookKeys.LOOKUP_STALE_FOR, problems);
        Integer maxSize = value(source, name, TokenHookKeys.LOOKUP_MAX_SIZE, problems);
        Integer maxConcurrentCalls = value(source, name, TokenHookKeys.LOOKUP_MAX_CONCURRENT_CALLS, problems);
        Duration interruptAfter = value(source, name, TokenHookKeys.LOOKUP_INTERRUPT_AFTER, problems);
        Integer failureRate = value(source, name, TokenHookKeys.LOOKUP_CIRCUIT_FAILURE_RATE, problems);
        Integer minimumCalls = value(source, name, TokenHookKeys.LOOKUP_CIRCUIT_MINIMUM_CALLS, problems);
        Duration openFor = value(source, name, TokenHookKeys.LOOKUP_CIRCUIT_OPEN_FOR, problems);
        OnUnknown onUnknown = value(source, name, TokenHookKeys.LOOKUP_ON_UNKNOWN, problems);
        if (problems.isEmpty()) {
            String staleKey = TokenHookKeys.LOOKUPS.key(name, TokenHookKeys.LOOKUP_STALE_FOR).name();
            if (staleFor.compareTo(freshFor) < 0 || staleFor.compareTo(notFoundFreshFor) < 0) {
                problems.add(new ConfigException.Problem(staleKey, source.origin(staleKey),
                        "must be at least fresh-for and not-found-fresh-for, was " + staleFor.toMillis() + "ms"));
            }
            String interruptKey = TokenHookKeys.LOOKUPS.key(name, TokenHookKeys.LOOKUP_INTERRUPT_AFTER).name();
            if (interruptAfter.compareTo(waitLimit) < 0) {
                problems.add(new ConfigException.Problem(interruptKey, source.origin(interruptKey),
                        "must be at least wait-limit, was " + interruptAfter.toMillis() + "ms"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems, ConfigException.DEFAULT_ACTION);
        }
        return new LookupSettings(freshFor, notFoundFreshFor, waitLimit, staleFor, maxSize, maxConcurrentCalls,
                interruptAfter, failureRate, minimumCalls, openFor, onUnknown);
    }

    private static <T> T value(ConfigSource source, String name, ConfigKey<T> setting,
            List<ConfigException.Problem> problems) {
        ConfigKey<T> key = TokenHookKeys.LOOKUPS.key(name, setting);
        String text = source.value(key.name());
        if (text == null || text.isBlank()) {
            return key.defaultValue();
        }
        if (text.contains("${")) {
            problems.add(new ConfigException.Problem(key.name(), source.origin(key.name()), "is an unresolved"
                    + " placeholder: set what it names, or give it a default"));
            return key.defaultValue();
        }
        try {
            return key.parse(text);
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(new ConfigException.Problem(p.key(), source.origin(key.name()),
                    p.text())));
            return key.defaultValue();
        }
    }
}
