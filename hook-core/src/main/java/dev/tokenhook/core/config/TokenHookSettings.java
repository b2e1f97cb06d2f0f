package dev.tokenhook.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@code tokenhook.*} value, read from one {@link ConfigSource} against {@link TokenHookKeys}: parsed,
 * checked, unset keys at their defaults. Reading refuses, all at once in one {@link ConfigException}: unknown
 * keys under {@code tokenhook.} (naming the nearest known key), values that cannot be read or are out of
 * range, unresolved placeholders ({@code ${...}}) and blank secrets. Immutable; equal when every value is.
 */
public final class TokenHookSettings {

    private final Map<String, Object> values;

    private TokenHookSettings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param source the framework's properties
     * @return the settings
     * @throws ConfigException listing every problem, each naming its key and (where known) its origin
     */
    public static TokenHookSettings read(ConfigSource source) {
        Objects.requireNonNull(source, "source");
        List<ConfigException.Problem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> listed = new TreeSet<>();
        for (String written : source.keys()) {
            listed.add(written.replaceAll("\\[\\d+]", ""));
        }
        for (String key : listed) {
            if (key.startsWith(TokenHookKeys.PREFIX) && !known(key)) {
                problems.add(new ConfigException.Problem(key, source.origin(key), "is not a tokenhook key"
                        + TokenHookKeys.nearest(key).map(k -> "; did you mean " + k + "?").orElse("")));
            }
        }
        for (ConfigKey<?> key : TokenHookKeys.KEYS) {
            read(source, key, values, problems);
        }
        for (ConfigGroup group : TokenHookKeys.GROUPS) {
            Set<String> names = new LinkedHashSet<>(group.names());
            listed.forEach(key -> group.entry(key).ifPresent(names::add));
            for (String name : names) {
                for (ConfigKey<?> setting : group.settings()) {
                    read(source, group.key(name, setting), values, problems);
                }
            }
        }
        if (problems.isEmpty()) {
            crossCheck(values, source, problems);
        }
        if (!problems.isEmpty()) {
            boolean secret = problems.stream().anyMatch(p -> TokenHookKeys.find(p.key())
                    .filter(ConfigKey::isSecret).isPresent());
            throw new ConfigException(problems, secret ? ConfigException.SECRET_ACTION : ConfigException.DEFAULT_ACTION);
        }
        return new TokenHookSettings(values);
    }

    /** @return every default: the settings of an empty source */
    public static TokenHookSettings defaults() {
        return read(ConfigSource.of(Map.of(), "defaults"));
    }

    private static boolean known(String key) {
        return TokenHookKeys.find(key).isPresent() || TokenHookKeys.GROUPS.stream().anyMatch(group ->
                group.entry(key).map(name -> group.settings().stream()
                        .anyMatch(s -> group.key(name, s).name().equals(key))).orElse(false));
    }

    private static void read(ConfigSource source, ConfigKey<?> key, Map<String, Object> values,
            List<ConfigException.Problem> problems) {
        String text = source.value(key.name());
        String origin = source.origin(key.name());
        if (text != null && text.contains("${")) {
            int start = text.indexOf("${");
            int end = text.indexOf('}', start);
            String placeholder = end < 0 ? text.substring(start) : text.substring(start, end + 1);
            problems.add(new ConfigException.Problem(key.name(), origin, "is the unresolved placeholder "
                    + placeholder + ": set what it names (e.g. the environment variable), or give it a default"));
        } else if (text != null && key.isSecret() && (text.isBlank() || key.parse(text) instanceof List<?> l && l.isEmpty())) {
            problems.add(new ConfigException.Problem(key.name(), origin, "is blank: set it to the secret, e.g. "
                    + "from an environment variable, or remove the key"));
        } else if (text == null || text.isBlank()) {
            if (key.defaultValue() != null) {
                values.put(key.name(), key.defaultValue());
            }
        } else {
            try {
                values.put(key.name(), key.parse(text));
            } catch (ConfigException e) {
                e.problems().forEach(p -> problems.add(new ConfigException.Problem(p.key(), origin, p.text())));
            }
        }
    }

    private static void crossCheck(Map<String, Object> values, ConfigSource source,
            List<ConfigException.Problem> problems) {
        if (values.containsKey(TokenHookKeys.OAUTH2_ISSUER.name())
                && !values.containsKey(TokenHookKeys.OAUTH2_AUDIENCE.name())) {
            String key = TokenHookKeys.OAUTH2_AUDIENCE.name();
            problems.add(new ConfigException.Problem(key, source.origin(key), "is required with "
                    + TokenHookKeys.OAUTH2_ISSUER.name() + ": a value the tokens' aud must contain"));
        }
        for (String token : TokenHookKeys.RESERVED_CLAIMS.names()) {
            ConfigKey<List<String>> allow = TokenHookKeys.RESERVED_CLAIMS.key(token, TokenHookKeys.RESERVED_CLAIMS_ALLOW);
            ConfigKey<List<String>> deny = TokenHookKeys.RESERVED_CLAIMS.key(token, TokenHookKeys.RESERVED_CLAIMS_DENY);
            List<?> denied = (List<?>) values.getOrDefault(deny.name(), List.of());
            for (Object claim : (List<?>) values.getOrDefault(allow.name(), List.of())) {
                if (denied.contains(claim)) {
                    problems.add(new ConfigException.Problem(deny.name(), source.origin(deny.name()), "names '" + claim
                            + "', which " + allow.name() + " allows: name each claim in one of them"));
                }
            }
        }
        int window = (Integer) values.get(TokenHookKeys.HEALTH_WINDOW.name());
        int minCalls = (Integer) values.get(TokenHookKeys.HEALTH_MIN_CALLS.name());
        if (minCalls > window) {
            String key = TokenHookKeys.HEALTH_MIN_CALLS.name();
            problems.add(new ConfigException.Problem(key, source.origin(key), "must be at most "
                    + TokenHookKeys.HEALTH_WINDOW.name() + " (" + window + "), was " + minCalls));
        }
    }

    /**
     * @param key a key of {@link TokenHookKeys}
     * @param <T> its type
     * @return its value, or its default when unset (null for keys without one)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        return values.containsKey(key.name()) ? (T) values.get(key.name()) : key.defaultValue();
    }

    /**
     * @param key a key of {@link TokenHookKeys}
     * @param <T> its type
     * @return its value, empty when unset and without default
     */
    public <T> Optional<T> find(ConfigKey<T> key) {
        return Optional.ofNullable(get(key));
    }

    /**
     * @param group a group of {@link TokenHookKeys#GROUPS}
     * @return the names of its entries that have any setting configured (for a fixed group: all its names)
     */
    public Set<String> names(ConfigGroup group) {
        Set<String> names = new LinkedHashSet<>(group.names());
        for (String key : values.keySet()) {
            group.entry(key).ifPresent(names::add);
        }
        return names;
    }

    /**
     * @param group a group of {@link TokenHookKeys#GROUPS}
     * @param name one of its entries
     * @param setting one of its settings
     * @param <T> the setting's type
     * @return the value, or the setting's default when unset
     */
    public <T> T get(ConfigGroup group, String name, ConfigKey<T> setting) {
        return get(group.key(name, setting));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHookSettings that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** @return every value, secrets masked */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>(values);
        shown.replaceAll((key, value) -> TokenHookKeys.find(key).filter(ConfigKey::isSecret).isPresent()
                ? "****" : value);
        return "TokenHookSettings" + shown;
    }
}
