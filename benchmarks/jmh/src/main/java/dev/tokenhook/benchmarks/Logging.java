package dev.tokenhook.benchmarks;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * hook-core logs one line per call through {@code System.Logger}, which is {@code java.util.logging}
 * here. Where that line goes is the application's choice; these settings take the sink out of the
 * measurement (JMH forks one JVM per benchmark, so the setting holds for that benchmark only).
 */
final class Logging {

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger TOKENHOOK = Logger.getLogger("dev.tokenhook");

    private Logging() {
    }

    /** The per-call line is not built at all (only warnings, e.g. failed rules, would be). */
    static void quiet() {
        TOKENHOOK.setLevel(Level.WARNING);
    }

    /**
     * The per-call line (a success's, at DEBUG: FINE here) is built and handed to a handler that drops it:
     * the cost of logging minus I/O. At INFO, the default, a success's line is not built.
     */
    static void discarding() {
        TOKENHOOK.setUseParentHandlers(false);
        for (Handler handler : TOKENHOOK.getHandlers()) {
            TOKENHOOK.removeHandler(handler);
        }
        TOKENHOOK.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().isEmpty()) {
                    throw new IllegalStateException("empty log line");
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        TOKENHOOK.setLevel(Level.FINE);
    }
}
