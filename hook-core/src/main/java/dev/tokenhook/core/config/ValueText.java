package dev.tokenhook.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the spellings of each {@link ConfigKey.Kind}; messages complete "{@code <key> '<text>' ...}". */
final class ValueText {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KIB|MB|MIB)?");

    private ValueText() {
    }

    static Boolean flag(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("is not true or false");
    }

    static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static Duration duration(String text) {
        if (text.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a duration (e.g. 2500ms, 1.5s, PT2S)");
            }
        }
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a duration (e.g. 2500ms, 1.5s, PT2S)");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    static Integer size(String text) {
        Matcher m = SIZE.matcher(text.toUpperCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 12) {
            throw new IllegalArgumentException("is not a size (e.g. 262144, 256KB, 256KiB, 1MB)");
        }
        long amount = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB", "KIB" -> amount * 1024;
            case "MB", "MIB" -> amount * 1024 * 1024;
            default -> amount;
        };
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("is too large");
        }
        return (int) bytes;
    }

    static String sizeText(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + "B";
    }

    static Integer count(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number");
        }
    }

    static Double ratio(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number such as 0.5");
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text) {
        String normal = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normal)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("is not one of " + Arrays.stream(type.getEnumConstants())
                .map(ConfigKey::spelled).collect(Collectors.joining(", ")));
    }
}
