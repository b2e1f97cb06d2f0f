package dev.tokenhook.lookup;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tokenhook.core.rule.Watchdog;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls the source for the cache: on a bounded pool (at most {@code max-concurrent-calls} threads, so never more
 * calls at once), through the circuit breaker, which counts a call still running at the wait limit as failed. A
 * call still running at {@code interrupt-after} has its thread interrupted by the lookup's {@link Watchdog}, so a
 * source that answers interrupts gives the thread back instead of holding it for good. Its futures never fail:
 * a failed load becomes a failed {@link Entry} (so the cache does not log the source's exception, whose message
 * may hold data), a failed refresh keeps the old answer.
 */
final class SourceCalls<K, V> implements AsyncCacheLoader<K, Entry<V>>, AutoCloseable {

    /** Calls that may wait for a thread, per allowed concurrent call. */
    private static final int QUEUE_PER_CALL = 16;
    private static final Logger LOG = System.getLogger("dev.tokenhook.lookup");

    private final String name;
    private final LookupSource<K, V> source;
    private final CircuitBreaker breaker;
    private final Ticker ticker;
    private final long waitLimitNanos;
    private final long interruptAfterNanos;
    private final ThreadPoolExecutor pool;
    private final Watchdog interrupter;
    private final LongAdder calls = new LongAdder();
    private final LongAdder interruptedCalls = new LongAdder();
    private final AtomicInteger running = new AtomicInteger();

    SourceCalls(String name, LookupSource<K, V> source, CircuitBreaker breaker, Ticker ticker, long waitLimitNanos,
            long interruptAfterNanos, int maxConcurrentCalls) {
        this.name = name;
        this.source = source;
        this.breaker = breaker;
        this.ticker = ticker;
        this.waitLimitNanos = waitLimitNanos;
        this.interruptAfterNanos = interruptAfterNanos;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "tokenhook-lookup-" + name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(maxConcurrentCalls, maxConcurrentCalls, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(maxConcurrentCalls * QUEUE_PER_CALL), threads, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        // The engine's watchdog, not a timer per call: a timer per call woke a timer thread on every call, or
        // (the JDK's delayer, which cannot cancel) stayed queued for interrupt-after after its call ended
        // (LookupMissBenchmark, benchmarks/README.md).
        this.interrupter = new Watchdog("tokenhook-lookup-" + name + "-interrupter");
    }

    @Override
    public CompletableFuture<Entry<V>> asyncLoad(K key, Executor executor) {
        return call(key).handle((value, error) -> error == null ? Entry.read(value, ticker.read())
                : Entry.failed(outcomeOf(error)));
    }

    @Override
    public CompletableFuture<Entry<V>> asyncReload(K key, Entry<V> old, Executor executor) {
        Entry<V> kept = old.withRefreshFailed();
        return call(key)
                .handle((value, error) -> error == null ? Entry.read(value, ticker.read()) : kept)
                .completeOnTimeout(kept, waitLimitNanos, TimeUnit.NANOSECONDS);
    }

    /** @return the source's answer; fails with {@link CircuitOpen}, {@link Busy}, a timeout or the source's error */
    CompletableFuture<Optional<V>> call(K key) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(CircuitOpen.INSTANCE);
        }
        CompletableFuture<Optional<V>> answer = new CompletableFuture<>();
        long queuedAt = System.nanoTime();
        AtomicBoolean recorded = new AtomicBoolean();
        try {
            pool.execute(() -> run(key, answer, queuedAt, recorded));
        } catch (RejectedExecutionException e) {
            breaker.releasePermission();
            return CompletableFuture.failedFuture(Busy.INSTANCE);
        }
        CompletableFuture.delayedExecutor(waitLimitNanos, TimeUnit.NANOSECONDS).execute(() -> {
            if (recorded.compareAndSet(false, true)) {
                breaker.onError(waitLimitNanos, TimeUnit.NANOSECONDS, new TimeoutException());
            }
        });
        return answer;
    }

    /** Calls the source, tells the circuit breaker how it went (unless the wait limit already did), then answers. */
    private void run(K key, CompletableFuture<Optional<V>> answer, long queuedAt, AtomicBoolean recorded) {
        if (System.nanoTime() - queuedAt > waitLimitNanos) {
            // Waited in the queue past the wait limit: nobody waits for it now, and a recovering source is spared.
            answer.completeExceptionally(new TimeoutException());
            return;
        }
        calls.increment();
        running.incrementAndGet();
        RunningCall call = new RunningCall(Thread.currentThread(), System.nanoTime() + interruptAfterNanos);
        interrupter.watch(call);
        Optional<V> value = null;
        Throwable error = null;
        try {
            value = Objects.requireNonNull(source.find(key), "The lookup source returned null");
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            error = e;
        } finally {
            interrupter.forget(call);
            call.end();
            running.decrementAndGet();
        }
        if (recorded.compareAndSet(false, true)) {
            long took = System.nanoTime() - queuedAt;
            if (error == null) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(took, TimeUnit.NANOSECONDS, error);
            }
        }
        if (error == null) {
            answer.complete(value);
        } else {
            answer.completeExceptionally(error);
        }
    }

    static LookupOutcome outcomeOf(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof CircuitOpen) {
            return LookupOutcome.CIRCUIT_OPEN;
        }
        if (cause instanceof Busy) {
            return LookupOutcome.BUSY;
        }
        if (cause instanceof TimeoutException) {
            return LookupOutcome.TIMED_OUT;
        }
        return LookupOutcome.SOURCE_FAILED;
    }

    long calls() {
        return calls.sum();
    }

    /** @return source calls interrupted at {@code interrupt-after} */
    long interrupted() {
        return interruptedCalls.sum();
    }

    /** @return source calls running now */
    int running() {
        return running.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        interrupter.close(); // its calls were interrupted by the pool's shutdown: nothing more to do
    }

    /**
     * One source call's thread, interrupted at {@code interrupt-after} only while the call runs: once it has
     * ended, the thread may be running the next call, which must not be interrupted. The interrupt is cleared
     * when the call ends, unless the pool is closing (which interrupts its threads itself, so a call the
     * closing watchdog expires is left alone).
     */
    private final class RunningCall implements Watchdog.Watched {
        private final Thread thread;
        private final long interruptAt;
        private boolean ended;
        private boolean interrupted;

        RunningCall(Thread thread, long interruptAt) {
            this.thread = thread;
            this.interruptAt = interruptAt;
        }

        @Override
        public long deadlineNanos() {
            return interruptAt;
        }

        @Override
        public void expire() {
            if (interrupt()) {
                interruptedCalls.increment();
                LOG.log(Level.WARNING, "tokenhook lookup=" + name + ": a source call ran for "
                        + TimeUnit.NANOSECONDS.toMillis(interruptAfterNanos) + "ms (interrupt-after); its thread"
                        + " was interrupted. Give the source's calls a timeout of their own");
            }
        }

        private synchronized boolean interrupt() {
            if (ended || pool.isShutdown()) {
                return false;
            }
            interrupted = true;
            thread.interrupt();
            return true;
        }

        synchronized void end() {
            ended = true;
            if (interrupted && !pool.isShutdown()) {
                Thread.interrupted();
            }
        }
    }

    /** The circuit refused the call. */
    static final class CircuitOpen extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final CircuitOpen INSTANCE = new CircuitOpen();

        private CircuitOpen() {
            super("circuit open", null, false, false);
        }
    }

    /** Every allowed call is running and the queue is full. */
    static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Busy INSTANCE = new Busy();

        private Busy() {
            super("source busy", null, false, false);
        }
    }
}
