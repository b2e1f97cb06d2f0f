package dev.tokenhook.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the authorization server Okta gets hook access tokens from: serves OpenID metadata
 * and a JWKS on a loopback port and mints RS256 access tokens, so OAuth 2.0 hook authentication can be
 * tested without Okta. Set {@code tokenhook.auth.oauth2.issuer} to {@link #issuer()} and
 * {@code tokenhook.auth.oauth2.audience} to {@link #AUDIENCE}, then send
 * {@code Authorization: Bearer} + {@link #accessToken()}. Close it after the test.
 */
public final class TestIssuer implements AutoCloseable {

    /** The audience of the tokens this issuer mints. */
    public static final String AUDIENCE = "api://tokenhook-test";
    /** The {@code cid} of the tokens this issuer mints. */
    public static final String CLIENT_ID = "0oatokenhooktest";
    /** The scope in {@code scp} of the tokens this issuer mints. */
    public static final String SCOPE = "okta.hooks.tokenhook";

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/test";
    }

    /** @return a running issuer on a free loopback port, with a fresh RSA key */
    public static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + System.nanoTime()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(key, server);
            server.createContext("/oauth2/test/.well-known/openid-configuration", exchange -> issuer.reply(exchange,
                    "{\"issuer\":\"" + issuer.issuer + "\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}"));
            server.createContext("/oauth2/test/v1/keys", exchange -> issuer.reply(exchange,
                    new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** @return the issuer URL, {@code iss} of the tokens */
    public String issuer() {
        return issuer;
    }

    /** @return where the signing keys are served */
    public String jwksUri() {
        return issuer + "/v1/keys";
    }

    /** @return the {@code tokenhook.auth.oauth2.*} properties that accept this issuer's tokens */
    public Map<String, String> properties() {
        return Map.of("tokenhook.auth.oauth2.issuer", issuer, "tokenhook.auth.oauth2.audience", AUDIENCE,
                "tokenhook.auth.oauth2.client-id", CLIENT_ID, "tokenhook.auth.oauth2.scope", SCOPE);
    }

    /** @return a valid access token for one hour, as Okta would send it after {@code Bearer } */
    public String accessToken() {
        return accessToken(Map.of());
    }

    /**
     * @param overrides claims to set or change (e.g. {@code aud}, {@code cid}), for negative tests
     * @return a signed access token
     */
    public String accessToken(Map<String, Object> overrides) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(AUDIENCE).subject(CLIENT_ID)
                .claim("cid", CLIENT_ID).claim("scp", List.of(SCOPE))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        overrides.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
        return jwt.serialize();
    }

    /** Stops serving the keys. */
    @Override
    public void close() {
        server.stop(0);
    }
}
