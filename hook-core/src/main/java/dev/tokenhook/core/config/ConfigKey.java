package dev.tokenhook.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key: its name, kind, default, description, how its text is read and what a valid
 * value is. Keys are declared once, in {@link TokenHookKeys}; everything else (adapters, documentation,
 * IDE metadata) is derived from there. Immutable.
 *
 * @param <T> the value's type
 */
public final class ConfigKey<T> {

    /** How a key's text is spelled; also what IDE metadata calls its type. */
    public enum Kind {
        /** {@code true} or {@code false}, any case. */
        FLAG,
        /** Free text, trimmed. */
        TEXT,
        /** Comma-separated values, each trimmed, empty ones dropped. */
        LIST,
        /** {@code 2500ms}, {@code 2.5s}, {@code 1m}, ISO-8601 {@code PT2.5S}, or bare milliseconds. */
        DURATION,
        /** Bytes, or {@code 256KB}/{@code 256KiB}/{@code 1MB}/{@code 1MiB} (1 KB = 1024 bytes, as in Spring). */
        SIZE,
        /** A whole number. */
        COUNT,
        /** A decimal number such as {@code 0.5}. */
        RATIO,
        /** One of a set of names, any case, with {@code -} or {@code _}. */
        CHOICE
    }

    private final String name;
    private final Kind kind;
    private final T defaultValue;
    private final String description;
    private final Function<String, T> parser;
    private final Predicate<? super T> valid;
    private final String requirement;
    private final List<String> choices;
    private final boolean secret;

