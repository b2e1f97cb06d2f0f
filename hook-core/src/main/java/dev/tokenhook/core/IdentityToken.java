package dev.tokenhook.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The ID token being minted ({@code data.identity}).
 *
 * @param claims the claims, read-only
 * @param lifetime the lifetime, if Okta sent it
 */
public record IdentityToken(Map<String, Object> claims, Optional<Duration> lifetime) implements MintedToken {

    /** Checks the components are present. */
    public IdentityToken {
        claims = Values.readOnlyMap(claims);
        lifetime = lifetime == null ? Optional.empty() : lifetime;
    }

    @Override
    public TokenType type() {
        return TokenType.ID_TOKEN;
    }
}
