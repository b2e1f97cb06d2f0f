package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.HookError;
import dev.tokenhook.core.patch.PatchOperation;
import dev.tokenhook.core.patch.PatchValidator;
import dev.tokenhook.core.patch.PatchViolation;
import dev.tokenhook.core.patch.ReservedClaims;
import dev.tokenhook.core.patch.TokenHookResponse;
import dev.tokenhook.core.patch.TokenPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rules engine. Each rule runs on a bounded executor against its own {@link TokenPatch}, all rules
 * at once, within one time budget; a rule declared {@link ClaimRule.NonBlocking} runs on the calling
 * thread instead, after the others were handed to the executor. Their patches are merged in rule order and validated against the
 * request; a rule that throws, writes something Okta would reject or outlives the budget is handled by
 * the {@link RuleFailurePolicy}, never by voiding the others' work. Thread-safe; close it to stop the
 * executor it created.
 *
 * <pre>{@code
 * TokenHook hook = TokenHook.builder()
 *         .rule(new PatientIdRule(store))
 *         .timeBudget(Duration.ofMillis(2500))
 *         .build();
 * }</pre>
 */
public final class TokenHook implements AutoCloseable {

    /** Default end-to-end time budget, well under Okta's 3 s timeout. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(2500);
    /** Default upper bound of threads running rules. */
    public static final int DEFAULT_MAX_RULE_THREADS = 64;
    /** Summary sent when {@link RuleFailurePolicy#DENY} denies a token. */
    public static final String FAILURE_DENIAL_SUMMARY = "The token hook could not complete";

    private static final int QUEUE_PER_THREAD = 16;

    private final List<ClaimRule> rules;
    private final Duration timeBudget;
    private final RuleFailurePolicy failurePolicy;
    private final PatchValidator validator;
    private final ExecutorService executor;
    private final boolean ownsExecutor;

    private TokenHook(Builder builder) {
        this.rules = List.copyOf(builder.rules);
        this.timeBudget = builder.timeBudget;
        this.failurePolicy = builder.failurePolicy;
        this.validator = new PatchValidator(builder.reservedClaims);
        this.ownsExecutor = builder.executor == null;
        this.executor = ownsExecutor ? newRuleExecutor(builder.maxRuleThreads) : builder.executor;
    }

    /** @return a builder with the defaults: no rules, 2.5 s budget, drop failing rules, Okta's reserved claims */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the rules, in order */
    public List<ClaimRule> rules() {
        return rules;
    }

    /** @return the time budget for one request */
    public Duration timeBudget() {
        return timeBudget;
    }

    /** @return the failure policy */
    public RuleFailurePolicy failurePolicy() {
        return failurePolicy;
    }

    /**
     * Runs every rule within the full time budget, starting now.
     *
     * @param request the request
     * @return the answer and how each rule fared
     */
    public HookResult process(TokenHookRequest request) {
        return process(request, System.nanoTime() + timeBudget.toNanos());
    }

    /**
     * Runs every rule and answers by the deadline, whatever the rules do.
     *
     * @param request the request
     * @param deadlineNanos the {@link System#nanoTime()} by which the answer must be ready
     * @return the answer and how each rule fared
     */
    public HookResult process(TokenHookRequest request, long deadlineNanos) {
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        List<RuleRun> runs = new ArrayList<>(rules.size());
        boolean anyInline = false;
        for (ClaimRule rule : rules) {
            if (rule instanceof ClaimRule.NonBlocking) {
                runs.add(new RuleRun(rule, deadlineNanos, true));
                anyInline = true;
            } else {
                runs.add(submit(rule, request, deadlineNanos));
            }
        }
        if (anyInline) {
            for (RuleRun run : runs) {
                if (run.inline) {
                    run.runInline(request);
                }
            }
        }
        for (RuleRun run : runs) {
            run.await();
        }
        return merge(request, runs, Duration.ofNanos(System.nanoTime() - start));
    }

    private RuleRun submit(ClaimRule rule, TokenHookRequest request, long deadlineNanos) {
        RuleRun run = new RuleRun(rule, deadlineNanos, false);
        try {
            run.future = executor.submit(() -> run.execute(request));
        } catch (RejectedExecutionException e) {
            run.rejected = true;
        }
        return run;
    }

