package dev.tokenhook.core;

import java.util.Map;
import java.util.Objects;

/**
 * {@code data.context.user}: the user the tokens are minted for.
 *
 * @param id the user's Okta id
 * @param passwordChanged when the password last changed, as sent
 * @param profile the user's profile
 * @param links {@code _links} by name to their {@code href} (e.g. {@code groups}, {@code factors})
 */
public record User(String id, String passwordChanged, UserProfile profile, Map<String, String> links) {

    /** Checks the components and makes the map read-only. */
    public User {
        Objects.requireNonNull(profile, "profile");
        links = Values.readOnlyMap(links);
    }
}
