package dev.tokenhook.core.http;

/**
 * Receives one {@link HookEvent} per handled call, on the calling thread, after the answer is ready
 * and before it is written. Keep it fast and non-blocking (update meters, enqueue); an exception it
 * throws is ignored. The Micrometer binding and the health indicators are listeners.
 */
@FunctionalInterface
public interface HookListener {

    /**
     * @param event what happened
     */
    void onEvent(HookEvent event);
}