    private HookResult merge(TokenHookRequest request, List<RuleRun> runs, Duration duration) {
        List<PatchOperation> accepted = new ArrayList<>();
        Map<String, Object> debug = new LinkedHashMap<>();
        List<RuleOutcome> outcomes = new ArrayList<>(runs.size());
        HookError denial = null;
        boolean failed = false;
        for (RuleRun run : runs) {
            RuleOutcome outcome = run.outcome();
            // A rule that ran to completion reports NO_CHANGE until its patch is validated here.
            if (outcome.status() == RuleStatus.NO_CHANGE) {
                List<PatchOperation> ops = run.patch.operations();
                List<PatchViolation> violations = validator.validate(request, ops, accepted);
                if (!violations.isEmpty()) {
                    outcome = withStatus(outcome, RuleStatus.REJECTED, 0, violations);
                } else {
                    accepted.addAll(ops);
                    debug.putAll(run.patch.debugContext());
                    Optional<HookError> ruleDenial = run.patch.denial();
                    if (ruleDenial.isPresent() && denial == null) {
                        denial = ruleDenial.get();
                    }
                    RuleStatus status = ruleDenial.isPresent() ? RuleStatus.DENIED
                            : ops.isEmpty() ? RuleStatus.NO_CHANGE : RuleStatus.APPLIED;
                    outcome = withStatus(outcome, status, ops.size(), List.of());
                }
            }
            failed |= outcome.status().isFailure();
            outcomes.add(outcome);
        }
        TokenHookResponse response;
        if (denial != null) {
            response = TokenHookResponse.deny(denial, debug);
        } else if (failed && failurePolicy == RuleFailurePolicy.DENY) {
            response = TokenHookResponse.deny(HookError.of(FAILURE_DENIAL_SUMMARY), Map.of());
        } else if (failed && failurePolicy == RuleFailurePolicy.NO_CHANGE) {
            response = TokenHookResponse.noChange();
        } else {
            response = fitToSize(accepted, debug, runs, outcomes);
        }
        return new HookResult(response, outcomes, duration);
    }

    /** Drops the last contributing rules until the answer is under Okta's 256 KB limit. */
    private TokenHookResponse fitToSize(List<PatchOperation> accepted, Map<String, Object> debug,
            List<RuleRun> runs, List<RuleOutcome> outcomes) {
        TokenHookResponse response = TokenHookResponse.of(accepted, debug);
        for (int i = runs.size() - 1; i >= 0; i--) {
            Optional<PatchViolation> tooLarge = PatchValidator.checkSize(response.toJson().length);
            if (tooLarge.isEmpty()) {
                return response;
            }
            RuleOutcome outcome = outcomes.get(i);
            if (outcome.status() != RuleStatus.APPLIED) {
                continue;
            }
            accepted.removeAll(runs.get(i).patch.operations());
            runs.get(i).patch.debugContext().keySet().forEach(debug::remove);
            outcomes.set(i, withStatus(outcome, RuleStatus.REJECTED, 0, List.of(tooLarge.get())));
            if (failurePolicy != RuleFailurePolicy.DROP_RULE) {
                return failurePolicy == RuleFailurePolicy.DENY
                        ? TokenHookResponse.deny(HookError.of(FAILURE_DENIAL_SUMMARY), Map.of())
                        : TokenHookResponse.noChange();
            }
            response = TokenHookResponse.of(accepted, debug);
        }
        return PatchValidator.checkSize(response.toJson().length).isEmpty() ? response : TokenHookResponse.noChange();
    }

    private static RuleOutcome withStatus(RuleOutcome outcome, RuleStatus status, int operations,
            List<PatchViolation> violations) {
        return new RuleOutcome(outcome.rule(), status, operations, violations, outcome.error(), outcome.duration());
    }

