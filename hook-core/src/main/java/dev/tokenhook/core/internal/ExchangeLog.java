package dev.tokenhook.core.internal;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.RuleOutcome;
import dev.tokenhook.core.rule.RuleStatus;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * One log line per hook call, through {@link System.Logger} (logger {@code dev.tokenhook}): eventId,
 * status, outcome, rule counts and duration; one more line per failed rule with its name and the
 * exception class. Never a claim value, a secret, a header or a body.
 *
 * <p>Why {@code System.Logger}: hook-core must not force a logging library on its users. The JDK
 * routes it to {@code java.util.logging} by default, which Spring Boot bridges to its logging system;
 * {@code slf4j-jdk-platform-logging} or {@code log4j-jpl} route it to SLF4J or Log4j directly.
 */
public final class ExchangeLog {

    private static final Logger LOG = System.getLogger("dev.tokenhook");
    private static final int MAX_EVENT_ID = 64;

    /**
     * @param start when the call started ({@link System#nanoTime()})
     * @param status the status sent
     * @param response the response
     * @return the response
     */
    public HookHttpResponse rejected(long start, int status, HookHttpResponse response) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, "tokenhook status=" + status + " outcome=rejected durationMs=" + millis(start));
        }
        return response;
    }

    /**
     * @param start when the call started
     * @param detail why authentication failed (no secret)
     * @param response the 401 response
     * @return the response
     */
    public HookHttpResponse unauthenticated(long start, String detail, HookHttpResponse response) {
        LOG.log(Level.WARNING, "tokenhook status=401 outcome=unauthenticated reason=\"" + detail + "\" durationMs="
                + millis(start));
        return response;
    }

    /**
     * @param start when the call started
     * @param eventId the request's eventId
     * @param error what the engine threw
     * @param response the safe response sent instead
     * @return the response
     */
    public HookHttpResponse engineFailure(long start, String eventId, Throwable error, HookHttpResponse response) {
        LOG.log(Level.ERROR, "tokenhook eventId=" + safe(eventId) + " status=200 outcome=engine-failure error="
                + error.getClass().getName() + " durationMs=" + millis(start));
        return response;
    }

    /**
     * @param start when the call started
     * @param request the decoded request
     * @param result what the engine did
     * @param response the 200 response
     * @return the response
     */
    public HookHttpResponse answered(long start, TokenHookRequest request, HookResult result, HookHttpResponse response) {
        String eventId = safe(request.eventId());
        for (RuleOutcome rule : result.rules()) {
            if (rule.status().isFailure()) {
                LOG.log(Level.WARNING, "tokenhook eventId=" + eventId + " rule=" + rule.rule() + " status="
                        + rule.status() + " reason=\"" + rule.reason() + "\" durationMs=" + rule.duration().toMillis());
            }
        }
        if (LOG.isLoggable(Level.INFO)) {
            String outcome = result.response().isDenied() ? "denied"
                    : result.response().isNoChange() ? "no-change" : "patched";
            LOG.log(Level.INFO, "tokenhook eventId=" + eventId + " status=200 outcome=" + outcome
                    + " applied=" + result.count(RuleStatus.APPLIED)
                    + " failed=" + result.count(RuleStatus.FAILED)
                    + " rejected=" + result.count(RuleStatus.REJECTED)
                    + " timedOut=" + result.count(RuleStatus.TIMED_OUT)
                    + " skipped=" + result.count(RuleStatus.SKIPPED)
                    + " durationMs=" + millis(start));
        }
        return response;
    }

    /** Keeps an eventId printable and short: it comes from the caller. */
    static String safe(String eventId) {
        if (eventId == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(eventId.length(), MAX_EVENT_ID));
        for (int i = 0; i < eventId.length() && out.length() < MAX_EVENT_ID; i++) {
            char c = eventId.charAt(i);
            out.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '?');
        }
        return out.toString();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
