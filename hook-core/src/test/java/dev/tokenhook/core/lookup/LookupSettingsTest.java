package dev.tokenhook.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        LookupSettings d = LookupSettings.defaults();
        assertThat(d.freshFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.notFoundFreshFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.waitLimit()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.staleFor()).isEqualTo(Duration.ofHours(24));
        assertThat(d.onUnknown()).isEqualTo(OnUnknown.OMIT_CLAIM);
        assertThat(LookupSettings.fromProperties("patients", key -> null)).isEqualTo(d);
    }

    @Test
    void readsEveryKeyUnderTheLookupsName() {
        Map<String, String> props = Map.ofEntries(
                Map.entry("tokenhook.lookups.patients.fresh-for", "2m"),
                Map.entry("tokenhook.lookups.patients.not-found-fresh-for", "30s"),
                Map.entry("tokenhook.lookups.patients.wait-limit", "400ms"),
                Map.entry("tokenhook.lookups.patients.stale-for", "PT12H"),
                Map.entry("tokenhook.lookups.patients.max-size", "50_000"),
                Map.entry("tokenhook.lookups.patients.max-concurrent-calls", "8"),
                Map.entry("tokenhook.lookups.patients.circuit.failure-rate", "25"),
                Map.entry("tokenhook.lookups.patients.circuit.minimum-calls", "5"),
                Map.entry("tokenhook.lookups.patients.circuit.open-for", "30s"),
                Map.entry("tokenhook.lookups.patients.on-unknown", "FAIL_RULE"),
                Map.entry("tokenhook.lookups.other.wait-limit", "1ms"));

        assertThat(LookupSettings.fromProperties("patients", props::get)).isEqualTo(new LookupSettings(
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMillis(400), Duration.ofHours(12), 50_000, 8,
                25, 5, Duration.ofSeconds(30), OnUnknown.FAIL_RULE));
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> LookupSettings.fromProperties("patients",
                Map.of("tokenhook.lookups.patients.wait-limit", "5s")::get))
                .hasMessageContaining("tokenhook.lookups.patients.wait-limit").hasMessageContaining("3 s");
        assertThatThrownBy(() -> LookupSettings.fromProperties("patients",
                Map.of("tokenhook.lookups.patients.max-size", "lots")::get))
                .hasMessage("tokenhook.lookups.patients.max-size must be a whole number, was lots");
        assertThatThrownBy(() -> LookupSettings.fromProperties("patients",
                Map.of("tokenhook.lookups.patients.on-unknown", "deny")::get))
                .hasMessage("tokenhook.lookups.patients.on-unknown must be omit-claim or fail-rule");
        assertThatThrownBy(() -> LookupSettings.builder().staleFor(Duration.ofSeconds(10)).build())
                .hasMessageContaining("stale-for must be at least fresh-for");
        assertThatThrownBy(() -> LookupSettings.builder().circuitFailureRate(0).build())
                .hasMessageContaining("circuit.failure-rate");
        assertThatThrownBy(() -> LookupSettings.fromProperties("Patients!", key -> null))
                .hasMessageContaining("lookup name");
    }
}
