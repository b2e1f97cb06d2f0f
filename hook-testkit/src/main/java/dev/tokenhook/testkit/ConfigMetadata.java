package dev.tokenhook.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tokenhook.core.config.ConfigGroup;
import dev.tokenhook.core.config.ConfigKey;
import dev.tokenhook.core.config.TokenHookKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IDE metadata of every {@code tokenhook.*} key, generated from hook-core's {@link TokenHookKeys}, in the
 * configuration-metadata format that IntelliJ IDEA, Spring Tools and the Micronaut tooling read from
 * {@code META-INF/spring-configuration-metadata.json}: every key with a name known in advance, and one map
 * property per group of entries the user names ({@code tokenhook.lookups}), describing the settings of an entry.
 * The Spring and Micronaut adapters ship it; their tests check the shipped file against {@link #json()}.
 */
public final class ConfigMetadata {

    /** Where the adapters ship the metadata. */
    public static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

    private ConfigMetadata() {
    }

    /** @return the metadata, pretty-printed, ending with a newline */
    public static String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("groups", List.of(pair("name", "tokenhook", "description",
                "The token hook; every key is read and checked by hook-core (dev.tokenhook.core.config.TokenHookKeys).")));
        List<Map<String, Object>> properties = new ArrayList<>();
        List<Map<String, Object>> hints = new ArrayList<>();
        for (ConfigKey<?> key : TokenHookKeys.documented()) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("name", key.name());
            property.put("type", javaType(key.kind()));
            property.put("description", key.description());
            Object defaultValue = switch (key.kind()) {
                case FLAG, COUNT, RATIO -> key.defaultValue();
                default -> key.defaultText();
            };
            if (defaultValue != null) {
                property.put("defaultValue", defaultValue);
            }
            properties.add(property);
            if (!key.choices().isEmpty()) {
                hints.add(pair("name", key.name(), "values",
                        key.choices().stream().map(choice -> Map.of("value", choice)).toList()));
            }
        }
        for (ConfigGroup group : TokenHookKeys.GROUPS) {
            if (group.names().isEmpty()) {
                Map<String, Object> property = new LinkedHashMap<>();
                property.put("name", group.prefix());
                property.put("type", "java.util.Map<java.lang.String,java.lang.String>");
                property.put("description", describe(group));
                properties.add(property);
            }
        }
        root.put("properties", properties);
        root.put("hints", hints);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                    .replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails unless the class path holds exactly {@link #json()} at {@link #RESOURCE}, as an adapter ships it.
     *
     * @param loader the adapter's class loader
     * @throws AssertionError naming the file to regenerate, when it is missing or out of date
     */
    public static void assertShipped(ClassLoader loader) {
        try (InputStream shipped = loader.getResourceAsStream(RESOURCE)) {
            String text = shipped == null ? null : new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
            if (!json().equals(text)) {
                throw new AssertionError("src/main/resources/" + RESOURCE + " is missing or out of date: write "
                        + "dev.tokenhook.testkit.ConfigMetadata.json() to it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A group whose entries the user names has no fixed keys: IDEs get one map property, whose description
     * lists the settings of an entry with their defaults, so {@code tokenhook.lookups.patients.fresh-for} is
     * accepted and documented.
     */
    private static String describe(ConfigGroup group) {
        StringBuilder text = new StringBuilder(group.description()).append(" Keys ").append(group.prefix())
                .append(".<name>.<setting>; the settings:");
        for (ConfigKey<?> setting : group.settings()) {
            List<String> notes = new ArrayList<>();
            if (!setting.choices().isEmpty()) {
                notes.add(String.join(" or ", setting.choices()));
            }
            if (setting.defaultText() != null) {
                notes.add("default " + setting.defaultText());
            }
            text.append(' ').append(setting.name()).append(notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
                    .append(": ").append(setting.description());
        }
        return text.toString();
    }

    private static Map<String, Object> pair(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    private static String javaType(ConfigKey.Kind kind) {
        return switch (kind) {
            case FLAG -> "java.lang.Boolean";
            case LIST -> "java.util.List<java.lang.String>";
            case DURATION -> "java.time.Duration";
            case SIZE -> "org.springframework.util.unit.DataSize";
            case COUNT -> "java.lang.Integer";
            case RATIO -> "java.lang.Double";
            case TEXT, CHOICE -> "java.lang.String";
        };
    }
}
