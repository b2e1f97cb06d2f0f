package dev.tokenhook.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth 2.0 request parameters Okta reports ({@code protocol.request}, or the original grant's
 * {@code authorization}). Every parameter is optional; space-separated lists are exposed as sets.
 *
 * @param parameters every parameter as a string, read-only, in the order Okta sent them
 */
public record ProtocolRequest(Map<String, String> parameters) {

    /** No parameters. */
    public static final ProtocolRequest EMPTY = new ProtocolRequest(Map.of());

    /** Makes the map read-only. */
    public ProtocolRequest {
        parameters = Values.readOnlyMap(parameters);
    }

    /**
     * @param name a parameter name, e.g. {@code redirect_uri}
     * @return its value, if sent
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** @return {@code grant_type}, sent on {@code /token} calls */
    public Optional<String> grantType() {
        return parameter("grant_type");
    }

    /** @return {@code client_id} */
    public Optional<String> clientId() {
        return parameter("client_id");
    }

    /** @return the requested scopes ({@code scope}, space-separated), in order */
    public Set<String> scopes() {
        return split(parameters.get("scope"));
    }

    /** @return the requested response types ({@code response_type}, space-separated), e.g. {@code token id_token} */
    public Set<String> responseTypes() {
        return split(parameters.get("response_type"));
    }

    private static Set<String> split(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(value.trim().split("\\s+")).forEach(items::add);
        return Collections.unmodifiableSet(items);
    }
}
