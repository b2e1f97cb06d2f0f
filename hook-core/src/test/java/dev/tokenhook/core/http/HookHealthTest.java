package dev.tokenhook.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.rule.RuleNote;
import dev.tokenhook.core.rule.RuleOutcome;
import dev.tokenhook.core.rule.RuleStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HookHealthTest {

    private static HookEvent answered(RuleStatus status) {
        return new HookEvent(Optional.of("e"), 200, HookOutcome.PATCHED,
                List.of(new RuleOutcome("r", status, 0, List.of(), Optional.empty(), Duration.ZERO)),
                Optional.empty(), Set.of(), Duration.ZERO);
    }

    @Test
    void upUntilTheRecentFailureRatioReachesTheThreshold() {
        HookHealth health = new HookHealth(10, 0.5, 4);
        health.onEvent(answered(RuleStatus.TIMED_OUT));
        health.onEvent(answered(RuleStatus.FAILED));
        health.onEvent(answered(RuleStatus.FAILED));
        assertThat(health.snapshot().up()).as("too few calls for a verdict").isTrue();

        health.onEvent(answered(RuleStatus.APPLIED));
        HookHealth.Snapshot down = health.snapshot();
        assertThat(down.up()).isFalse();
        assertThat(down.calls()).isEqualTo(4);
        assertThat(down.failedCalls()).isEqualTo(3);
        assertThat(down.failureRatio()).isEqualTo(0.75);
    }

    @Test
    void recoversAsGoodCallsPushFailuresOutOfTheWindow() {
        HookHealth health = new HookHealth(4, 0.5, 2);
        for (int i = 0; i < 4; i++) {
            health.onEvent(answered(RuleStatus.REJECTED));
        }
        assertThat(health.snapshot().up()).isFalse();
        for (int i = 0; i < 3; i++) {
            health.onEvent(answered(RuleStatus.APPLIED));
        }
        assertThat(health.snapshot()).isEqualTo(new HookHealth.Snapshot(true, 4, 1, 0.25, 0.5));
    }

    private static HookEvent withNote(RuleNote.Answer answer) {
        return new HookEvent(Optional.of("e"), 200, HookOutcome.NO_CHANGE,
                List.of(new RuleOutcome("r", RuleStatus.NO_CHANGE, 0, List.of(), Optional.empty(), Duration.ZERO,
                        List.of(new RuleNote("patients", "lookup", answer)))),
                Optional.empty(), Set.of(), Duration.ZERO);
    }

    @Test
    void countsCallsWithStaleAndUnknownAnswersInTheWindowWithoutCallingThemFailures() {
        HookHealth health = new HookHealth(3, 0.5, 1);
        health.onEvent(withNote(RuleNote.Answer.STALE));
        health.onEvent(withNote(RuleNote.Answer.UNKNOWN));
        health.onEvent(withNote(RuleNote.Answer.UNKNOWN));
        HookHealth.Snapshot degraded = health.snapshot();
        assertThat(degraded.up()).isTrue();
        assertThat(degraded.staleAnswerCalls()).isEqualTo(1);
        assertThat(degraded.unknownAnswerCalls()).isEqualTo(2);
        assertThat(degraded.details()).containsEntry("staleAnswerCalls", 1).containsEntry("unknownAnswerCalls", 2);

        health.onEvent(withNote(RuleNote.Answer.FOUND));
        health.onEvent(withNote(RuleNote.Answer.NOT_FOUND));
        assertThat(health.snapshot().staleAnswerCalls()).isZero();
        assertThat(health.snapshot().unknownAnswerCalls()).isEqualTo(1);
    }

    @Test
    void refusedCallsDoNotCount() {
        HookHealth health = new HookHealth(4, 0.5, 1);
        health.onEvent(new HookEvent(Optional.empty(), 401, HookOutcome.UNAUTHENTICATED, List.of(), Optional.empty(),
                Set.of(), Duration.ZERO));
        health.onEvent(new HookEvent(Optional.empty(), 200, HookOutcome.ENGINE_FAILURE, List.of(), Optional.empty(),
                Set.of(), Duration.ZERO));

        assertThat(health.snapshot().calls()).isEqualTo(1);
        assertThat(health.snapshot().up()).isFalse();
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new HookHealth(0, 0.5, 1)).hasMessageContaining("window");
        assertThatThrownBy(() -> new HookHealth(10, 0, 1)).hasMessageContaining("failure-threshold");
        assertThatThrownBy(() -> new HookHealth(10, 0.5, 11)).hasMessageContaining("min-calls");
    }

    @Test
    void readsTheSharedKeysWithTheDefaultsForUnsetOnes() {
        HookHealth health = HookHealth.from(settings(Map.of("tokenhook.health.window", " 4 ",
                "tokenhook.health.min-calls", "2")));
        for (int i = 0; i < 2; i++) {
            health.onEvent(answered(RuleStatus.FAILED));
        }
        assertThat(health.snapshot()).isEqualTo(new HookHealth.Snapshot(false, 2, 2, 1.0, HookHealth.DEFAULT_THRESHOLD));
        assertThat(health.snapshot().details()).containsExactly(Map.entry("calls", 2), Map.entry("failedCalls", 2),
                Map.entry("failureRatio", 1.0), Map.entry("threshold", 0.5), Map.entry("staleAnswerCalls", 0),
                Map.entry("unknownAnswerCalls", 0));

        assertThat(HookHealth.from(settings(Map.of())).snapshot().threshold()).isEqualTo(0.5);
        assertThat(settings(Map.of()).get(TokenHookKeys.HEALTH_ENABLED)).isTrue();
        assertThat(settings(Map.of("tokenhook.health.enabled", "FALSE")).get(TokenHookKeys.HEALTH_ENABLED)).isFalse();
    }

    @Test
    void unreadableValuesNameTheirKey() {
        assertThatThrownBy(() -> settings(Map.of("tokenhook.health.window", "many")))
                .hasMessageContaining("tokenhook.health.window");
        assertThatThrownBy(() -> settings(Map.of("tokenhook.health.failure-threshold", "50%")))
                .hasMessageContaining("tokenhook.health.failure-threshold");
        assertThatThrownBy(() -> settings(Map.of("tokenhook.health.failure-threshold", "2")))
                .hasMessageContaining("tokenhook.health.failure-threshold");
        assertThatThrownBy(() -> settings(Map.of("tokenhook.health.enabled", "yes")))
                .hasMessageContaining("tokenhook.health.enabled");
        assertThatThrownBy(() -> settings(Map.of("tokenhook.health.min-calls", "20", "tokenhook.health.window", "10")))
                .hasMessageContaining("tokenhook.health.min-calls").hasMessageContaining("must be at most tokenhook.health.window (10)");
    }

    private static TokenHookSettings settings(Map<String, String> properties) {
        return TokenHookSettings.read(ConfigSource.of(properties, "test"));
    }
}
