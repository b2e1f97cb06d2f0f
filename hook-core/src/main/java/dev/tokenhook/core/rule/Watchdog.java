package dev.tokenhook.core.rule;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread that finishes calls whose rules are still running at their deadline, so a caller
 * that runs rules itself can still be answered on time. It sleeps until the earliest deadline it
 * knows of (re-checking at least every {@value #RECHECK_MILLIS} ms for newer calls), and parks for
 * good after a second without calls; a new call wakes it. A call removes itself when it finishes, so
 * the thread only ever looks at calls in flight.
 */
final class Watchdog {

    private static final int RECHECK_MILLIS = 10;
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS);
    private static final long IDLE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Set<RuleCall> calls = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean closed;

    Watchdog() {
        thread = new Thread(this::watch, "tokenhook-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Watches a call until it finishes; call {@link #forget(RuleCall)} once it has. Once closed, the call is
     * finished at once (answered without its rules), as nothing would answer it at its deadline.
     */
    void watch(RuleCall call) {
        calls.add(call);
        if (closed) {
            expire(call);
        } else if (idle) {
            LockSupport.unpark(thread);
        }
    }

    void forget(RuleCall call) {
        calls.remove(call);
    }

    /** Finishes the calls still watched, on the calling thread, and stops the watchdog's thread. */
    void close() {
        closed = true;
        LockSupport.unpark(thread);
        calls.forEach(Watchdog::expire);
    }

    private void watch() {
        long lastSeen = System.nanoTime();
        while (!closed) {
            long now = System.nanoTime();
            long sleep = RECHECK_NANOS;
            for (RuleCall call : calls) {
                long left = call.deadlineNanos() - now;
                if (left <= 0) {
                    calls.remove(call);
                    expire(call);
                } else {
                    sleep = Math.min(sleep, left);
                }
            }
            if (!calls.isEmpty()) {
                lastSeen = now;
            } else if (now - lastSeen > IDLE_AFTER_NANOS) {
                idle = true;
                if (calls.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                idle = false;
                lastSeen = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(this, sleep);
        }
    }

    private static void expire(RuleCall call) {
        try {
            call.expire();
        } catch (RuntimeException e) {
            System.getLogger("dev.tokenhook").log(Level.WARNING,
                    "tokenhook watchdog: answering a late call failed: " + e.getClass().getName());
        }
    }
}
