package dev.tokenhook.core.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The issuer's signing keys, fetched over HTTP and cached. An unknown {@code kid} triggers a refresh
 * (key rotation), at most once per {@code minRefreshInterval}, so a flood of forged tokens cannot turn
 * into a flood of JWKS requests. One fetch at a time; callers that arrive during it wait for it, each
 * only until its own deadline, never behind another caller. A fetch has one overall deadline, connect,
 * headers and the whole body together ({@code timeout}): a key endpoint that trickles its body is cut
 * off then, and never more than {@value #MAX_JWKS_BYTES} bytes are held.
 */
final class JwksSource {

    /** The most bytes of a key set or metadata document held. */
    static final int MAX_JWKS_BYTES = 512 * 1024;

    private final URI jwksUri;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;

    private volatile JWKSet keys = new JWKSet();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private Instant lastAttempt = Instant.EPOCH;
    private CompletableFuture<Void> fetching = CompletableFuture.completedFuture(null);

    JwksSource(URI jwksUri, HttpClient http, Duration timeout, Duration minRefreshInterval, Duration maxAge, Clock clock) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.timeout = timeout;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * @param kid the key id from the token header, or null
     * @param deadlineNanos the {@link System#nanoTime()} after which the caller stops waiting for a fetch
     * @return the key, refreshing the set once if it is unknown or stale; empty if the fetch is not done by
     *     the deadline
     */
    Optional<JWK> key(String kid, long deadlineNanos) {
        Optional<JWK> known = find(kid);
        boolean stale = fetchedAt.plus(maxAge).isBefore(clock.instant());
        if (known.isPresent() && !stale) {
            return known;
        }
        CompletableFuture<Void> refresh = refresh();
        try {
            refresh.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Out of time (the fetch goes on for the next caller) or failed: the keys we have decide.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return find(kid);
    }

    private Optional<JWK> find(String kid) {
        JWKSet set = keys;
        if (kid == null) {
            return set.getKeys().size() == 1 ? Optional.of(set.getKeys().get(0)) : Optional.empty();
        }
        return Optional.ofNullable(set.getKeyByKeyId(kid));
    }

    /** @return the fetch in flight, a new one, or a done one when the last attempt is too recent */
    private synchronized CompletableFuture<Void> refresh() {
        if (!fetching.isDone()) {
            return fetching;
        }
        Instant now = clock.instant();
        if (lastAttempt.plus(minRefreshInterval).isAfter(now)) {
            return fetching;
        }
        lastAttempt = now;
        HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, BoundedBody.handler(MAX_JWKS_BYTES));
        // The request timeout only covers the response headers: this cuts a body still trickling in. Run on
        // the JDK's delay thread itself, not on the common pool, which may be busy (parallelism 1 on 2 cores).
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
                .execute(() -> exchange.cancel(true));
        fetching = exchange.thenAccept(response -> {
            if (response.statusCode() == 200) {
                try {
                    keys = JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
                    fetchedAt = now;
                } catch (ParseException e) {
                    // Keep the keys we have; the token is refused if none matches.
                }
            }
        });
        return fetching;
    }
}
