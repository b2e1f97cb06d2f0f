package dev.tokenhook.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.lookup.OnUnknown;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys {@code tokenhook.lookups.<name>.*}: defaults, spellings, refusals, and their place in the one table. */
class LookupConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        LookupSettings d = LookupSettings.defaults();
        assertThat(d.freshFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.notFoundFreshFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.waitLimit()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.staleFor()).isEqualTo(Duration.ofHours(24));
        assertThat(d.onUnknown()).isEqualTo(OnUnknown.OMIT_CLAIM);
        assertThat(LookupConfig.fromProperties("patients", key -> null)).isEqualTo(d);
    }

    @Test
    void readsEveryKeyUnderTheLookupsName() {
        Map<String, String> props = Map.ofEntries(
                Map.entry("tokenhook.lookups.patients.fresh-for", "2m"),
                Map.entry("tokenhook.lookups.patients.not-found-fresh-for", "30s"),
                Map.entry("tokenhook.lookups.patients.wait-limit", "400ms"),
                Map.entry("tokenhook.lookups.patients.stale-for", "PT12H"),
                Map.entry("tokenhook.lookups.patients.max-size", "50000"),
                Map.entry("tokenhook.lookups.patients.max-concurrent-calls", "8"),
                Map.entry("tokenhook.lookups.patients.interrupt-after", "20s"),
                Map.entry("tokenhook.lookups.patients.circuit.failure-rate", "25"),
                Map.entry("tokenhook.lookups.patients.circuit.minimum-calls", "5"),
                Map.entry("tokenhook.lookups.patients.circuit.open-for", "30s"),
                Map.entry("tokenhook.lookups.patients.on-unknown", "FAIL_RULE"),
                Map.entry("tokenhook.lookups.other.wait-limit", "1ms"));

        assertThat(LookupConfig.fromProperties("patients", props::get)).isEqualTo(new LookupSettings(
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMillis(400), Duration.ofHours(12), 50_000, 8,
                Duration.ofSeconds(20), 25, 5, Duration.ofSeconds(30), OnUnknown.FAIL_RULE));
    }

    @Test
    void badValuesAreRefusedTogetherNamingEachKey() {
        assertThatThrownBy(() -> LookupConfig.fromProperties("patients", Map.of(
                "tokenhook.lookups.patients.wait-limit", "5s",
                "tokenhook.lookups.patients.max-size", "lots",
                "tokenhook.lookups.patients.on-unknown", "deny")::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenhook.lookups.patients.wait-limit (from properties): must be more than 0 and at most 2900ms")
                .hasMessageContaining("tokenhook.lookups.patients.max-size")
                .hasMessageContaining("tokenhook.lookups.patients.on-unknown");
        assertThatThrownBy(() -> LookupConfig.fromProperties("patients",
                Map.of("tokenhook.lookups.patients.stale-for", "10s")::get))
                .hasMessageContaining("tokenhook.lookups.patients.stale-for").hasMessageContaining("at least fresh-for");
        assertThatThrownBy(() -> LookupConfig.fromProperties("patients",
                Map.of("tokenhook.lookups.patients.interrupt-after", "500ms")::get))
                .hasMessageContaining("tokenhook.lookups.patients.interrupt-after (from properties): must be at least"
                        + " wait-limit, was 500ms");
        assertThatThrownBy(() -> LookupSettings.builder().waitLimit(Duration.ofSeconds(2))
                .interruptAfter(Duration.ofSeconds(1)).build())
                .hasMessage("interrupt-after must be at least wait-limit, was 1000ms");
        assertThatThrownBy(() -> LookupSettings.builder().circuitFailureRate(0).build())
                .hasMessageContaining("circuit.failure-rate");
        assertThatThrownBy(() -> LookupConfig.fromProperties("Patients!", key -> null))
                .hasMessageContaining("lookup name");
    }

    @Test
    void theKeysAreInTheOneTableSoAdaptersAcceptThemAndCatchTypos() {
        TokenHookSettings settings = TokenHookSettings.read(ConfigSource.of(Map.of(
                "tokenhook.lookups.patients.wait-limit", "300ms",
                "tokenhook.lookups.patients.circuit.open-for", "20s"), "application.properties"));
        assertThat(settings.names(TokenHookKeys.LOOKUPS)).containsExactly("patients");
        assertThat(settings.get(TokenHookKeys.LOOKUPS, "patients", TokenHookKeys.LOOKUP_WAIT_LIMIT))
                .isEqualTo(Duration.ofMillis(300));

        assertThatThrownBy(() -> TokenHookSettings.read(ConfigSource.of(Map.of(
                "tokenhook.lookups.patients.wait-limt", "300ms"), "application.properties")))
                .hasMessageContaining("did you mean tokenhook.lookups.patients.wait-limit?");
    }
}
