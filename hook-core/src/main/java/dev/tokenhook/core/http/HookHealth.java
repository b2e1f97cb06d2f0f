package dev.tokenhook.core.http;

import dev.tokenhook.core.rule.RuleNote;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link HookListener} that tracks the recent failure ratio: among the last {@code window} answered
 * calls, how many had a rule fail, time out, get skipped or rejected, or hit an engine failure. Okta fails
 * open, so users sign in without the claims when this ratio climbs; the health indicators of the
 * adapters report DOWN once it reaches the threshold. Among the same calls it also counts those where a rule
 * got a {@linkplain RuleNote.Answer#STALE stale} or an {@linkplain RuleNote.Answer#UNKNOWN unknown} answer
 * from a data source (e.g. a claim lookup serving from its cache while the database is down): shown in the
 * details, not counted as failures. Thread-safe and allocation-free per call.
 *
 * <table>
 * <caption>Keys, the same in every adapter</caption>
 * <tr><th>key</th><th>default</th></tr>
 * <tr><td>{@code tokenhook.health.enabled}</td><td>{@code true} (whether an adapter registers its health
 *     indicator)</td></tr>
 * <tr><td>{@code tokenhook.health.window}</td><td>{@value #DEFAULT_WINDOW} calls</td></tr>
 * <tr><td>{@code tokenhook.health.failure-threshold}</td><td>{@value #DEFAULT_THRESHOLD}</td></tr>
 * <tr><td>{@code tokenhook.health.min-calls}</td><td>{@value #DEFAULT_MIN_CALLS}</td></tr>
 * </table>
 */
public final class HookHealth implements HookListener {

    /** Common prefix of the health keys. */
    public static final String PREFIX = "tokenhook.health.";
    /** Default number of recent calls considered. */
    public static final int DEFAULT_WINDOW = 100;
    /** Default ratio of failed calls at which the hook is reported down. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** Default number of calls needed before any verdict other than up. */
    public static final int DEFAULT_MIN_CALLS = 10;

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
        if (window < 1) {
            throw new IllegalArgumentException("tokenhook.health.window must be at least 1, was " + window);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("tokenhook.health.failure-threshold must be in (0, 1], was " + threshold);
        }
        if (minCalls < 1 || minCalls > window) {
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
     * Reads {@code tokenhook.health.window}, {@code .failure-threshold} and {@code .min-calls} from string
     * properties (init parameters, system properties, environment, a framework's property source).
     *
     * @param lookup returns the value of a full key such as {@code tokenhook.health.window}, or null when unset
     * @return the tracker, unset keys at their defaults
     * @throws IllegalArgumentException naming the key, when a value cannot be read or is out of range
     */
    public static HookHealth fromProperties(Function<String, String> lookup) {
        String window = raw(lookup, "window");
        String threshold = raw(lookup, "failure-threshold");
        String minCalls = raw(lookup, "min-calls");
        return new HookHealth(
                window == null ? DEFAULT_WINDOW : parseInt("window", window),
                threshold == null ? DEFAULT_THRESHOLD : parseDouble("failure-threshold", threshold),
                minCalls == null ? DEFAULT_MIN_CALLS : parseInt("min-calls", minCalls));
    }

    /**
     * @param lookup returns the value of a full key, or null when unset
     * @return {@code tokenhook.health.enabled}, {@code true} when unset
     * @throws IllegalArgumentException when it is neither true nor false
     */
    public static boolean enabled(Function<String, String> lookup) {
        String value = raw(lookup, "enabled");
        if (value == null) {
            return true;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(PREFIX + "enabled must be true or false");
    }

    private static String raw(Function<String, String> lookup, String key) {
        String value = lookup.apply(PREFIX + key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a whole number, was " + value);
        }
    }

    private static double parseDouble(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a number such as 0.5, was " + value);
        }
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
