package dev.tokenhook.core;

import java.util.Map;
import java.util.Optional;

/**
 * {@code data.context.user.profile}.
 *
 * @param login the user's login (usually an email address)
 * @param firstName first name
 * @param lastName last name
 * @param locale locale, e.g. {@code en_US}
 * @param timeZone time zone, e.g. {@code America/New_York}
 * @param attributes every profile attribute Okta sent, including the ones above, read-only
 */
public record UserProfile(
        String login, String firstName, String lastName, String locale, String timeZone, Map<String, Object> attributes) {

    /** An empty profile. */
    public static final UserProfile EMPTY = new UserProfile(null, null, null, null, null, Map.of());

    /** Makes the attributes read-only. */
    public UserProfile {
        attributes = Values.readOnlyMap(attributes);
    }

    /**
     * @param name a profile attribute name
     * @return its value, if sent
     */
    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
