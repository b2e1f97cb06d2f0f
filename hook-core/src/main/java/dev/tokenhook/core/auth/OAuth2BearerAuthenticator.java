package dev.tokenhook.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Okta's OAuth 2.0 hook authentication (SPEC §3.2): Okta obtains an access token from an authorization
 * server and calls the hook with {@code Authorization: Bearer <JWT>}. This authenticator verifies the
 * signature against the issuer's JWKS (fetched within one overall deadline, connect, headers and body
 * together, never past the call's own; cached; refreshed when an unknown {@code kid} appears, at most once
 * per refresh interval), then {@code iss}, {@code aud},
 * {@code exp}/{@code nbf} with a small clock skew, and optionally {@code cid} and {@code scp}. Only
 * asymmetric algorithms are accepted (RS256 by default; never {@code none}, never HMAC). The same token
 * is accepted on every call until it expires, as Okta reuses it. Thread-safe.
 *
 * <p>Needs {@code com.nimbusds:nimbus-jose-jwt} on the classpath (an optional dependency of hook-core).
 */
public final class OAuth2BearerAuthenticator implements HookAuthenticator {

    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final String issuer;
    private final String audience;
    private final String clientId;
    private final String scope;
    private final Set<JWSAlgorithm> algorithms;
    private final Duration clockSkew;
    private final Clock clock;
    private final Duration timeout;
    private final JwksSource keys;

    private OAuth2BearerAuthenticator(Builder b, URI jwksUri) {
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.clientId = b.clientId;
        this.scope = b.scope;
        this.algorithms = Set.copyOf(b.algorithms);
        this.clockSkew = b.clockSkew;
        this.clock = b.clock;
        this.timeout = b.timeout;
        this.keys = new JwksSource(jwksUri, b.http, b.timeout, b.refreshInterval, b.keysMaxAge, b.clock);
    }

    /** @return a builder; issuer and audience are required */
    public static Builder builder() {
        return new Builder();
    }

    /** Authenticates with {@code httpTimeout} as the most a key fetch may hold the call. */
    @Override
    public AuthResult authenticate(HookHeaders headers) {
        return authenticate(headers, System.nanoTime() + timeout.toNanos());
    }

