package dev.tokenhook.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuth2BearerAuthenticatorTest {

    private static final String AUDIENCE = "api://token-hook";
    private static final String CLIENT = "0oahookclient";
    private static final String SCOPE = "okta.hooks.token";

    private static RSAKey current;
    private static RSAKey next;
    private static RSAKey attacker;

    private HttpServer server;
    private String issuer;
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger jwksHits = new AtomicInteger();
    private volatile long stallMillis;

    @BeforeAll
    static void keys() throws JOSEException {
        current = new RSAKeyGenerator(2048).keyID("k1").generate();
        next = new RSAKeyGenerator(2048).keyID("k2").generate();
        attacker = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    @BeforeEach
    void startIssuer() throws IOException {
        published.set(new JWKSet(current.toPublicJWK()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/hooks/v1/keys", exchange -> {
            jwksHits.incrementAndGet();
            sleep(stallMillis);
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/oauth2/hooks/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/v1/keys\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/hooks";
    }

    @AfterEach
    void stopIssuer() {
        server.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OAuth2BearerAuthenticator.Builder builder() {
        return OAuth2BearerAuthenticator.builder().issuer(issuer).audience(AUDIENCE).clientId(CLIENT).scope(SCOPE)
                .jwksUri(URI.create(issuer + "/v1/keys"));
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).claim("cid", CLIENT)
                .claim("scp", List.of(SCOPE)).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HookHeaders bearer(String token) {
        return HookHeaders.of(Map.of("Authorization", List.of("Bearer " + token)));
    }

    private static AuthResult check(HookAuthenticator authenticator, String token) {
        return authenticator.authenticate(bearer(token));
    }

    @Test
    void validTokenIsAcceptedOnEveryCallUntilItExpires() throws JOSEException {
        OAuth2BearerAuthenticator auth = builder().build();
        String token = sign(current, claims().build());

        assertThat(check(auth, token).authenticated()).isTrue();
        assertThat(check(auth, token).authenticated()).isTrue();
        assertThat(auth.authenticate(HookHeaders.of(Map.of("authorization", List.of("bearer " + token))))
                .authenticated()).isTrue();
        assertThat(jwksHits.get()).isEqualTo(1);
    }

    @Test
    void refusesEveryKindOfBadToken() throws JOSEException {
        OAuth2BearerAuthenticator auth = builder().build();
        Instant past = Instant.now().minus(Duration.ofHours(2));

        Map<String, String> bad = Map.of(
                "forged signature", sign(attacker, claims().build()),
                "wrong issuer", sign(current, claims().issuer("https://evil.example.com").build()),
                "wrong audience", sign(current, claims().audience("api://other").build()),
                "expired", sign(current, claims().expirationTime(Date.from(past)).build()),
                "not yet valid", sign(current, claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()),
                "wrong cid", sign(current, claims().claim("cid", "0oaother").build()),
                "missing scope", sign(current, claims().claim("scp", List.of("other")).build()),
                "unknown kid", sign(new RSAKeyGenerator(2048).keyID("k9").generate(), claims().build()));

        bad.forEach((why, token) -> assertThat(check(auth, token).authenticated()).as(why).isFalse());
    }

    @Test
    void refusesAlgNoneAndHmacSignedWithThePublicKey() throws JOSEException {
        OAuth2BearerAuthenticator auth = builder().build();
        Base64URL header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"k1\"}");
        String none = header + "." + claims().build().toPayload().toBase64URL() + ".";

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        hmac.sign(new MACSigner(current.toPublicJWK().toRSAPublicKey().getEncoded()));

        assertThat(check(auth, none).authenticated()).isFalse();
        assertThat(check(auth, hmac.serialize()).authenticated()).isFalse();
        assertThat(check(auth, hmac.serialize()).detail()).contains("not allowed");
        assertThatThrownBy(() -> builder().algorithms(List.of("HS256"))).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> builder().algorithms(List.of("none"))).hasMessageContaining("not allowed");
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        OAuth2BearerAuthenticator auth = builder().build();

        assertThat(auth.authenticate(HookHeaders.of(Map.of())).authenticated()).isFalse();
        assertThat(auth.authenticate(HookHeaders.of(Map.of("Authorization", List.of("Basic abc")))).authenticated())
                .isFalse();
        assertThat(check(auth, "not.a.jwt").authenticated()).isFalse();
        assertThat(check(auth, "").authenticated()).isFalse();
    }

    @Test
    void rotatedKeyIsAcceptedAfterOneRefresh() throws JOSEException {
        MutableClock clock = new MutableClock();
        OAuth2BearerAuthenticator auth = builder().clock(clock).build();
        assertThat(check(auth, sign(current, claims().build())).authenticated()).isTrue();

        published.set(new JWKSet(List.of(current.toPublicJWK(), next.toPublicJWK())));
        clock.advance(Duration.ofSeconds(6));

        assertThat(check(auth, sign(next, claims().build())).authenticated()).isTrue();
        assertThat(jwksHits.get()).isEqualTo(2);
    }

    @Test
    void unknownKidFloodFetchesTheKeysAtMostOncePerInterval() throws JOSEException {
        OAuth2BearerAuthenticator auth = builder().build();
        String forged = sign(new RSAKeyGenerator(2048).keyID("k7").generate(), claims().build());

        for (int i = 0; i < 20; i++) {
            assertThat(check(auth, forged).authenticated()).isFalse();
        }
        assertThat(jwksHits.get()).isEqualTo(1);
    }

    @Test
    void stallingKeyServerFailsFastInsteadOfHanging() throws JOSEException {
        stallMillis = 2_000;
        OAuth2BearerAuthenticator auth = builder().httpTimeout(Duration.ofMillis(300)).build();

        long start = System.nanoTime();
        AuthResult result = check(auth, sign(current, claims().build()));

        assertThat(result.authenticated()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    /** Headers at once, then the body at 4 bytes/s: the fetch is cut at its overall deadline, not per read. */
    @Test
    void tricklingKeySetIsCutAtTheFetchDeadlineAndNoCallerWaitsBehindAnother() throws Exception {
        server.createContext("/oauth2/hooks/v1/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 100_000);
            try {
                for (int i = 0; i < 100; i++) {
                    exchange.getResponseBody().write(' ');
                    exchange.getResponseBody().flush();
                    sleep(250);
                }
            } catch (IOException hookGaveUp) {
                // expected
            } finally {
                exchange.close();
            }
        });
        OAuth2BearerAuthenticator auth = builder().jwksUri(URI.create(issuer + "/v1/trickle"))
                .httpTimeout(Duration.ofMillis(800)).build();
        String token = sign(current, claims().build());

        long start = System.nanoTime();
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> check(auth, token), runner());
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> auth.authenticate(bearer(token), System.nanoTime() + Duration.ofMillis(300).toNanos()), runner());

        assertThat(second.get().authenticated()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("second caller, own 300 ms deadline")
                .isLessThan(Duration.ofMillis(750));
        assertThat(first.get().authenticated()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("first caller, 800 ms fetch deadline")
                .isLessThan(Duration.ofMillis(2000));
    }

    private static java.util.concurrent.Executor runner() {
        return command -> {
            Thread thread = new Thread(command);
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Test
    void downKeyServerIsRefusedNotCrashed() throws JOSEException {
        OAuth2BearerAuthenticator auth = builder().build();
        server.stop(0);

        assertThat(check(auth, sign(current, claims().build())).authenticated()).isFalse();
    }

    @Test
    void discoversTheKeySetFromTheIssuerMetadata() throws JOSEException {
        OAuth2BearerAuthenticator auth = OAuth2BearerAuthenticator.builder().issuer(issuer).audience(AUDIENCE).build();

        assertThat(check(auth, sign(current, claims().build())).authenticated()).isTrue();
    }

    @Test
    void refusesPlainHttpOutsideLoopbackAndIncompleteSettings() {
        Consumer<OAuth2BearerAuthenticator.Builder> build = OAuth2BearerAuthenticator.Builder::build;
        assertThatThrownBy(() -> build.accept(OAuth2BearerAuthenticator.builder().issuer("https://x.example.com")
                .audience("a").jwksUri(URI.create("http://keys.example.com/keys"))))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> build.accept(OAuth2BearerAuthenticator.builder().audience("a")))
                .hasMessageContaining("tokenhook.auth.oauth2.issuer");
        assertThatThrownBy(() -> build.accept(OAuth2BearerAuthenticator.builder().issuer("https://x.example.com")))
                .hasMessageContaining("tokenhook.auth.oauth2.audience");
    }

    @Test
    void settingsFromPropertiesBuildTheAuthenticator() throws JOSEException {
        OAuth2Settings settings = dev.tokenhook.core.http.TokenHookConfig.fromProperties(Map.of(
                "tokenhook.auth.oauth2.issuer", issuer,
                "tokenhook.auth.oauth2.audience", AUDIENCE,
                "tokenhook.auth.oauth2.jwks-uri", issuer + "/v1/keys",
                "tokenhook.auth.oauth2.client-id", CLIENT,
                "tokenhook.auth.oauth2.scope", SCOPE)).oauth2();

        HookAuthenticator auth = settings.authenticator().orElseThrow();

        assertThat(check(auth, sign(current, claims().build())).authenticated()).isTrue();
        assertThat(check(auth, sign(current, claims().claim("cid", "x").build())).authenticated()).isFalse();
        assertThat(OAuth2Settings.NONE.authenticator()).isEmpty();
    }

    @Test
    void endpointFromConfigurationAcceptsTheBearerTokenAlongsideTheSharedSecret() throws JOSEException {
        dev.tokenhook.core.http.TokenHookConfig config = dev.tokenhook.core.http.TokenHookConfig.fromProperties(Map.of(
                "tokenhook.auth.header.secrets", "Basic c2hhcmVkOnNlY3JldA==",
                "tokenhook.auth.oauth2.issuer", issuer,
                "tokenhook.auth.oauth2.audience", AUDIENCE)::get);
        String body = "{\"data\":{}}";
        try (dev.tokenhook.core.http.TokenHookEndpoint endpoint = config.endpoint(List.of())) {
            for (Map.Entry<String, Integer> call : Map.of(
                    "Bearer " + sign(current, claims().build()), 200,
                    "Basic c2hhcmVkOnNlY3JldA==", 200,
                    "Bearer " + sign(attacker, claims().build()), 401).entrySet()) {
                int status = endpoint.handle(dev.tokenhook.core.http.HookHttpRequest.of("POST", Map.of(
                        "Authorization", List.of(call.getKey()), "Content-Type", List.of("application/json")),
                        body.getBytes(StandardCharsets.UTF_8))).status();
                assertThat(status).isEqualTo(call.getValue());
            }
        }
    }

    /** A clock tests move forward by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
