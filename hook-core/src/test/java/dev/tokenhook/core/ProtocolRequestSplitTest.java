package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Space-separated parameters split exactly as {@code value.trim().split("\\s+")} would, without a regex. */
class ProtocolRequestSplitTest {

    @Property(tries = 2000)
    void splitsLikeTheRegex(@ForAll @StringLength(max = 24)
            @Chars({'a', 'b', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0001', '\u00A0', '\u2003'}) String value) {
        ProtocolRequest request = new ProtocolRequest(Map.of("scope", value, "response_type", value));

        Set<String> expected = value.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.trim().split("\\s+")));
        assertThat(request.scopes()).containsExactlyElementsOf(expected);
        assertThat(request.responseTypes()).containsExactlyElementsOf(expected);
    }
}