    /**
     * Stops the executor this hook created (not one passed to the builder): interrupts running rules and
     * waits up to a second for its threads to end, so containers see no lingering threads at undeploy.
     */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ExecutorService newRuleExecutor(int maxThreads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "tokenhook-rule-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(maxThreads * QUEUE_PER_THREAD), threads, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** One rule on one request: runs on the executor (or inline, on the calling thread), read by the calling thread. */
    private static final class RuleRun {
        private final ClaimRule rule;
        private final long deadlineNanos;
        private final boolean inline;
        private final TokenPatch patch = new TokenPatch();
        private volatile Future<?> future;
        private volatile boolean rejected;
        private volatile boolean finished;
        private volatile Throwable error;
        private volatile boolean started;
        private volatile long startedNanos;
        private volatile long elapsedNanos;
        private boolean timedOut;

        RuleRun(ClaimRule rule, long deadlineNanos, boolean inline) {
            this.rule = rule;
            this.deadlineNanos = deadlineNanos;
            this.inline = inline;
        }

        /** Runs a non-blocking rule on the calling thread; one that ends after the deadline counts as timed out. */
        void runInline(TokenHookRequest request) {
            execute(request);
            if (started && System.nanoTime() - deadlineNanos > 0) {
                timedOut = true;
            }
        }

        void execute(TokenHookRequest request) {
            startedNanos = System.nanoTime();
            if (startedNanos - deadlineNanos >= 0) {
                return; // dequeued after the answer was due: never start it
            }
            started = true;
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
                elapsedNanos = System.nanoTime() - startedNanos;
                finished = true;
            }
        }

        void await() {
            if (rejected || inline) {
                return;
            }
            try {
                future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                timedOut = true;
                future.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                timedOut = true;
                future.cancel(true);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                error = e.getCause() != null ? e.getCause() : e;
            }
        }

        /** A snapshot taken once, after {@link #await()}; later writes by an abandoned rule are ignored. */
        RuleOutcome outcome() {
            if (rejected || !started) {
                return new RuleOutcome(rule.name(), RuleStatus.SKIPPED, 0, List.of(), Optional.empty(), Duration.ZERO);
            }
            if (timedOut || !finished) {
                Duration ran = Duration.ofNanos(System.nanoTime() - startedNanos);
                return new RuleOutcome(rule.name(), RuleStatus.TIMED_OUT, 0, List.of(), Optional.empty(), ran);
            }
            Duration ran = Duration.ofNanos(elapsedNanos);
            if (error != null) {
                return new RuleOutcome(rule.name(), RuleStatus.FAILED, 0, List.of(), Optional.of(error), ran);
            }
            return new RuleOutcome(rule.name(), RuleStatus.NO_CHANGE, 0, List.of(), Optional.empty(), ran);
        }
    }

    /** Configures a {@link TokenHook}; validates eagerly. */
    public static final class Builder {
        private final List<ClaimRule> rules = new ArrayList<>();
        private Duration timeBudget = DEFAULT_TIME_BUDGET;
        private RuleFailurePolicy failurePolicy = RuleFailurePolicy.DROP_RULE;
        private ReservedClaims reservedClaims = ReservedClaims.defaults();
        private ExecutorService executor;
        private int maxRuleThreads = DEFAULT_MAX_RULE_THREADS;

        private Builder() {
        }

        /**
         * @param rule a rule; rules are merged in the order added
         * @return this builder
         */
        public Builder rule(ClaimRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @param name the rule's name for logs and metrics
         * @param rule the logic
         * @return this builder
         */
        public Builder rule(String name, ClaimRule rule) {
            return rule(ClaimRule.named(name, rule));
        }

        /**
         * @param all rules, in order
         * @return this builder
         */
        public Builder rules(List<? extends ClaimRule> all) {
            all.forEach(this::rule);
            return this;
        }

        /**
         * @param budget how long one request may take end to end; more than 0 and less than Okta's 3 s
         * @return this builder
         */
        public Builder timeBudget(Duration budget) {
            if (budget == null || budget.isNegative() || budget.isZero() || budget.compareTo(Duration.ofSeconds(3)) >= 0) {
                throw new IllegalArgumentException("time-budget must be more than 0 and less than Okta's 3 s timeout, was "
                        + budget);
            }
            this.timeBudget = budget;
            return this;
        }

        /**
         * @param policy what to answer when a rule fails
         * @return this builder
         */
        public Builder onRuleFailure(RuleFailurePolicy policy) {
            this.failurePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param reserved the claims to refuse; default {@link ReservedClaims#defaults()}
         * @return this builder
         */
        public Builder reservedClaims(ReservedClaims reserved) {
            this.reservedClaims = Objects.requireNonNull(reserved, "reserved");
            return this;
        }

        /**
         * @param executor runs the rules; the caller owns it (e.g. virtual threads on Java 21+)
         * @return this builder
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param threads the most rules running at once across all requests, when the hook creates its executor
         * @return this builder
         */
        public Builder maxRuleThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("maxRuleThreads must be at least 1, was " + threads);
            }
            this.maxRuleThreads = threads;
            return this;
        }

        /** @return the engine */
        public TokenHook build() {
            return new TokenHook(this);
        }
    }
}
