package dev.tokenhook.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A token Okta is about to mint, as sent in the request: its claims and its lifetime. */
public sealed interface MintedToken permits IdentityToken, AccessToken {

    /** @return which token this is */
    TokenType type();

    /** @return the claims Okta computed, read-only; {@code iat}, {@code exp} and {@code scp} are not among them */
    Map<String, Object> claims();

    /** @return the lifetime Okta will give the token, if it said */
    Optional<Duration> lifetime();

    /**
     * @param name a claim name
     * @return the claim's value as a string, if present and a string
     */
    default Optional<String> stringClaim(String name) {
        Object value = claims().get(name);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
