package dev.tokenhook.core.http;

import dev.tokenhook.core.BodyTooLargeException;
import dev.tokenhook.core.RequestDecodingException;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.auth.AuthResult;
import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.patch.HookError;
import dev.tokenhook.core.patch.TokenHookResponse;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import dev.tokenhook.core.rule.TokenHook;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole HTTP behaviour of a token inline hook, without HTTP: adapters pass method, headers and
 * body in and write status, headers and body out. Checks, in order: method ({@code POST}, else 405),
 * authentication (401, no detail), content type ({@code application/json}, else 415), size (413),
 * decoding (400 with a short JSON reason), then the rules (200 with the answer; {@code {}} for no
 * change). Every response is JSON with {@code Cache-Control: no-store}; none echoes the request or
 * carries a stack trace. Two forms: {@link #handle(HookHttpRequest)} returns the answer (rules on rule
 * threads, the caller waits); {@link #handle(HookHttpRequest, Consumer)} runs the rules on the calling
 * thread and answers through a callback, from the engine's watchdog at the deadline if they hang, for
 * adapters that can answer from another thread. Thread-safe; closing it closes its {@link TokenHook}.
 */
public final class TokenHookEndpoint implements AutoCloseable {

    private static final Map<String, String> JSON_HEADERS = Map.of(
            "Content-Type", "application/json",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");
    private static final Map<String, String> NOT_ALLOWED_HEADERS = Map.of(
            "Content-Type", "application/json",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "Allow", "POST");

    private final TokenHook hook;
    private final HookAuthenticator authenticator;
    private final int maxBodySize;
    private final ExchangeRecorder log;

    private TokenHookEndpoint(Builder builder) {
        this.hook = builder.hook;
        this.authenticator = builder.authenticator;
        this.maxBodySize = builder.maxBodySize;
        this.log = new ExchangeRecorder(builder.listeners);
    }

    /**
     * @param hook the rules engine
     * @return a builder; set an authenticator, or explicitly allow unauthenticated calls
     */
    public static Builder builder(TokenHook hook) {
        return new Builder(hook);
    }

    /** @return the largest body accepted, in bytes */
    public int maxBodySize() {
        return maxBodySize;
    }

    /** @return the rules engine */
    public TokenHook hook() {
        return hook;
    }

    /**
     * Handles one hook call and returns the answer. The rules run on rule threads while this thread
     * waits, so the answer is ready by the deadline even when a rule hangs. Never throws; every outcome
     * is a response.
     *
     * @param request what the adapter received
     * @return what the adapter must send
     */
    public HookHttpResponse handle(HookHttpRequest request) {
        long start = System.nanoTime();
        Admission admission = admit(request, start);
        if (admission.refusal != null) {
            return admission.refusal;
        }
        HookResult result;
        try {
            result = hook.process(admission.request, start + hook.timeBudget().toNanos());
        } catch (RuntimeException | Error e) {
            return engineFailure(admission.request, start, e);
        }
        return answered(admission.request, start, result);
    }

    /**
     * Handles one hook call and passes the answer to {@code respond}, exactly once, by the deadline. This
     * thread runs the rules itself (the first blocking one, and the non-blocking ones), so a quick call
     * costs no thread hand-off and is answered on this thread before this method returns. If the rules
     * outlive the time budget, the engine's watchdog thread answers at the deadline and interrupts them,
     * and this method returns when this thread's rule does. For adapters that can send the answer from
     * another thread: a Servlet after {@code startAsync()}, a reactive response. Never throws.
     *
     * @param request what the adapter received
     * @param respond sends the answer; called on this thread, a rule thread or the watchdog thread, must
     *     not block on anything but writing the answer
     */
    public void handle(HookHttpRequest request, Consumer<HookHttpResponse> respond) {
        Objects.requireNonNull(respond, "respond");
        long start = System.nanoTime();
        Admission admission = admit(request, start);
        if (admission.refusal != null) {
            respond.accept(admission.refusal);
            return;
        }
        TokenHookRequest hookRequest = admission.request;
        AtomicBoolean answered = new AtomicBoolean();
        try {
            hook.process(hookRequest, start + hook.timeBudget().toNanos(), (result, error) -> {
                if (answered.compareAndSet(false, true)) {
                    respond.accept(error == null ? answered(hookRequest, start, result)
                            : engineFailure(hookRequest, start, error));
                }
            });
        } catch (RuntimeException | Error e) {
            if (answered.compareAndSet(false, true)) {
                respond.accept(engineFailure(hookRequest, start, e));
            }
        }
    }

    /** A call that passed every check up to decoding, or the answer refusing it. */
    private record Admission(TokenHookRequest request, HookHttpResponse refusal) {
    }

    private Admission admit(HookHttpRequest request, long start) {
        if (!"POST".equals(request.method().toUpperCase(Locale.ROOT))) {
            return refused(log.refused(start, HookOutcome.REJECTED, "method not allowed", new HookHttpResponse(405,
                    NOT_ALLOWED_HEADERS, Reasons.json("Only POST is allowed"))));
        }
        if (authenticator != null) {
            AuthResult auth = authenticator.authenticate(request.headers());
            if (!auth.authenticated()) {
                return refused(log.refused(start, HookOutcome.UNAUTHENTICATED, auth.detail(), reply(401, "Unauthorized")));
            }
        }
        if (!isJson(request.headers().first("Content-Type"))) {
            return refused(log.refused(start, HookOutcome.REJECTED, "unsupported content type",
                    reply(415, "Content-Type must be application/json")));
        }
        long declaredLength = declaredLength(request.headers().first("Content-Length"));
        if (declaredLength > maxBodySize) {
            return tooLarge(start);
        }
        try {
            return new Admission(TokenHookRequest.fromJson(request.body(), maxBodySize), null);
        } catch (BodyTooLargeException e) {
            return tooLarge(start);
        } catch (IOException e) {
            return refused(log.refused(start, HookOutcome.REJECTED, "body unreadable", reply(400, "Body could not be read")));
        } catch (RequestDecodingException e) {
            return refused(log.refused(start, HookOutcome.REJECTED, "undecodable body", reply(400, e.getMessage())));
        }
    }

    private static Admission refused(HookHttpResponse refusal) {
        return new Admission(null, refusal);
    }

    private Admission tooLarge(long start) {
        return refused(log.refused(start, HookOutcome.REJECTED, "body too large",
                reply(413, "Body exceeds " + maxBodySize + " bytes")));
    }

    private HookHttpResponse answered(TokenHookRequest request, long start, HookResult result) {
        HookHttpResponse response = new HookHttpResponse(200, JSON_HEADERS, result.response().toJson());
        return log.answered(start, request, result, response);
    }

    /** An engine bug, not a rule failure (those are isolated): answers what the policy deems safe. */
    private HookHttpResponse engineFailure(TokenHookRequest request, long start, Throwable error) {
        TokenHookResponse safe = hook.failurePolicy() == RuleFailurePolicy.DENY
                ? TokenHookResponse.deny(HookError.of(TokenHook.FAILURE_DENIAL_SUMMARY), Map.of())
                : TokenHookResponse.noChange();
        return log.engineFailure(start, request, error, new HookHttpResponse(200, JSON_HEADERS, safe.toJson()));
    }

    private static HookHttpResponse reply(int status, String reason) {
        return new HookHttpResponse(status, JSON_HEADERS, Reasons.json(reason));
    }

    /** {@code application/json}, optionally with {@code charset=utf-8}; any other charset is refused. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (contentType.equalsIgnoreCase("application/json") || contentType.equalsIgnoreCase("application/json; charset=utf-8")) {
            return true; // what Okta sends, without splitting and lower-casing a copy per call
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].trim().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "").trim();
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Closes the rules engine and its executor. */
    @Override
    public void close() {
        hook.close();
    }

    /** Configures a {@link TokenHookEndpoint}. */
    public static final class Builder {
        private final TokenHook hook;
        private HookAuthenticator authenticator;
        private boolean unauthenticatedAllowed;
        private int maxBodySize = TokenHookConfig.DEFAULT_MAX_BODY_SIZE;
        private final List<HookListener> listeners = new ArrayList<>();

        private Builder(TokenHook hook) {
            this.hook = Objects.requireNonNull(hook, "hook");
        }

        /**
         * @param authenticator decides whether a call comes from Okta
         * @return this builder
         */
        public Builder authenticator(HookAuthenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * Accepts calls without authentication. Only for tests or a network where nothing but Okta can
         * reach the endpoint; anyone who can call it can otherwise shape your tokens' claims.
         *
         * @return this builder
         */
        public Builder allowUnauthenticated() {
            this.unauthenticatedAllowed = true;
            return this;
        }

        /**
         * @param bytes the largest body accepted; at most 4 MiB
         * @return this builder
         */
        public Builder maxBodySize(int bytes) {
            if (bytes < 1 || bytes > TokenHookRequest.MAX_DOCUMENT_BYTES) {
                throw new IllegalArgumentException("max-body-size must be between 1 and " + TokenHookRequest.MAX_DOCUMENT_BYTES
                        + " bytes, was " + bytes);
            }
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * @param listener told about every handled call (metrics, health); fast and non-blocking
         * @return this builder
         */
        public Builder listener(HookListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @return the endpoint
         * @throws MissingAuthenticationException when no authenticator is set and unauthenticated calls were not
         *     allowed
         */
        public TokenHookEndpoint build() {
            if (authenticator == null && !unauthenticatedAllowed) {
                throw new MissingAuthenticationException();
            }
            if (authenticator != null && unauthenticatedAllowed) {
                throw new IllegalStateException("Both an authenticator and allowUnauthenticated() were set; choose one");
            }
            return new TokenHookEndpoint(this);
        }
    }
}