    private ConfigKey(String name, Kind kind, T defaultValue, String description, Function<String, T> parser,
            Predicate<? super T> valid, String requirement, List<String> choices, boolean secret) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.parser = parser;
        this.valid = valid;
        this.requirement = requirement;
        this.choices = choices;
        this.secret = secret;
    }

    private static <T> ConfigKey<T> of(String name, Kind kind, T defaultValue, String description,
            Function<String, T> parser) {
        return new ConfigKey<>(name, kind, defaultValue, description, parser, value -> true, null, List.of(), false);
    }

    /**
     * @param name the full key, e.g. {@code tokenhook.enabled} (or a setting's name inside a {@link ConfigGroup})
     * @param defaultValue the value when unset
     * @param description one sentence for documentation and IDEs
     * @return a boolean key
     */
    public static ConfigKey<Boolean> flag(String name, boolean defaultValue, String description) {
        return of(name, Kind.FLAG, defaultValue, description, ValueText::flag);
    }

    /**
     * @param name the full key
     * @param defaultValue the value when unset, or null for none
     * @param description one sentence for documentation and IDEs
     * @return a text key
     */
    public static ConfigKey<String> text(String name, String defaultValue, String description) {
        return of(name, Kind.TEXT, defaultValue, description, String::trim);
    }

    /**
     * @param name the full key
     * @param description one sentence for documentation and IDEs
     * @return a comma-separated list key, empty when unset
     */
    public static ConfigKey<List<String>> list(String name, String description) {
        return of(name, Kind.LIST, List.of(), description, ValueText::list);
    }

    /**
     * @param name the full key
     * @param defaultValue the value when unset
     * @param description one sentence for documentation and IDEs
     * @return a duration key
     */
    public static ConfigKey<Duration> duration(String name, Duration defaultValue, String description) {
        return of(name, Kind.DURATION, defaultValue, description, ValueText::duration);
    }

    /**
     * @param name the full key
     * @param defaultValue the value when unset, in bytes
     * @param description one sentence for documentation and IDEs
     * @return a size key, read in bytes
     */
    public static ConfigKey<Integer> size(String name, int defaultValue, String description) {
        return of(name, Kind.SIZE, defaultValue, description, ValueText::size);
    }

    /**
     * @param name the full key
     * @param defaultValue the value when unset
     * @param description one sentence for documentation and IDEs
     * @return a whole-number key
     */
    public static ConfigKey<Integer> count(String name, int defaultValue, String description) {
        return of(name, Kind.COUNT, defaultValue, description, ValueText::count);
    }

    /**
     * @param name the full key
     * @param defaultValue the value when unset
     * @param description one sentence for documentation and IDEs
     * @return a decimal-number key
     */
    public static ConfigKey<Double> ratio(String name, double defaultValue, String description) {
        return of(name, Kind.RATIO, defaultValue, description, ValueText::ratio);
    }

    /**
     * @param name the full key
     * @param type the enum whose constants are the choices, spelled in lower case with {@code -} in documentation
     * @param defaultValue the value when unset
     * @param description one sentence for documentation and IDEs
     * @param <E> the enum
     * @return a key choosing one constant
     */
    public static <E extends Enum<E>> ConfigKey<E> choice(String name, Class<E> type, E defaultValue,
            String description) {
        List<String> spelled = Arrays.stream(type.getEnumConstants()).map(ConfigKey::spelled).toList();
        return new ConfigKey<>(name, Kind.CHOICE, defaultValue, description, text -> ValueText.choice(type, text),
                value -> true, null, spelled, false);
    }

    /**
     * @param check whether a parsed value is acceptable
     * @param requirement what an acceptable value is, completing "must be ...", e.g. {@code "less than 3s"}
     * @return this key with that check added
     */
    public ConfigKey<T> validWhen(Predicate<? super T> check, String requirement) {
        Predicate<? super T> before = valid;
        String required = this.requirement == null ? requirement : this.requirement + " and " + requirement;
        return new ConfigKey<>(name, kind, defaultValue, description, parser,
                value -> before.test(value) && check.test(value), required, choices, secret);
    }

    /** @return this key marked secret: its value is never shown, and a blank value is refused rather than unset */
    public ConfigKey<T> secret() {
        return new ConfigKey<>(name, kind, defaultValue, description, parser, valid, requirement, choices, true);
    }

    /**
     * @param name the name of the copy, e.g. the full key of a group's setting
     * @return this key under another name
     */
    ConfigKey<T> renamed(String name) {
        return new ConfigKey<>(name, kind, defaultValue, description, parser, valid, requirement, choices, secret);
    }

    /**
     * Reads a value as it would be configured.
     *
     * @param text the configured text, not blank
     * @return the value
     * @throws ConfigException naming this key, when the text cannot be read or the value is not acceptable
     */
    public T parse(String text) {
        T value;
        try {
            value = parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(name, null, shown(text) + e.getMessage());
        }
        return check(value);
    }

    /**
     * @param value a value given in code
     * @return the value, when acceptable
     * @throws ConfigException naming this key, when it is not
     */
    public T check(T value) {
        if (value == null || !valid.test(value)) {
            throw ConfigException.of(name, null, "must be " + requirement + (secret ? "" : ", was " + text(value)));
        }
        return value;
    }

    private String shown(String text) {
        return secret ? "" : "'" + text.trim() + "' ";
    }

    /** @return the full key, e.g. {@code tokenhook.time-budget} */
    public String name() {
        return name;
    }

    /** @return how the value is spelled */
    public Kind kind() {
        return kind;
    }

    /** @return the value when unset, or null when there is none */
    public T defaultValue() {
        return defaultValue;
    }

    /** @return the default as written in configuration ({@code 2500ms}, {@code 256KB}, {@code drop-rule}), or null */
    public String defaultText() {
        if (defaultValue == null || (defaultValue instanceof List<?> list && list.isEmpty())) {
            return null;
        }
        return defaultValue instanceof Duration duration ? wholeUnits(duration) : text(defaultValue);
    }

    private String text(Object value) {
        return switch (kind) {
            case DURATION -> ((Duration) value).toMillis() + "ms";
            case SIZE -> ValueText.sizeText((Integer) value);
            case CHOICE -> spelled((Enum<?>) value);
            case LIST -> String.join(",", ((List<?>) value).stream().map(String::valueOf).toList());
            default -> String.valueOf(value);
        };
    }

    /** A duration in its largest whole unit, as a person writes it: {@code 24h}, {@code 5m}, {@code 1s}, {@code 2500ms}. */
    private static String wholeUnits(Duration duration) {
        long millis = duration.toMillis();
        if (millis > 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis > 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis > 0 && millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** @return one sentence for documentation and IDEs */
    public String description() {
        return description;
    }

    /** @return the accepted names of a {@link Kind#CHOICE} key, as documented; empty otherwise */
    public List<String> choices() {
        return choices;
    }

    /** @return whether the value is a secret */
    public boolean isSecret() {
        return secret;
    }

    @Override
    public String toString() {
        return name;
    }

    static String spelled(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
