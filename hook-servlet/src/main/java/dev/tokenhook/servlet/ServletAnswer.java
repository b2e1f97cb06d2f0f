package dev.tokenhook.servlet;

import dev.tokenhook.core.http.HookHttpResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends one asynchronous call's answer, from whichever thread has it, without racing the container's thread.
 * The Servlet API's response is not thread-safe, and filters in front of the hook (Spring Security's header
 * writer, for one) still read and write it after the hook's handler returns: an answer written from a rule
 * thread at that moment corrupts it (seen on Tomcat: a {@code NullPointerException} in its header table and
 * the connection closed without an answer, which Okta takes as no answer at all). So the container's thread
 * that runs a call's rules leaves the hook only once the answer is sent ({@link #awaitSent}), and another
 * thread writes only while that thread is still inside the hook: waiting here, or held past the time budget
 * by a rule (the engine's watchdog answers then, and the thread, once the rule lets go, waits for that write to
 * end before it returns to the filters).
 */
final class ServletAnswer {

    private static final long SLACK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final long waitLimitNanos;
    private boolean sent;

    /**
     * @param timeBudget the engine's time budget, by which it answers every call; {@link #awaitSent()} waits
     *     that long and a second more at most
     */
    ServletAnswer(AsyncContext async, HttpServletResponse response, Duration timeBudget) {
        this.async = async;
        this.response = response;
        this.waitLimitNanos = timeBudget.toNanos() + SLACK_NANOS;
    }

    /** Writes the answer and completes the request; called once, on any thread. */
    synchronized void send(HookHttpResponse answer) {
        try {
            write(answer, response);
        } finally {
            sent = true;
            notifyAll();
            async.complete();
        }
    }

    /**
     * Returns once the answer is sent, or a second past the time budget (the engine answers every call within
     * its budget, so only an engine failure meets it), or when this thread is interrupted (the container is
     * stopping; the flag stays set).
     */
    synchronized void awaitSent() {
        long end = System.nanoTime() + waitLimitNanos;
        for (long left = waitLimitNanos; !sent && left > 0; left = end - System.nanoTime()) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes status, headers, length and body, sent at once; a gone client is nobody left to answer. */
    static void write(HookHttpResponse answer, HttpServletResponse response) {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        try {
            response.getOutputStream().write(answer.body());
            // Sent now: a complete() from the watchdog only takes effect once the container's thread,
            // still inside a hung rule, returns (Servlet spec; Tomcat 10.1 holds the bytes until then).
            response.flushBuffer();
        } catch (IOException | IllegalStateException clientGone) {
            // Okta stopped waiting or the connection broke: nobody is left to answer, and no page to render.
        }
    }
}
