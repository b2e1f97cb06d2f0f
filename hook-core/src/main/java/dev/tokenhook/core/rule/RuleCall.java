package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One request through every rule. Finished exactly once: by whichever thread ends the last rule, or
 * at the deadline by whoever watches it ({@link #expire()}), with the rules still running cut off.
 * The finishing thread merges and hands the result to {@code whenDone}.
 */
final class RuleCall implements Watchdog.Watched {

    private final TokenHookRequest request;
    private final long startNanos;
    private final long deadlineNanos;
    private final RuleMerger merger;
    private final BiConsumer<? super HookResult, ? super Throwable> whenDone;
    private final RuleRun[] runs;
    /** The blocking rule the calling thread runs, after the non-blocking ones; may be null. */
    private final RuleRun blockingOnCaller;
    private final AtomicInteger pending;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Watchdog watchdog;

    /**
     * @param callerRunsOneBlockingRule whether the calling thread also runs the first blocking rule
     *     (it always runs the {@link ClaimRule.NonBlocking} ones)
     */
    RuleCall(TokenHookRequest request, long startNanos, long deadlineNanos, List<ClaimRule> rules,
            boolean callerRunsOneBlockingRule, RuleMerger merger, BiConsumer<? super HookResult, ? super Throwable> whenDone) {
        this.request = request;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.merger = merger;
        this.whenDone = whenDone;
        this.runs = new RuleRun[rules.size()];
        this.pending = new AtomicInteger(runs.length);
        RuleRun blocking = null;
        for (int i = 0; i < runs.length; i++) {
            ClaimRule rule = rules.get(i);
            runs[i] = new RuleRun(rule, deadlineNanos);
            if (callerRunsOneBlockingRule && blocking == null && !(rule instanceof ClaimRule.NonBlocking)) {
                blocking = runs[i];
            }
        }
        this.blockingOnCaller = blocking;
    }

    private boolean runsOnCaller(RuleRun run) {
        return run == blockingOnCaller || run.rule() instanceof ClaimRule.NonBlocking;
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** Has the watchdog expire this call at its deadline, unless it finishes before. */
    void watchBy(Watchdog watchdog) {
        this.watchdog = watchdog;
        watchdog.watch(this);
    }

    /** Hands every rule not run by the caller to the executor; a rule it refuses is skipped. */
    void handOff(ExecutorService executor) {
        for (RuleRun run : runs) {
            if (runsOnCaller(run)) {
                continue;
            }
            try {
                run.handedOff(executor.submit(() -> {
                    run.execute(request);
                    runEnded();
                }));
            } catch (RejectedExecutionException e) {
                runEnded();
            }
        }
    }

    /**
     * Runs, on the calling thread, the rules it is meant to run: the non-blocking ones, then the blocking
     * one (last, so a slow lookup does not hold up the quick rules).
     */
    void runOnCaller() {
        for (RuleRun run : runs) {
            if (run.rule() instanceof ClaimRule.NonBlocking) {
                run.runOnCaller(request);
                runEnded();
            }
        }
        if (blockingOnCaller != null) {
            blockingOnCaller.runOnCaller(request);
            runEnded();
        }
        if (runs.length == 0) {
            finish(false);
        }
    }

    /** Finishes the call now, at or after the deadline: the rules still running are cut off. */
    @Override
    public void expire() {
        finish(true);
    }

    private void runEnded() {
        if (pending.decrementAndGet() == 0) {
            finish(false);
        }
    }

    private void finish(boolean expired) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        Watchdog watching = watchdog;
        if (watching != null) {
            watching.forget(this);
        }
        RuleOutcome[] snapshots = new RuleOutcome[runs.length];
        for (int i = 0; i < runs.length; i++) {
            snapshots[i] = runs[i].outcome();
        }
        if (expired) {
            for (RuleRun run : runs) {
                run.cut();
            }
        }
        HookResult result;
        try {
            result = merger.merge(request, runs, snapshots, Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (RuntimeException | Error e) {
            whenDone.accept(null, e);
            return;
        }
        whenDone.accept(result, null);
    }
}
