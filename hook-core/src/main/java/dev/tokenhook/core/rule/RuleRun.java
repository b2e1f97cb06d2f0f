package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.TokenPatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * One rule on one request, on a rule thread or on the calling thread. Written by the thread running
 * the rule, read once by whichever thread finishes the {@link RuleCall}; {@link #outcome()} is a
 * snapshot, so whatever an abandoned rule does later is ignored.
 */
final class RuleRun {

    private final ClaimRule rule;
    private final long deadlineNanos;
    private final TokenPatch patch = new TokenPatch();
    private final RuleNotes notes = new RuleNotes();
    private volatile Future<?> future;
    private volatile boolean started;
    private volatile boolean finished;
    private volatile Throwable error;
    private volatile long startedNanos;
    private volatile long endedNanos;
    /** The calling thread while it runs this rule; guarded by {@code this}. */
    private Thread caller;
    /** Whether {@link #cut()} interrupted the calling thread; guarded by {@code this}. */
    private boolean callerInterrupted;

    RuleRun(ClaimRule rule, long deadlineNanos) {
        this.rule = rule;
        this.deadlineNanos = deadlineNanos;
    }

    ClaimRule rule() {
        return rule;
    }

    TokenPatch patch() {
        return patch;
    }

    void handedOff(Future<?> future) {
        this.future = future;
    }

    /**
     * Runs the rule on the calling thread, which {@link #cut()} may interrupt until the rule returns;
     * the interrupt is cleared before this returns, so the caller's thread goes back clean.
     */
    void runOnCaller(TokenHookRequest request) {
        synchronized (this) {
            caller = Thread.currentThread();
        }
        try {
            execute(request);
        } finally {
            boolean clear;
            synchronized (this) {
                caller = null;
                clear = callerInterrupted;
            }
            if (clear) {
                Thread.interrupted();
            }
        }
    }

    /** Runs the rule unless its answer is already due. */
    void execute(TokenHookRequest request) {
        long now = System.nanoTime();
        startedNanos = now;
        if (now - deadlineNanos >= 0) {
            return; // dequeued after the answer was due: never start it
        }
        started = true;
        notes.bind();
        try {
            rule.apply(request, patch);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            error = e;
        } finally {
            notes.unbind();
            endedNanos = System.nanoTime();
            finished = true;
        }
    }

    /** Stops an unfinished rule at the deadline: interrupts its rule thread, or the calling thread running it. */
    void cut() {
        if (finished) {
            return;
        }
        Future<?> handed = future;
        if (handed != null) {
            handed.cancel(true);
        }
        synchronized (this) {
            if (caller != null) {
                callerInterrupted = true;
                caller.interrupt();
            }
        }
    }

    /**
     * @return how the rule fared so far: {@link RuleStatus#NO_CHANGE} for a rule that ended in time
     *     (its patch is then final and validated by the merge), else skipped, timed out or failed
     */
    RuleOutcome outcome() {
        if (!started) {
            return new RuleOutcome(rule.name(), RuleStatus.SKIPPED, 0, List.of(), Optional.empty(), Duration.ZERO);
        }
        if (!finished || endedNanos - deadlineNanos > 0) {
            Duration ran = Duration.ofNanos((finished ? endedNanos : System.nanoTime()) - startedNanos);
            return new RuleOutcome(rule.name(), RuleStatus.TIMED_OUT, 0, List.of(), Optional.empty(), ran,
                    notes.snapshot());
        }
        Duration ran = Duration.ofNanos(endedNanos - startedNanos);
        if (error != null) {
            return new RuleOutcome(rule.name(), RuleStatus.FAILED, 0, List.of(), Optional.of(error), ran,
                    notes.snapshot());
        }
        return new RuleOutcome(rule.name(), RuleStatus.NO_CHANGE, 0, List.of(), Optional.empty(), ran,
                notes.snapshot());
    }
}
