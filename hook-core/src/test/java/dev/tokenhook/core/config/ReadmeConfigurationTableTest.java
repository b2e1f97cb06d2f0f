package dev.tokenhook.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's configuration table lists exactly the keys of {@link TokenHookKeys} (those of fixed groups
 * included), with their defaults; a named group's keys appear once each with {@code <name>} for the entry, e.g.
 * {@code tokenhook.lookups.<name>.fresh-for}.
 */
class ReadmeConfigurationTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(tokenhook\\.[^`]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void theTableIsTheKeyTable() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("../README.md")));
        while (row.find()) {
            rows.put(row.group(1), row.group(2).strip());
        }

        List<ConfigKey<?>> keys = new ArrayList<>(TokenHookKeys.documented());
        for (ConfigGroup group : TokenHookKeys.GROUPS) {
            if (group.names().isEmpty()) {
                group.settings().forEach(setting -> keys.add(group.key("<name>", setting)));
            }
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(keys.stream().map(ConfigKey::name).toList());
        for (ConfigKey<?> key : keys) {
            String shown = rows.get(key.name());
            if (key.defaultText() == null) {
                assertThat(shown).as(key.name()).doesNotStartWith("`");
            } else {
                assertThat(shown).as(key.name()).isEqualTo("`" + key.defaultText() + "`");
            }
        }
    }
}
