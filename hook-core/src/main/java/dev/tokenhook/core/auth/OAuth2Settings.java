package dev.tokenhook.core.auth;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code tokenhook.auth.oauth2.*} settings, shared by every adapter. OAuth 2.0 authentication is
 * on when {@code issuer} is set; it may be combined with the shared secret (any accepted credential
 * passes), e.g. while migrating.
 *
 * @param issuer {@code tokenhook.auth.oauth2.issuer}: the exact {@code iss} of Okta's tokens
 * @param audience {@code tokenhook.auth.oauth2.audience}: a value {@code aud} must contain
 * @param jwksUri {@code tokenhook.auth.oauth2.jwks-uri}: optional, else read from the issuer's metadata
 * @param clientId {@code tokenhook.auth.oauth2.client-id}: optional, {@code cid} must equal it
 * @param scope {@code tokenhook.auth.oauth2.scope}: optional, {@code scp} must contain it
 */
public record OAuth2Settings(String issuer, String audience, String jwksUri, String clientId, String scope) {

    /** Settings with OAuth 2.0 off. */
    public static final OAuth2Settings NONE = new OAuth2Settings(null, null, null, null, null);

    private static final String PREFIX = "tokenhook.auth.oauth2.";

    /**
     * @param lookup returns the value of a full key such as {@code tokenhook.auth.oauth2.issuer}, or null
     * @return the settings
     */
    public static OAuth2Settings fromProperties(Function<String, String> lookup) {
        return new OAuth2Settings(value(lookup, "issuer"), value(lookup, "audience"), value(lookup, "jwks-uri"),
                value(lookup, "client-id"), value(lookup, "scope"));
    }

    private static String value(Function<String, String> lookup, String key) {
        String value = lookup.apply(PREFIX + key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return whether OAuth 2.0 authentication is configured */
    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    /**
     * @return the authenticator these settings describe, empty when OAuth 2.0 is off
     * @throws IllegalStateException if the settings are incomplete or nimbus-jose-jwt is missing
     */
    public Optional<HookAuthenticator> authenticator() {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            Class.forName("com.nimbusds.jwt.SignedJWT", false, OAuth2Settings.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("tokenhook.auth.oauth2.* needs com.nimbusds:nimbus-jose-jwt on the "
                    + "classpath: add it as a dependency");
        }
        OAuth2BearerAuthenticator.Builder builder = OAuth2BearerAuthenticator.builder()
                .issuer(issuer).audience(audience).clientId(clientId).scope(scope);
        if (jwksUri != null && !jwksUri.isBlank()) {
            builder.jwksUri(URI.create(jwksUri.trim()));
        }
        return Optional.of(builder.build());
    }
}
