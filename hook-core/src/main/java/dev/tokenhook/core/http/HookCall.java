package dev.tokenhook.core.http;

import dev.tokenhook.core.rule.Watchdog;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One hook call whose body arrives in pieces, for adapters that read without blocking a thread (a
 * Servlet {@code ReadListener}, a reactive body). {@link TokenHookEndpoint#begin} has already checked
 * method, credentials and headers; if it refused the call, the answer has been given and
 * {@link #wantsBody()} is false. Otherwise the adapter feeds the body with {@link #append} and then
 * calls {@link #end()}; a body that has not fully arrived by the endpoint's body deadline is answered
 * 408, one that outgrows the limit 413, both with {@code Connection: close}, and the adapter then stops
 * reading. The answer reaches the adapter's callback exactly once, from whichever thread settles it.
 * {@link #append} and {@link #end()} must not be called concurrently with each other.
 */
public final class HookCall {

    private static final int READING = 0;
    private static final int RUNNING = 1;
    private static final int ANSWERED = 2;

    private final TokenHookEndpoint endpoint;
    private final long start;
    private final Consumer<HookHttpResponse> respond;
    private final BodyBuffer body;
    private final AtomicInteger state = new AtomicInteger(READING);
    private volatile BodyDeadline deadline;

    HookCall(TokenHookEndpoint endpoint, long start, BodyBuffer body, Consumer<HookHttpResponse> respond) {
        this.endpoint = endpoint;
        this.start = start;
        this.body = body;
        this.respond = respond;
    }

    /** @return whether the call still reads its body: false once refused, answered or complete */
    public boolean wantsBody() {
        return state.get() == READING;
    }

    /**
     * @param bytes a piece of the body; copied before this returns, so the caller may reuse the array
     * @param offset where it starts in {@code bytes}
     * @param length how many bytes
     * @return whether to keep reading; false once the call is answered (too large, too late)
     */
    public boolean append(byte[] bytes, int offset, int length) {
        if (state.get() != READING) {
            return false;
        }
        if (!body.append(bytes, offset, length)) {
            settle(endpoint.tooLarge(start));
            return false;
        }
        return true;
    }

    /**
     * The whole body has arrived: decodes it and runs the rules (on this thread, as
     * {@link TokenHookEndpoint#handle(HookHttpRequest, Consumer)} does). Does nothing if the call was
     * already answered.
     */
    public void end() {
        if (!state.compareAndSet(READING, RUNNING)) {
            return;
        }
        cancelDeadline();
        endpoint.run(start, endpoint.decode(body, start), this::answer);
    }

    /** Reading the body failed (the connection broke): answers 400 if nothing was answered yet. */
    public void fail() {
        settle(endpoint.unreadable(start));
    }

    void refuse(HookHttpResponse refusal) {
        state.set(ANSWERED);
        respond.accept(refusal);
    }

    /** Has {@code watchdog} answer 408 at {@code deadlineNanos} unless the body has all arrived by then. */
    void deadline(Watchdog watchdog, long deadlineNanos) {
        BodyDeadline task = new BodyDeadline(watchdog, deadlineNanos);
        deadline = task;
        watchdog.watch(task);
        if (state.get() != READING) {
            watchdog.forget(task);
        }
    }

    private void settle(HookHttpResponse refusal) {
        if (state.compareAndSet(READING, ANSWERED)) {
            cancelDeadline();
            respond.accept(refusal);
        }
    }

    private void answer(HookHttpResponse response) {
        if (state.getAndSet(ANSWERED) != ANSWERED) {
            respond.accept(response);
        }
    }

    private void cancelDeadline() {
        BodyDeadline task = deadline;
        if (task != null) {
            task.watchdog.forget(task);
        }
    }

    /** The body deadline, as the watchdog sees it. */
    private final class BodyDeadline implements Watchdog.Watched {
        private final Watchdog watchdog;
        private final long deadlineNanos;

        BodyDeadline(Watchdog watchdog, long deadlineNanos) {
            this.watchdog = watchdog;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public long deadlineNanos() {
            return deadlineNanos;
        }

        @Override
        public void expire() {
            if (state.compareAndSet(READING, ANSWERED)) {
                respond.accept(endpoint.timedOut(start));
            }
        }
    }
}