    /**
     * Authenticates by the deadline: a key fetch that has not finished by then (or by {@code httpTimeout},
     * whichever comes first) leaves the call refused, and other calls never wait past their own deadline.
     */
    @Override
    public AuthResult authenticate(HookHeaders headers, long deadlineNanos) {
        List<String> values = headers.values("Authorization");
        if (values == null || values.size() != 1) {
            return AuthResult.failure(values == null || values.isEmpty() ? "no bearer token"
                    : "Authorization sent more than once");
        }
        String value = values.get(0).trim();
        if (value.length() < 7 || !value.substring(0, 7).equalsIgnoreCase("Bearer ")) {
            return AuthResult.failure("Authorization is not a bearer token");
        }
        String token = value.substring(7).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return AuthResult.failure("bearer token empty or too long");
        }
        try {
            return verify(SignedJWT.parse(token), deadlineNanos);
        } catch (ParseException e) {
            return AuthResult.failure("bearer token is not a signed JWT");
        } catch (JOSEException e) {
            return AuthResult.failure("bearer token signature could not be checked");
        }
    }

    private AuthResult verify(SignedJWT jwt, long deadlineNanos) throws ParseException, JOSEException {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!algorithms.contains(alg)) {
            return AuthResult.failure("algorithm " + alg + " not allowed");
        }
        Optional<JWK> key = keys.key(jwt.getHeader().getKeyID(), deadlineNanos);
        if (key.isEmpty()) {
            return AuthResult.failure("no key for kid " + safe(jwt.getHeader().getKeyID()));
        }
        JWSVerifier verifier = verifierFor(key.get(), alg);
        if (verifier == null || !jwt.verify(verifier)) {
            return AuthResult.failure("signature does not verify");
        }
        return checkClaims(jwt.getJWTClaimsSet());
    }

    private static JWSVerifier verifierFor(JWK key, JWSAlgorithm alg) throws JOSEException {
        if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg)) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)) {
            return new ECDSAVerifier(ec);
        }
        return null;
    }

    private AuthResult checkClaims(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            return AuthResult.failure("wrong issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return AuthResult.failure("wrong audience");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.toInstant().plus(clockSkew).isBefore(now)) {
            return AuthResult.failure(exp == null ? "token has no expiry" : "token expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(clockSkew).isAfter(now)) {
            return AuthResult.failure("token not yet valid");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().minus(clockSkew).isAfter(now)) {
            return AuthResult.failure("token issued in the future");
        }
        if (clientId != null && !clientId.equals(claims.getStringClaim("cid"))) {
            return AuthResult.failure("wrong cid");
        }
        if (scope != null && !scopes(claims.getClaim("scp")).contains(scope)) {
            return AuthResult.failure("scope missing");
        }
        return AuthResult.success("bearer token of " + safe(claims.getStringClaim("cid")));
    }

    private static List<String> scopes(Object scp) {
        if (scp instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (scp instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }

    private static String safe(String value) {
        if (value == null) {
            return "-";
        }
        String printable = value.replaceAll("[^A-Za-z0-9._-]", "?");
        return printable.length() > 64 ? printable.substring(0, 64) : printable;
    }

    /** Configures an {@link OAuth2BearerAuthenticator}. */
    public static final class Builder {
        private String issuer;
        private String audience;
        private URI jwksUri;
        private String clientId;
        private String scope;
        private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256);
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofMillis(1000);
        private Duration refreshInterval = Duration.ofSeconds(5);
        private Duration keysMaxAge = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private HttpClient http;

        private Builder() {
        }

        /**
         * @param issuer the exact {@code iss} of the tokens, e.g. {@code https://example.okta.com/oauth2/default}
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /**
         * @param audience a value {@code aud} must contain, e.g. {@code api://token-hook}
         * @return this builder
         */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /**
         * @param jwksUri the issuer's key set; when unset, read from the issuer's metadata
         *     ({@code /.well-known/openid-configuration}, then {@code /.well-known/oauth-authorization-server})
         * @return this builder
         */
        public Builder jwksUri(URI jwksUri) {
            this.jwksUri = jwksUri;
            return this;
        }

        /**
         * @param clientId when set, {@code cid} must equal it (the client Okta uses for the hook)
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = blankToNull(clientId);
            return this;
        }

        /**
         * @param scope when set, {@code scp} must contain it (the custom scope configured on the hook)
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = blankToNull(scope);
            return this;
        }

        /**
         * @param names JWS algorithm names; only RSA, RSA-PSS and EC signatures are accepted
         * @return this builder
         */
        public Builder algorithms(List<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("tokenhook.auth.oauth2.algorithms must not be empty");
            }
            this.algorithms = names.stream().map(n -> {
                JWSAlgorithm alg = JWSAlgorithm.parse(n.trim().toUpperCase(Locale.ROOT));
                if (!ASYMMETRIC.contains(alg)) {
                    throw new IllegalArgumentException("Algorithm " + n + " is not allowed: only RS*, PS* and ES*");
                }
                return alg;
            }).collect(java.util.stream.Collectors.toUnmodifiableSet());
            return this;
        }

        /**
         * @param skew tolerated clock difference for {@code exp}, {@code nbf} and {@code iat}
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /**
         * @param timeout the most a JWKS fetch may take, connect, headers and whole body together (also the
         *     connect and response timeout of the metadata read at start), kept well inside the time budget
         * @return this builder
         */
        public Builder httpTimeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param interval the least time between two JWKS fetches
         * @return this builder
         */
        public Builder refreshInterval(Duration interval) {
            this.refreshInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * @param clock the clock for token times and the JWKS cache (tests)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the authenticator; resolves the JWKS URI from the issuer's metadata if it was not set
         * @throws IllegalStateException if issuer or audience is missing, a URL is not HTTPS (loopback
         *     excepted), or the metadata cannot be read
         */
        public OAuth2BearerAuthenticator build() {
            if (blankToNull(issuer) == null) {
                throw new IllegalStateException("tokenhook.auth.oauth2.issuer must be set");
            }
            if (blankToNull(audience) == null) {
                throw new IllegalStateException("tokenhook.auth.oauth2.audience must be set");
            }
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
            URI keysAt = jwksUri != null ? jwksUri : discover();
            requireSecure(keysAt, "tokenhook.auth.oauth2.jwks-uri");
            return new OAuth2BearerAuthenticator(this, keysAt);
        }

        private URI discover() {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            requireSecure(URI.create(base), "tokenhook.auth.oauth2.issuer");
            for (String suffix : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
                CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(base + suffix)).timeout(timeout).GET().build(), BoundedBody.handler(JwksSource.MAX_JWKS_BYTES));
                try {
                    // One deadline for the whole document: a metadata endpoint that trickles cannot hold the start.
                    HttpResponse<byte[]> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                    if (response.statusCode() == 200) {
                        Object jwks = com.nimbusds.jose.util.JSONObjectUtils.parse(
                                new String(response.body(), StandardCharsets.UTF_8)).get("jwks_uri");
                        if (jwks instanceof String uri) {
                            return URI.create(uri);
                        }
                    }
                } catch (ExecutionException | TimeoutException | ParseException | IllegalArgumentException e) {
                    // try the next well-known document
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    exchange.cancel(true);
                }
            }
            throw new IllegalStateException("Could not read jwks_uri from the metadata of tokenhook.auth.oauth2.issuer; "
                    + "set tokenhook.auth.oauth2.jwks-uri");
        }

        private static void requireSecure(URI uri, String key) {
            String host = uri.getHost() == null ? "" : uri.getHost();
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                    || host.equals("::1");
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !(loopback && "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalStateException(key + " must be an https URL (plain http only on loopback)");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** @return a description for logs: issuer and audience, never a token */
    @Override
    public String toString() {
        return "OAuth2BearerAuthenticator" + Map.of("issuer", issuer, "audience", audience);
    }
}
