package dev.tokenhook.core.http;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.RuleNote;
import dev.tokenhook.core.rule.RuleOutcome;
import dev.tokenhook.core.rule.RuleStatus;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns each handled call into one {@link HookEvent}: logs it as one line and hands it to the
 * listeners. The log goes through {@link System.Logger} (logger {@code dev.tokenhook}): eventId,
 * status, outcome, rule counts and duration, plus one line per failed rule with its name and the
 * exception class, plus the rules' {@linkplain RuleOutcome#notes() notes} (e.g. {@code patients:timed-out:unknown})
 * when any of them reports a stale or unknown answer. Never a claim value, a secret, a header or a body.
 *
 * <p>Levels: a clean success (outcome {@code patched} or {@code no-change}, every rule applied or wrote
 * nothing) at {@link Level#DEBUG}, since under load that line alone costs several percent of CPU; a
 * denial, or an answer after any rule failed, was rejected, timed out or was skipped, or got a stale or unknown
 * answer from a data source, at
 * {@link Level#INFO}; a refused request (4xx) at {@link Level#INFO}, except 401 at {@link Level#WARNING};
 * each failed rule's own line at {@link Level#WARNING}; an engine failure at {@link Level#ERROR}. A
 * line is only built when its level is enabled.
 *
 * <p>Why {@code System.Logger}: hook-core must not force a logging library on its users. The JDK
 * routes it to {@code java.util.logging} by default, which Spring Boot bridges to its logging system;
 * {@code slf4j-jdk-platform-logging} or {@code log4j-jpl} route it to SLF4J or Log4j directly.
 */
final class ExchangeRecorder {

    private static final Logger LOG = System.getLogger("dev.tokenhook");
    private static final int MAX_EVENT_ID = 64;

    private final List<HookListener> listeners;

    /**
     * @param listeners called once per call, in order
     */
    ExchangeRecorder(List<HookListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * @param start when the call started ({@link System#nanoTime()})
     * @param outcome {@link HookOutcome#REJECTED} or {@link HookOutcome#UNAUTHENTICATED}
     * @param detail why, for the log (no secret, no input)
     * @param response the 4xx response
     * @return the response
     */
    HookHttpResponse refused(long start, HookOutcome outcome, String detail, HookHttpResponse response) {
        HookEvent event = new HookEvent(Optional.empty(), response.status(), outcome, List.of(), Optional.empty(),
                Set.of(), since(start));
        Level level = outcome == HookOutcome.UNAUTHENTICATED ? Level.WARNING : Level.INFO;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "tokenhook status=" + event.status() + " outcome=" + outcome.tag() + " reason=\"" + detail
                    + "\" durationMs=" + event.duration().toMillis());
        }
        publish(event);
        return response;
    }

    /**
     * @param start when the call started
     * @param request the decoded request
     * @param error what the engine threw
     * @param response the safe response sent instead
     * @return the response
     */
    HookHttpResponse engineFailure(long start, TokenHookRequest request, Throwable error,
            HookHttpResponse response) {
        HookEvent event = new HookEvent(Optional.ofNullable(request.eventId()), response.status(),
                HookOutcome.ENGINE_FAILURE, List.of(), request.grantType(), minted(request), since(start),
                request.ignoredFields());
        LOG.log(Level.ERROR, "tokenhook eventId=" + safe(request.eventId()) + " status=200 outcome="
                + event.outcome().tag() + " error=" + error.getClass().getName() + " durationMs="
                + event.duration().toMillis());
        publish(event);
        return response;
    }

    /**
     * @param start when the call started
     * @param request the decoded request
     * @param result what the engine did
     * @param response the 200 response
     * @return the response
     */
    HookHttpResponse answered(long start, TokenHookRequest request, HookResult result,
            HookHttpResponse response) {
        HookOutcome outcome = result.response().isDenied() ? HookOutcome.DENIED
                : result.response().isNoChange() ? HookOutcome.NO_CHANGE : HookOutcome.PATCHED;
        Duration duration = since(start);
        boolean ruleFailed = false;
        for (RuleOutcome rule : result.rules()) {
            if (rule.status().isFailure()) {
                ruleFailed = true;
                LOG.log(Level.WARNING, "tokenhook eventId=" + safe(request.eventId()) + " rule=" + rule.rule()
                        + " status=" + rule.status() + " reason=\"" + rule.reason() + "\" durationMs="
                        + rule.duration().toMillis());
            }
        }
        // DEBUG for a clean success; INFO when Okta is told to refuse the token or a rule did not run cleanly.
        boolean degraded = degraded(result);
        Level level = outcome == HookOutcome.DENIED || ruleFailed || degraded ? Level.INFO : Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "tokenhook eventId=" + safe(request.eventId()) + " status=200 outcome=" + outcome.tag()
                    + " applied=" + result.count(RuleStatus.APPLIED)
                    + " failed=" + result.count(RuleStatus.FAILED)
                    + " rejected=" + result.count(RuleStatus.REJECTED)
                    + " timedOut=" + result.count(RuleStatus.TIMED_OUT)
                    + " skipped=" + result.count(RuleStatus.SKIPPED)
                    + (degraded ? " notes=" + notes(result) : "")
                    + " durationMs=" + duration.toMillis());
        }
        if (!listeners.isEmpty()) {
            publish(new HookEvent(Optional.ofNullable(request.eventId()), response.status(), outcome, result.rules(),
                    request.grantType(), minted(request), duration, request.ignoredFields()));
        }
        return response;
    }

    private static boolean degraded(HookResult result) {
        for (RuleOutcome rule : result.rules()) {
            for (RuleNote note : rule.notes()) {
                if (note.answer().isDegraded()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String notes(HookResult result) {
        StringBuilder line = new StringBuilder();
        for (RuleOutcome rule : result.rules()) {
            for (RuleNote note : rule.notes()) {
                line.append(line.length() == 0 ? "" : ",").append(note);
            }
        }
        return line.toString();
    }

    private void publish(HookEvent event) {
        for (HookListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tokenhook listener " + listener.getClass().getName() + " failed: "
                        + e.getClass().getName());
            }
        }
    }

    private static final Set<TokenType> ID_AND_ACCESS = Set.of(TokenType.ID_TOKEN, TokenType.ACCESS_TOKEN);
    private static final Set<TokenType> ID_ONLY = Set.of(TokenType.ID_TOKEN);
    private static final Set<TokenType> ACCESS_ONLY = Set.of(TokenType.ACCESS_TOKEN);

    /** One of four immutable sets, which {@link HookEvent} keeps without copying. */
    private static Set<TokenType> minted(TokenHookRequest request) {
        boolean id = request.mints(TokenType.ID_TOKEN);
        boolean access = request.mints(TokenType.ACCESS_TOKEN);
        return id && access ? ID_AND_ACCESS : id ? ID_ONLY : access ? ACCESS_ONLY : Set.of();
    }

    /** Keeps an eventId printable and short: it comes from the caller. */
    static String safe(String eventId) {
        if (eventId == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(eventId.length(), MAX_EVENT_ID));
        for (int i = 0; i < eventId.length() && out.length() < MAX_EVENT_ID; i++) {
            char c = eventId.charAt(i);
            out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_') ? c : '?');
        }
        return out.toString();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
