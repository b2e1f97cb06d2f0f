package dev.tokenhook.core;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code data.context.protocol.OriginalGrant}: on a refresh-token grant, the request that first
 * issued the refresh token.
 *
 * @param authorization the original request parameters (Okta's {@code authorization}, formerly
 *     {@code request})
 * @param refreshTokenJti the id of the refresh token being used, if sent
 */
public record OriginalGrant(ProtocolRequest authorization, Optional<String> refreshTokenJti) {

    /** Checks the components are present. */
    public OriginalGrant {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(refreshTokenJti, "refreshTokenJti");
    }
}
