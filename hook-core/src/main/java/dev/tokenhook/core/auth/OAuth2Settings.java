package dev.tokenhook.core.auth;

import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import java.net.URI;
import java.util.Optional;
import java.util.List;

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

    /**
     * @param settings the values read by {@link TokenHookSettings#read}
     * @return the {@code tokenhook.auth.oauth2.*} settings among them
     */
    public static OAuth2Settings from(TokenHookSettings settings) {
        return new OAuth2Settings(settings.get(TokenHookKeys.OAUTH2_ISSUER), settings.get(TokenHookKeys.OAUTH2_AUDIENCE),
                settings.get(TokenHookKeys.OAUTH2_JWKS_URI), settings.get(TokenHookKeys.OAUTH2_CLIENT_ID),
                settings.get(TokenHookKeys.OAUTH2_SCOPE));
    }

    /** @return whether OAuth 2.0 authentication is configured */
    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    /**
     * @return the authenticator these settings describe, empty when OAuth 2.0 is off
     * @throws IllegalStateException if the settings are incomplete
     * @throws ConfigException naming {@code tokenhook.auth.oauth2.issuer} if nimbus-jose-jwt is missing: the
     *     one check of it, for every adapter
     */
    public Optional<HookAuthenticator> authenticator() {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            Class.forName("com.nimbusds.jwt.SignedJWT", false, OAuth2Settings.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(List.of(new ConfigException.Problem(TokenHookKeys.OAUTH2_ISSUER.name(), null,
                    "is set, but com.nimbusds:nimbus-jose-jwt, which verifies Okta's tokens, is not on the class path")),
                    "Add the dependency com.nimbusds:nimbus-jose-jwt (version 10.x), or unset "
                            + "tokenhook.auth.oauth2.issuer to authenticate Okta with tokenhook.auth.header.secrets only.");
        }
        OAuth2BearerAuthenticator.Builder builder = OAuth2BearerAuthenticator.builder()
                .issuer(issuer).audience(audience).clientId(clientId).scope(scope);
        if (jwksUri != null && !jwksUri.isBlank()) {
            builder.jwksUri(URI.create(jwksUri.trim()));
        }
        return Optional.of(builder.build());
    }
}
