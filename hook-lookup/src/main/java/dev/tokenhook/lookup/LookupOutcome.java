package dev.tokenhook.lookup;

import java.util.Locale;

/** How one lookup went. The tag is what logs, {@code HookEvent} notes and metrics show. */
public enum LookupOutcome {
    /** A fresh cached answer. */
    HIT,
    /** Not cached: the source answered within the wait limit. */
    MISS,
    /** Cached but past its freshness: served at once while a background call refreshes it (refresh-ahead). */
    REFRESHED,
    /** Cached, past its freshness, and the source is failing: the last known answer was served (stale-if-error). */
    STALE_SERVED,
    /** Not cached and the source failed: the answer is unknown. */
    SOURCE_FAILED,
    /** Not cached and the source did not answer within the wait limit: the answer is unknown. */
    TIMED_OUT,
    /** Not cached and the circuit is open, so the source was not called: the answer is unknown. */
    CIRCUIT_OPEN,
    /** Not cached and the source already has as many calls as allowed, plus a full queue: the answer is unknown. */
    BUSY;

    /** @return the lower-case tag, e.g. {@code stale-served} */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
