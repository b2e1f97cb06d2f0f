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
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Signs emulated tokens as RS256 JWTs with a key made for this minter, so demos and tests can show and
 * verify the tokens Okta would issue. Not Okta's key, not for production.
 */
public final class TokenMinter {

    private final RSAKey key;
    private final Clock clock;

    /** A minter with a fresh 2048-bit RSA key. */
    public TokenMinter() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock the clock for {@code iat} and {@code exp}
     */
    public TokenMinter(Clock clock) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("tokenhook-emulator").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
        this.clock = clock;
    }

    /**
     * @param token the token Okta would mint
     * @return a compact JWS: the token's claims plus {@code iat} and {@code exp} from its lifetime
     */
    public String mint(EmulatedToken token) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        for (Map.Entry<String, Object> claim : token.claims().entrySet()) {
            claims.claim(claim.getKey(), claim.getValue());
        }
        claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(token.lifetime())));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the token", e);
        }
        return jwt.serialize();
    }

    /** @return the public key set that verifies this minter's tokens, as JSON */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }
}
