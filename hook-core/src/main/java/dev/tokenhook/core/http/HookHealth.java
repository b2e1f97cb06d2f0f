package dev.tokenhook.core.http;

import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.rule.RuleNote;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link HookListener} that tracks the recent failure ratio: among the last {@code window} answered
 * calls, how many had a rule fail, time out, get skipped or rejected, or hit an engine failure. Okta fails
 * open, so users sign in without the claims when this ratio climbs; the health indicators of the
 * adapters report DOWN once it reaches the threshold. Among the same calls it also counts those where a rule
 * got a {@linkplain RuleNote.Answer#STALE stale} or an {@linkplain RuleNote.Answer#UNKNOWN unknown} answer
 * from a data source (e.g. a claim lookup serving from its cache while the database is down): shown in the
 * details, not counted as failures. Thread-safe and allocation-free per call.
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
    private final boolean[] stale;
    private final boolean[] unknown;
    private final double threshold;
    private final int minCalls;
    private int next;
    private int calls;
    private int failures;
    private int staleCalls;
    private int unknownCalls;

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
        this.stale = new boolean[window];
        this.unknown = new boolean[window];
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
        boolean staleAnswer = event.hasNote(RuleNote.Answer.STALE);
        boolean unknownAnswer = event.hasNote(RuleNote.Answer.UNKNOWN);
        synchronized (this) {
            if (calls == failed.length) {
                failures -= failed[next] ? 1 : 0;
                staleCalls -= stale[next] ? 1 : 0;
                unknownCalls -= unknown[next] ? 1 : 0;
            }
            failed[next] = failure;
            stale[next] = staleAnswer;
            unknown[next] = unknownAnswer;
            failures += failure ? 1 : 0;
            staleCalls += staleAnswer ? 1 : 0;
            unknownCalls += unknownAnswer ? 1 : 0;
            next = (next + 1) % failed.length;
            calls = Math.min(calls + 1, failed.length);
        }
    }

    /** @return the current verdict and the numbers behind it */
    public synchronized Snapshot snapshot() {
        double ratio = calls == 0 ? 0 : (double) failures / calls;
        return new Snapshot(calls < minCalls || ratio < threshold, calls, failures, ratio, threshold, staleCalls,
                unknownCalls);
    }

    /**
     * The health at one moment.
     *
     * @param up whether the hook is healthy
     * @param calls answered calls in the window
     * @param failedCalls of which had a failing rule or an engine failure
     * @param failureRatio failed / calls (0 with no calls)
     * @param threshold the ratio at which the hook is down
     * @param staleAnswerCalls calls in the window where a rule got a stale answer from a data source
     * @param unknownAnswerCalls calls in the window where a rule got no answer ("unknown") from a data source
     */
    public record Snapshot(boolean up, int calls, int failedCalls, double failureRatio, double threshold,
            int staleAnswerCalls, int unknownAnswerCalls) {

        /**
         * A snapshot without data-source answers.
         *
         * @param up whether the hook is healthy
         * @param calls answered calls in the window
         * @param failedCalls of which had a failing rule or an engine failure
         * @param failureRatio failed / calls
         * @param threshold the ratio at which the hook is down
         */
        public Snapshot(boolean up, int calls, int failedCalls, double failureRatio, double threshold) {
            this(up, calls, failedCalls, failureRatio, threshold, 0, 0);
        }

        /**
         * @return {@code calls}, {@code failedCalls}, {@code failureRatio}, {@code threshold},
         *     {@code staleAnswerCalls} and {@code unknownAnswerCalls}, in that order: the details every
         *     adapter's health indicator shows
         */
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("calls", calls);
            details.put("failedCalls", failedCalls);
            details.put("failureRatio", failureRatio);
            details.put("threshold", threshold);
            details.put("staleAnswerCalls", staleAnswerCalls);
            details.put("unknownAnswerCalls", unknownAnswerCalls);
            return Collections.unmodifiableMap(details);
        }
    }
}
