package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenHookRequest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FixturesTest {

    @Test
    void catalogueListsExactlyTheBundledFiles() throws IOException, URISyntaxException {
        URL directory = Fixtures.class.getResource("fixtures/");
        assertThat(directory).as("fixtures directory on the test classpath").isNotNull();
        List<String> files;
        try (Stream<Path> paths = Files.list(Path.of(directory.toURI()))) {
            files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        List<String> catalogue = new ArrayList<>(Fixtures.requestNames());
        catalogue.addAll(Fixtures.responseNames());
        assertThat(catalogue).containsExactlyInAnyOrderElementsOf(files);
        assertThat(Fixtures.requestNames()).hasSize(8).allMatch(n -> n.startsWith("request-")).isSorted();
        assertThat(Fixtures.responseNames()).hasSize(11).allMatch(n -> n.startsWith("response-")).isSorted();
    }

    @Test
    void namesAreReadOnly() {
        assertThatThrownBy(() -> Fixtures.requestNames().add("request-x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Fixtures.responseNames().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bytesAreTheFileAndAFreshCopyEachTime() {
        byte[] first = Fixtures.bytes("response-noop");
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8).strip()).isEqualTo("{}");
        first[0] = 'x';
        assertThat(Fixtures.bytes("response-noop")[0]).isEqualTo((byte) '{');
    }

    @Test
    void unknownNameIsRefusedWithTheListOfWhatExists() {
        assertThatThrownBy(() -> Fixtures.bytes("request-password-grant"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'request-password-grant'")
                .hasMessageContaining("request-authorization-code")
                .hasMessageContaining("response-noop");
        assertThatThrownBy(() -> Fixtures.bytes("request-authorization-code.json"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.bytes(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestRefusesAResponseFixture() {
        assertThatThrownBy(() -> Fixtures.request("response-noop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'response-noop'")
                .hasMessageContaining("request-refresh-token-legacy");
    }

    @Test
    void everyRequestFixtureBelongsToExactlyOneFlow() {
        assertThat(Arrays.stream(Flow.values()).map(Flow::fixtureName))
                .containsExactlyInAnyOrderElementsOf(Fixtures.requestNames());
    }

    @ParameterizedTest
    @EnumSource(Flow.class)
    void flowGivesItsFixture(Flow flow) {
        assertThat(flow.bytes()).isEqualTo(Fixtures.bytes(flow.fixtureName()));
        TokenHookRequest request = flow.request();
        assertThat(request).isEqualTo(Fixtures.request(flow.fixtureName()));
        assertThat(request.eventType()).isEqualTo(TokenHookRequest.EVENT_TYPE);
    }
}
