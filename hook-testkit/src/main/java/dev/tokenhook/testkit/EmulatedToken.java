package dev.tokenhook.testkit;

import dev.tokenhook.core.TokenType;
import java.time.Duration;
import java.util.Map;

/**
 * A token as Okta would mint it after applying (or not) the hook's answer.
 *
 * @param type which token
 * @param claims the final claims, read-only
 * @param lifetime the final lifetime
 */
public record EmulatedToken(TokenType type, Map<String, Object> claims, Duration lifetime) {

    /** Makes the claims read-only. */
    public EmulatedToken {
        claims = dev.tokenhook.core.Values.readOnlyMap(claims);
    }
}
