package dev.tokenhook.core.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Where {@code tokenhook.*} values come from: a framework's environment, init-parameters, system
 * properties, environment variables, a map. Adapters implement it in a few lines and hand it to
 * {@link TokenHookSettings#read(ConfigSource)}, which does all parsing and checking.
 */
public interface ConfigSource {

    /**
     * @param key a full key such as {@code tokenhook.time-budget}
     * @return its value as configured (lists comma-separated), or null when unset
     */
    String value(String key);

    /**
     * @param key a full key
     * @return where its value comes from, for error messages (e.g. {@code system property}), or null if unknown
     */
    default String origin(String key) {
        return null;
    }

    /**
     * The keys under {@code tokenhook.} this source holds, as written, so that unknown keys (typos) are
     * refused. Sources that cannot list their keys, or whose keys are not only the hook's (environment
     * variables), return an empty set.
     *
     * @return the keys, with list indexes such as {@code [0]} allowed
     */
    default Set<String> keys() {
        return Set.of();
    }

    /**
     * @param values keys and values (a value's {@code toString()} is its text; a collection becomes a
     *     comma-separated list)
     * @param origin where they come from, for messages
     * @return a source over the map, whose keys are checked
     */
    static ConfigSource of(Map<String, ?> values, String origin) {
        Map<String, ?> copy = Map.copyOf(values);
        return new ConfigSource() {
            @Override
            public String value(String key) {
                Object value = copy.get(key);
                if (value instanceof Iterable<?> items) {
                    StringBuilder text = new StringBuilder();
                    items.forEach(item -> text.append(text.length() == 0 ? "" : ",").append(item));
                    return text.toString();
                }
                return value == null ? null : value.toString();
            }

            @Override
            public String origin(String key) {
                return copy.containsKey(key) ? origin : null;
            }

            @Override
            public Set<String> keys() {
                return copy.keySet();
            }
        };
    }

    /**
     * @param lookup returns the value of a full key, or null
     * @param origin where the values come from, for messages
     * @return a source that cannot list its keys (so no key is refused as unknown)
     */
    static ConfigSource of(Function<String, String> lookup, String origin) {
        Objects.requireNonNull(lookup, "lookup");
        return new ConfigSource() {
            @Override
            public String value(String key) {
                return lookup.apply(key);
            }

            @Override
            public String origin(String key) {
                return lookup.apply(key) == null ? null : origin;
            }
        };
    }

    /** @return the JVM's system properties ({@code -Dtokenhook.time-budget=2s}), keys checked */
    static ConfigSource systemProperties() {
        return new ConfigSource() {
            @Override
            public String value(String key) {
                return System.getProperty(key);
            }

            @Override
            public String origin(String key) {
                return System.getProperty(key) == null ? null : "system property";
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new LinkedHashSet<>();
                for (String name : System.getProperties().stringPropertyNames()) {
                    if (name.startsWith(TokenHookKeys.PREFIX)) {
                        keys.add(name);
                    }
                }
                return keys;
            }
        };
    }

    /**
     * @return environment variables named after the keys ({@link #environmentName}); not listed, so other
     *     {@code TOKENHOOK_*} variables (e.g. one a placeholder reads) are never refused
     */
    static ConfigSource environment() {
        return new ConfigSource() {
            @Override
            public String value(String key) {
                return System.getenv(environmentName(key));
            }

            @Override
            public String origin(String key) {
                return value(key) == null ? null : "environment variable " + environmentName(key);
            }
        };
    }

    /**
     * @param key a key such as {@code tokenhook.auth.header.secrets}
     * @return its environment variable, such as {@code TOKENHOOK_AUTH_HEADER_SECRETS}
     */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * @param sources in order of precedence
     * @return a source taking each key's value from the first source that has a non-blank one (or, if none
     *     has, the first blank one), and checking the keys of all
     */
    static ConfigSource firstOf(ConfigSource... sources) {
        List<ConfigSource> all = Arrays.asList(sources.clone());
        return new ConfigSource() {
            @Override
            public String value(String key) {
                ConfigSource source = holder(key);
                return source == null ? null : source.value(key);
            }

            @Override
            public String origin(String key) {
                ConfigSource source = holder(key);
                return source == null ? null : source.origin(key);
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new LinkedHashSet<>();
                all.forEach(source -> keys.addAll(source.keys()));
                return keys;
            }

            private ConfigSource holder(String key) {
                ConfigSource blank = null;
                for (ConfigSource source : all) {
                    String value = source.value(key);
                    if (value != null && !value.isBlank()) {
                        return source;
                    }
                    blank = blank == null && value != null ? source : blank;
                }
                return blank;
            }
        };
    }
}
