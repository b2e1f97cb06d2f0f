package dev.tokenhook.core;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code data.context.protocol}: the OAuth 2.0 request being served.
 *
 * @param type the protocol, {@code OAUTH2.0}
 * @param request the OAuth request parameters
 * @param originalGrant for refresh-token grants, the grant behind the refresh token
 * @param issuerUri the authorization server's issuer ({@code issuer.uri})
 * @param client the OAuth client
 */
public record Protocol(
        String type, ProtocolRequest request, Optional<OriginalGrant> originalGrant, String issuerUri, Client client) {

    /** A protocol with nothing known. */
    public static final Protocol EMPTY =
            new Protocol(null, ProtocolRequest.EMPTY, Optional.empty(), null, Client.EMPTY);

    /** Checks the structured components are present. */
    public Protocol {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(originalGrant, "originalGrant");
        Objects.requireNonNull(client, "client");
    }
}
