package dev.tokenhook.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keys that repeat under names: {@code <prefix>.<name>.<setting>}, such as
 * {@code tokenhook.lookups.patients.fresh-for} (any name the user picks) or
 * {@code tokenhook.reserved-claims.id-token.allow} (one of a fixed set of names). Each setting is an
 * ordinary {@link ConfigKey} whose name is the last part only. Immutable.
 */
public final class ConfigGroup {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String prefix;
    private final List<String> names;
    private final String description;
    private final List<ConfigKey<?>> settings;

    private ConfigGroup(String prefix, List<String> names, String description, List<ConfigKey<?>> settings) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.names = List.copyOf(names);
        this.description = Objects.requireNonNull(description, "description");
        this.settings = List.copyOf(settings);
    }

    /**
     * @param prefix the keys' common start, e.g. {@code tokenhook.lookups}
     * @param description what one named entry is, for documentation
     * @param settings the settings of each entry, named by their last part, e.g. {@code fresh-for}
     * @return a group whose entries the user names (lower case letters, digits and {@code -})
     */
    public static ConfigGroup named(String prefix, String description, ConfigKey<?>... settings) {
        return new ConfigGroup(prefix, List.of(), description, List.of(settings));
    }

    /**
     * @param prefix the keys' common start, e.g. {@code tokenhook.reserved-claims}
     * @param names the only names allowed, e.g. {@code id-token} and {@code access-token}
     * @param description what one entry is, for documentation
     * @param settings the settings of each entry, named by their last part, e.g. {@code allow}
     * @return a group with a fixed set of entries
     */
    public static ConfigGroup fixed(String prefix, List<String> names, String description,
            ConfigKey<?>... settings) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a fixed group needs names");
        }
        return new ConfigGroup(prefix, names, description, List.of(settings));
    }

    /** @return the keys' common start, without a trailing dot */
    public String prefix() {
        return prefix;
    }

    /** @return the allowed names, or empty when the user picks them */
    public List<String> names() {
        return names;
    }

    /** @return what one entry is */
    public String description() {
        return description;
    }

    /** @return the settings of each entry, named by their last part */
    public List<ConfigKey<?>> settings() {
        return settings;
    }

    /**
     * @param name an entry's name
     * @param setting one of {@link #settings()}
     * @param <T> the value's type
     * @return the full key of that setting of that entry, e.g. {@code tokenhook.lookups.patients.fresh-for}
     */
    public <T> ConfigKey<T> key(String name, ConfigKey<T> setting) {
        return setting.renamed(prefix + "." + name + "." + setting.name());
    }

    /** @return the entry's name if the key lies under this group's prefix and names an allowed entry */
    Optional<String> entry(String key) {
        if (!key.startsWith(prefix + ".")) {
            return Optional.empty();
        }
        String rest = key.substring(prefix.length() + 1);
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        boolean allowed = names.isEmpty() ? NAME.matcher(name).matches() : names.contains(name);
        return allowed ? Optional.of(name) : Optional.empty();
    }
}
