package dev.tokenhook.core.http;

import dev.tokenhook.core.RequestDecodingException;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.auth.AuthResult;
import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.auth.HookHeaders;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.patch.HookError;
import dev.tokenhook.core.patch.TokenHookResponse;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import dev.tokenhook.core.rule.TokenHook;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole HTTP behaviour of a token inline hook, without HTTP: adapters pass method, headers and
 * body in and write status, headers and body out. Checks, in order, before a byte of the body is read:
 * method ({@code POST}, else 405), authentication (401, no detail), content encoding (none or
 * {@code identity}, else 415: nothing is ever inflated), content type ({@code application/json} in
 * UTF-8, else 415), declared length (413); these refusals carry {@code Connection: close}, so the
 * container closes the connection rather than read an unread body. Then the body, within
 * {@link #bodyTimeout()} (408 and {@code Connection: close} if it has not all arrived) and the size limit
 * (413); its bytes must be strict UTF-8 (400; UTF-16 and UTF-32 are 415), checked here whatever the
 * JSON parser would accept; decoding (400 with a short JSON reason), then the rules (200 with the
 * answer; {@code {}} for no change). Every response is JSON with {@code Cache-Control: no-store}; none
 * echoes the request or carries a stack trace. Three forms: {@link #handle(HookHttpRequest)} returns the
 * answer (rules on rule threads, the caller waits); {@link #handle(HookHttpRequest, Consumer)} runs the
 * rules on the calling thread and answers through a callback, from the engine's watchdog at the deadline
 * if they hang; {@link #begin} is for adapters that read the body without blocking (a Servlet
 * {@code ReadListener}, a reactive body), so a slow body holds no thread. Thread-safe; closing it closes
 * its {@link TokenHook}.
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
            "Allow", "POST",
            "Connection", "close");
    private static final Map<String, String> CLOSING_HEADERS = Map.of(
            "Content-Type", "application/json",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "Connection", "close");
    private static final int READ_CHUNK = 8 * 1024;
    /**
     * One read buffer per thread, whose bytes are copied into the call's {@link BodyBuffer} before the read
     * returns: a fresh one per call was 8 KB of the typical call's allocation (benchmarks/README.md).
     */
    private static final ThreadLocal<byte[]> READ_CHUNKS = ThreadLocal.withInitial(() -> new byte[READ_CHUNK]);

    private final TokenHook hook;
    private final HookAuthenticator authenticator;
    private final int maxBodySize;
    private final ExchangeRecorder log;
    /** Fixed with the budget, so a call does not work it out again (issue #18, round 5). */
    private final Duration bodyTimeout;

    private TokenHookEndpoint(Builder builder) {
        this.hook = builder.hook;
        this.authenticator = builder.authenticator;
        this.maxBodySize = builder.maxBodySize;
        this.log = new ExchangeRecorder(builder.listeners);
        this.bodyTimeout = hook.timeBudget().multipliedBy(4).dividedBy(5);
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
     * waits, so the answer is ready by the deadline even when a rule hangs. The body is read from the
     * stream on this thread: a read that blocks cannot be cut, so a body still arriving at the body
     * deadline is only answered 408 once a read returns (non-blocking adapters use {@link #begin}).
     * Never throws; every outcome is a response.
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
     * another thread: a Servlet after {@code startAsync()}, a reactive response. The body is read as in
     * {@link #handle(HookHttpRequest)}. Never throws.
     *
     * @param request what the adapter received
     * @param respond sends the answer; called on this thread, a rule thread or the watchdog thread, must
     *     not block on anything but writing the answer
     */
    public void handle(HookHttpRequest request, Consumer<HookHttpResponse> respond) {
        Objects.requireNonNull(respond, "respond");
        long start = System.nanoTime();
        AtomicBoolean answered = new AtomicBoolean();
        run(start, admit(request, start), response -> {
            if (answered.compareAndSet(false, true)) {
                respond.accept(response);
            }
        });
    }

    /**
     * Starts a call whose body the adapter reads without blocking: checks method, credentials, content
     * encoding, content type and declared length at once (nothing of the body is read before), and
     * either answers (the refusal carries {@code Connection: close}, so the container need not drain an
     * unread body) or returns a call waiting for its body, which must arrive within
     * {@link #bodyTimeout()}. Never throws.
     *
     * @param method the HTTP method
     * @param headers the request headers
     * @param respond sends the answer, exactly once; called on this thread, the adapter's reading thread,
     *     a rule thread or the engine's watchdog (also at the body deadline); must not block on anything
     *     but writing
     * @return the call; feed it the body unless {@link HookCall#wantsBody()} is false
     */
    public HookCall begin(String method, HookHeaders headers, Consumer<HookHttpResponse> respond) {
        Objects.requireNonNull(respond, "respond");
        long start = System.nanoTime();
        Screening screening = screen(method, headers, start);
        HookCall call = new HookCall(this, start, new BodyBuffer(maxBodySize, screening.declaredLength), respond);
        if (screening.refusal != null) {
            call.refuse(screening.refusal);
            return call;
        }
        call.deadline(hook.watchdog(), bodyDeadline(start));
        return call;
    }

    /**
     * @return how long a body may take to arrive once the headers are accepted: four fifths of the time
     *     budget (2 s of the default 2.5 s; Okta sends the body at once, and the margin keeps a loaded
     *     server, whose reading thread runs late, from refusing a body that has already arrived), after
     *     which the call is answered 408
     */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    /** Runs an admitted call's rules and passes the answer on; passes a refusal on as it is. */
    void run(long start, Admission admission, Consumer<HookHttpResponse> respond) {
        if (admission.refusal != null) {
            respond.accept(admission.refusal);
            return;
        }
        TokenHookRequest hookRequest = admission.request;
        try {
            hook.process(hookRequest, start + hook.timeBudget().toNanos(), (result, error) ->
                    respond.accept(error == null ? answered(hookRequest, start, result)
                            : engineFailure(hookRequest, start, error)));
        } catch (RuntimeException | Error e) {
            respond.accept(engineFailure(hookRequest, start, e));
        }
    }

    /** A call that passed every check up to decoding, or the answer refusing it. */
    record Admission(TokenHookRequest request, HookHttpResponse refusal) {
    }

    /** The header checks' outcome: a refusal, or the declared body length (-1 when unknown). */
    private record Screening(HookHttpResponse refusal, long declaredLength) {
    }

    private Admission admit(HookHttpRequest request, long start) {
        Screening screening = screen(request.method(), request.headers(), start);
        if (screening.refusal != null) {
            return refused(screening.refusal);
        }
        long deadline = bodyDeadline(start);
        BodyBuffer body = new BodyBuffer(maxBodySize, screening.declaredLength);
        byte[] chunk = READ_CHUNKS.get();
        try {
            for (int n = request.body().read(chunk); n != -1; n = request.body().read(chunk)) {
                if (!body.append(chunk, 0, n)) {
                    return refused(tooLarge(start));
                }
                if (System.nanoTime() - deadline > 0) {
                    return refused(timedOut(start));
                }
            }
        } catch (IOException e) {
            return refused(unreadable(start));
        }
        return decode(body, start);
    }

    /**
     * Everything decided from method and headers, before a byte of the body is read: 405, 401, 415 for a
     * content encoding or type other than identity JSON in UTF-8, 413 for a declared length over the limit.
     */
    private Screening screen(String method, HookHeaders headers, long start) {
        if (!"POST".equals(method.toUpperCase(Locale.ROOT))) {
            return new Screening(log.refused(start, HookOutcome.REJECTED, "method not allowed", new HookHttpResponse(405,
                    NOT_ALLOWED_HEADERS, Reasons.json("Only POST is allowed"))), -1);
        }
        if (authenticator != null) {
            AuthResult auth = authenticator.authenticate(headers, start + hook.timeBudget().toNanos());
            if (!auth.authenticated()) {
                return new Screening(log.refused(start, HookOutcome.UNAUTHENTICATED, auth.detail(),
                        closing(401, "Unauthorized")), -1);
            }
        }
        if (!isIdentity(headers.values("Content-Encoding"))) {
            return new Screening(log.refused(start, HookOutcome.REJECTED, "content encoding",
                    closing(415, "Content-Encoding is not supported")), -1);
        }
        if (!isJson(headers.first("Content-Type"))) {
            return new Screening(log.refused(start, HookOutcome.REJECTED, "unsupported content type",
                    closing(415, "Content-Type must be application/json")), -1);
        }
        long declaredLength = declaredLength(headers.first("Content-Length"));
        if (declaredLength > maxBodySize) {
            return new Screening(tooLarge(start), -1);
        }
        return new Screening(null, declaredLength);
    }

    /** Checks the bytes' encoding, then decodes them. */
    Admission decode(BodyBuffer body, long start) {
        switch (body.encoding()) {
            case WIDE:
                return refused(log.refused(start, HookOutcome.REJECTED, "not UTF-8",
                        reply(415, "Body must be UTF-8")));
            case INVALID:
                return refused(log.refused(start, HookOutcome.REJECTED, "invalid UTF-8",
                        reply(400, "Body is not valid UTF-8")));
            default:
                break;
        }
        try {
            // from the array the body is already in: the parser reads it in place, no stream, no copy
            return new Admission(TokenHookRequest.fromJson(body.bytes()), null);
        } catch (RequestDecodingException e) {
            return refused(log.refused(start, HookOutcome.REJECTED, "undecodable body", reply(400, e.getMessage())));
        }
    }

    private static Admission refused(HookHttpResponse refusal) {
        return new Admission(null, refusal);
    }

    HookHttpResponse tooLarge(long start) {
        return log.refused(start, HookOutcome.REJECTED, "body too large",
                closing(413, "Body exceeds " + maxBodySize + " bytes"));
    }

    HookHttpResponse timedOut(long start) {
        return log.refused(start, HookOutcome.REJECTED, "body too slow",
                closing(408, "Body did not arrive within " + bodyTimeout().toMillis() + " ms"));
    }

    HookHttpResponse unreadable(long start) {
        return log.refused(start, HookOutcome.REJECTED, "body unreadable", closing(400, "Body could not be read"));
    }

    private long bodyDeadline(long start) {
        long now = System.nanoTime();
        long budgetEnd = start + hook.timeBudget().toNanos();
        long deadline = now + bodyTimeout.toNanos();
        return deadline - budgetEnd > 0 ? budgetEnd : deadline;
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

    /** A refusal that leaves part of the body unread: the connection is closed rather than drained. */
    private static HookHttpResponse closing(int status, String reason) {
        return new HookHttpResponse(status, CLOSING_HEADERS, Reasons.json(reason));
    }

    /** No {@code Content-Encoding}, or only {@code identity}: nothing is ever inflated. */
    private static boolean isIdentity(List<String> contentEncodings) {
        if (contentEncodings == null) {
            return true;
        }
        for (String value : contentEncodings) {
            for (String coding : value.split(",")) {
                if (!coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
                    return false;
                }
            }
        }
        return true;
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

    /**
     * Closes the rules engine, its executor and its watchdog, which answers the calls still waiting for their
     * body (408).
     */
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
