package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Space-separated parameters split exactly as {@code value.trim().split("\\s+")} would, without a regex. */
class ProtocolRequestSplitTest {

    private static final char[] CHARS = {'a', 'b', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0001', '\u00A0', '\u2003'};

    @Seeded(20)
    void splitsLikeTheRegex(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            char[] chars = new char[random.nextInt(25)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = CHARS[random.nextInt(CHARS.length)];
            }
            String value = new String(chars);
            ProtocolRequest request = new ProtocolRequest(Map.of("scope", value, "response_type", value));

            Set<String> expected = value.isBlank() ? Set.of()
                    : new LinkedHashSet<>(Arrays.asList(value.trim().split("\\s+")));
            assertThat(request.scopes()).as("%s", value.chars().boxed().toList()).containsExactlyElementsOf(expected);
            assertThat(request.responseTypes()).containsExactlyElementsOf(expected);
        }
    }
}
