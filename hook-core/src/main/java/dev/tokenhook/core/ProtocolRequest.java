package dev.tokenhook.core;

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
        // Splits at runs of the characters regex \s matches, without a regex: this runs on every call.
        String trimmed = value.trim();
        Set<String> items = new LinkedHashSet<>();
        if (trimmed.isEmpty()) {
            items.add(""); // only control characters: what "".split(...) gives, as before
        }
        int start = -1;
        for (int i = 0; i <= trimmed.length(); i++) {
            if (i == trimmed.length() || isSpace(trimmed.charAt(i))) {
                if (start >= 0) {
                    items.add(trimmed.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return Collections.unmodifiableSet(items);
    }

    /** The characters of regex {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
