package dev.tokenhook.core;

/**
 * {@code data.context.protocol.client}: the OAuth client asking for tokens.
 *
 * @param id the client id
 * @param name the application's display name
 * @param type what Okta reports ({@code PUBLIC} even for confidential apps in samples: do not base
 *     security decisions on it)
 */
public record Client(String id, String name, String type) {

    /** A client with nothing known. */
    public static final Client EMPTY = new Client(null, null, null);
}
