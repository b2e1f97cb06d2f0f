package dev.tokenhook.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The access token being minted ({@code data.access}).
 *
 * @param claims the claims, read-only
 * @param lifetime the lifetime, if Okta sent it
 * @param scopes the scopes granted in this token, by name
 */
public record AccessToken(Map<String, Object> claims, Optional<Duration> lifetime, Map<String, GrantedScope> scopes)
        implements MintedToken {

    /** Makes the maps read-only. */
    public AccessToken {
        claims = Values.readOnlyMap(claims);
        lifetime = lifetime == null ? Optional.empty() : lifetime;
        scopes = Values.readOnlyMap(scopes);
    }

    @Override
    public TokenType type() {
        return TokenType.ACCESS_TOKEN;
    }
}
