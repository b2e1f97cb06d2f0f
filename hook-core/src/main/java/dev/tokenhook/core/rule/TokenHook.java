package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.PatchValidator;
import dev.tokenhook.core.patch.ReservedClaims;
import dev.tokenhook.core.patch.TokenPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The rules engine. Each rule runs against its own {@link TokenPatch}, all rules at once, within one
 * time budget: on a bounded executor, or on the calling thread (rules declared
 * {@link ClaimRule.NonBlocking}, and with {@link #process(TokenHookRequest, long, BiConsumer)} the first
 * blocking rule too). Their patches are merged in rule order and validated against the request; a rule that throws, writes something Okta would reject or outlives the budget is handled by
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
    private final ReservedClaims reservedClaims;
    private final RuleMerger merger;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private volatile Watchdog watchdog;

    private TokenHook(Builder builder) {
        this.rules = List.copyOf(builder.rules);
        this.timeBudget = builder.timeBudget;
        this.failurePolicy = builder.failurePolicy;
        this.reservedClaims = builder.reservedClaims;
        this.merger = new RuleMerger(new PatchValidator(builder.reservedClaims), builder.failurePolicy);
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

    /** @return the claims the rules may not change, per token */
    public ReservedClaims reservedClaims() {
        return reservedClaims;
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
     * Runs every rule and answers by the deadline, whatever the rules do: the calling thread waits while
     * rule threads run the rules ({@link ClaimRule.NonBlocking} ones it runs itself).
     *
     * @param request the request
     * @param deadlineNanos the {@link System#nanoTime()} by which the answer must be ready
     * @return the answer and how each rule fared
     */
    public HookResult process(TokenHookRequest request, long deadlineNanos) {
        Objects.requireNonNull(request, "request");
        CompletableFuture<HookResult> done = new CompletableFuture<>();
        RuleCall call = new RuleCall(request, System.nanoTime(), deadlineNanos, rules, false, merger, (result, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(result);
            }
        });
        call.handOff(executor);
        call.runOnCaller();
        try {
            done.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.expire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.expire();
        } catch (ExecutionException e) {
            // reported by join() below
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Runs every rule and hands the result to {@code whenDone}, exactly once, by the deadline, without a
     * thread hand-off when the rules are quick: the calling thread runs the first blocking rule (and the
     * {@link ClaimRule.NonBlocking} ones) itself, rule threads run any other rules. If rules are still
     * running at the deadline, the engine's watchdog thread finishes the call there, as the failure
     * policy says, interrupts them (the calling thread too, cleared before this method returns) and
     * calls {@code whenDone}. So the calling thread may still be inside a slow rule when the answer has
     * gone: use this where the answer can be sent from another thread (a Servlet after
     * {@code startAsync()}, a reactive response).
     *
     * @param request the request
     * @param deadlineNanos the {@link System#nanoTime()} by which the answer must be ready
     * @param whenDone gets the result, or what the engine threw (a bug, not a rule failure); called on
     *     this thread, a rule thread or the watchdog thread; must be quick and must not throw
     */
    public void process(TokenHookRequest request, long deadlineNanos,
            BiConsumer<? super HookResult, ? super Throwable> whenDone) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(whenDone, "whenDone");
        RuleCall call = new RuleCall(request, System.nanoTime(), deadlineNanos, rules, true, merger, whenDone);
        call.watchBy(watchdog());
        call.handOff(executor);
        call.runOnCaller();
    }

    /**
     * @return the engine's deadline thread, started on first use and stopped by {@link #close()}: it finishes
     *     calls whose rules outlive their deadline, and the HTTP endpoint has it answer bodies that do not
     *     arrive by theirs
     */
    public Watchdog watchdog() {
        Watchdog existing = watchdog;
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            if (watchdog == null) {
                watchdog = new Watchdog("tokenhook-watchdog");
            }
            return watchdog;
        }
    }

    /**
     * Stops the executor this hook created (not one passed to the builder): interrupts running rules and
     * waits up to a second for its threads to end, so containers see no lingering threads at undeploy.
     * Calls still in flight are answered first.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (watchdog != null) {
                watchdog.close();
            }
        }
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
