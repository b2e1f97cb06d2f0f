package dev.tokenhook.core.rule;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread that acts on the deadlines of things in flight: the engine's calls whose rules are
 * still running at their deadline, the endpoint's bodies still arriving at theirs. It sleeps until the
 * earliest deadline it knows of (re-checking at least every {@value #RECHECK_MILLIS} ms for newer
 * ones), and parks for good after a second with nothing watched; a new one wakes it. Watching and
 * forgetting are a concurrent set's add and remove: under load nothing wakes the thread, which is why
 * this replaces a {@code ScheduledThreadPoolExecutor} for the body deadline (measured: its queue's lock
 * and the wake-up of its thread on nearly every call cost about a tenth of a busy Jetty's CPU; see
 * benchmarks/README.md). Deadlines are met within {@value #RECHECK_MILLIS} ms. Engine plumbing, used by
 * {@link TokenHook} and the HTTP endpoint; applications have no need of it.
 */
public final class Watchdog implements AutoCloseable {

    private static final int RECHECK_MILLIS = 10;
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS);
    private static final long IDLE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Something with a deadline, finished by the watchdog if it is still watched then. */
    public interface Watched {

        /** @return the {@link System#nanoTime()} at which {@link #expire()} is due */
        long deadlineNanos();

        /** Called once, on the watchdog's thread, at or just after the deadline; must be quick. */
        void expire();
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean closed;

    /** @param threadName the name of its daemon thread, as thread dumps show it */
    public Watchdog(String threadName) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Watches {@code item} until it is forgotten or expired. Once closed, the item is expired at once,
     * on the calling thread, as nothing would expire it at its deadline.
     *
     * @param item what to expire at its deadline
     */
    public void watch(Watched item) {
        watched.add(item);
        if (closed) {
            if (watched.remove(item)) {
                expire(item);
            }
        } else if (idle) {
            LockSupport.unpark(thread);
        }
    }

    /** @param item no longer to be expired (it finished in time); nothing if it is not watched */
    public void forget(Watched item) {
        watched.remove(item);
    }

    /** Expires everything still watched, on the calling thread, and stops the watchdog's thread. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        for (Watched item : watched) {
            if (watched.remove(item)) {
                expire(item);
            }
        }
    }

    private void run() {
        long lastSeen = System.nanoTime();
        while (!closed) {
            long now = System.nanoTime();
            long sleep = RECHECK_NANOS;
            for (Watched item : watched) {
                long left = item.deadlineNanos() - now;
                if (left > 0) {
                    sleep = Math.min(sleep, left);
                } else if (watched.remove(item)) {
                    expire(item);
                }
            }
            if (!watched.isEmpty()) {
                lastSeen = now;
            } else if (now - lastSeen > IDLE_AFTER_NANOS) {
                idle = true;
                if (watched.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                idle = false;
                lastSeen = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(this, sleep);
        }
    }

    private static void expire(Watched item) {
        try {
            item.expire();
        } catch (RuntimeException e) {
            System.getLogger("dev.tokenhook").log(Level.WARNING,
                    "tokenhook watchdog: finishing a late call failed: " + e.getClass().getName());
        }
    }
}
