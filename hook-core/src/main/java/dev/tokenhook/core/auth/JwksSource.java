package dev.tokenhook.core.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The issuer's signing keys, fetched over HTTP with short timeouts and cached. An unknown {@code kid}
 * triggers a refresh (key rotation), at most once per {@code minRefreshInterval}, so a flood of forged
 * tokens cannot turn into a flood of JWKS requests. One refresh at a time; callers that arrive during
 * it wait for it instead of starting their own.
 */
final class JwksSource {

    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final URI jwksUri;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;

    private volatile JWKSet keys = new JWKSet();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private Instant lastAttempt = Instant.EPOCH;

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
     * @return the key, refreshing the set once if it is unknown or stale
     */
    Optional<JWK> key(String kid) {
        Optional<JWK> known = find(kid);
        boolean stale = fetchedAt.plus(maxAge).isBefore(clock.instant());
        if (known.isPresent() && !stale) {
            return known;
        }
        refresh();
        return find(kid);
    }

    private Optional<JWK> find(String kid) {
        if (kid == null) {
            return keys.getKeys().size() == 1 ? Optional.of(keys.getKeys().get(0)) : Optional.empty();
        }
        return Optional.ofNullable(keys.getKeyByKeyId(kid));
    }

    private synchronized void refresh() {
        Instant now = clock.instant();
        if (lastAttempt.plus(minRefreshInterval).isAfter(now)) {
            return;
        }
        lastAttempt = now;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(jwksUri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_JWKS_BYTES) {
                return;
            }
            keys = JWKSet.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            fetchedAt = now;
        } catch (IOException | ParseException e) {
            // Keep the keys we have; the token is refused if none matches.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
