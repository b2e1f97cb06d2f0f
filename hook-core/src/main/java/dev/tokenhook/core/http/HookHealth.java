package dev.tokenhook.core.http;

import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link HookListener} that tracks the recent failure ratio: among the last {@code window} answered
 * calls, how many had a rule fail, time out, get skipped or rejected, or hit an engine failure. Okta fails
 * open, so users sign in without the claims when this ratio climbs; the health indicators of the
 * adapters report DOWN once it reaches the threshold. Thread-safe and allocation-free per call.
 *
 * <p>Its keys, the same in every adapter, are {@code tokenhook.health.enabled} (whether an adapter registers
 * its health indicator), {@code .window} (100 calls), {@code .failure-threshold} (0.5) and {@code .min-calls}
 * (10); see {@link TokenHookKeys}.
 */
public final class HookHealth implements HookListener {

    /** Default number of recent calls considered. */
    public static final int DEFAULT_WINDOW = TokenHookKeys.HEALTH_WINDOW.defaultValue();
    /** Default ratio of failed calls at which the hook is reported down. */
    public static final double DEFAULT_THRESHOLD = TokenHookKeys.HEALTH_FAILURE_THRESHOLD.defaultValue();
    /** Default number of calls needed before any verdict other than up. */
    public static final int DEFAULT_MIN_CALLS = TokenHookKeys.HEALTH_MIN_CALLS.defaultValue();

    private final boolean[] failed;
    private final double threshold;
    private final int minCalls;
    private int next;
    private int calls;
    private int failures;

    /** Tracks the defaults: the last 100 calls, down at 50 % failed, after at least 10 calls. */
    public HookHealth() {
        this(DEFAULT_WINDOW, DEFAULT_THRESHOLD, DEFAULT_MIN_CALLS);
    }

    /**
     * @param window how many recent calls to consider, at least 1
     * @param threshold ratio of failed calls, above 0 and at most 1, at which the hook is down
     * @param minCalls calls needed before the hook can be reported down, 1..window
     */
    public HookHealth(int window, double threshold, int minCalls) {
        TokenHookKeys.HEALTH_WINDOW.check(window);
        TokenHookKeys.HEALTH_FAILURE_THRESHOLD.check(threshold);
        if (TokenHookKeys.HEALTH_MIN_CALLS.check(minCalls) > window) {
            throw new IllegalArgumentException("tokenhook.health.min-calls must be between 1 and the window, was "
                    + minCalls);
        }
        this.failed = new boolean[window];
        this.threshold = threshold;
        this.minCalls = minCalls;
    }

    /**
     * @param settings the values read by {@link TokenHookSettings#read}
     * @return a tracker with the {@code tokenhook.health.*} settings among them
     */
    public static HookHealth from(TokenHookSettings settings) {
        return new HookHealth(settings.get(TokenHookKeys.HEALTH_WINDOW),
                settings.get(TokenHookKeys.HEALTH_FAILURE_THRESHOLD), settings.get(TokenHookKeys.HEALTH_MIN_CALLS));
    }

    @Override
    public void onEvent(HookEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.status() != 200) {
            return; // refused calls say nothing about the rules: bad callers must not make the hook look down
        }
        boolean failure = event.outcome() == HookOutcome.ENGINE_FAILURE
                || event.rules().stream().anyMatch(rule -> rule.status().isFailure());
        synchronized (this) {
            if (calls == failed.length && failed[next]) {
                failures--;
            }
            failed[next] = failure;
            if (failure) {
                failures++;
            }
            next = (next + 1) % failed.length;
            calls = Math.min(calls + 1, failed.length);
        }
    }

    /** @return the current verdict and the numbers behind it */
    public synchronized Snapshot snapshot() {
        double ratio = calls == 0 ? 0 : (double) failures / calls;
        return new Snapshot(calls < minCalls || ratio < threshold, calls, failures, ratio, threshold);
    }

    /**
     * The health at one moment.
     *
     * @param up whether the hook is healthy
     * @param calls answered calls in the window
     * @param failedCalls of which had a failing rule or an engine failure
     * @param failureRatio failed / calls (0 with no calls)
     * @param threshold the ratio at which the hook is down
     */
    public record Snapshot(boolean up, int calls, int failedCalls, double failureRatio, double threshold) {

        /**
         * @return {@code calls}, {@code failedCalls}, {@code failureRatio} and {@code threshold}, in that order:
         *     the details every adapter's health indicator shows
         */
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("calls", calls);
            details.put("failedCalls", failedCalls);
            details.put("failureRatio", failureRatio);
            details.put("threshold", threshold);
            return Collections.unmodifiableMap(details);
        }
    }
}
