package dev.tokenhook.testkit;

import dev.tokenhook.core.TokenHookRequest;

/**
 * One OAuth flow that reaches a token inline hook, with the request fixture that represents it (Okta's
 * presence matrix by flow: which of session, user, ID token, access token and refresh token id Okta
 * sends).
 *
 * <pre>{@code
 * for (Flow flow : Flow.values()) {
 *     HookResult result = hook.process(flow.request());
 *     ...
 * }
 * }</pre>
 */
public enum Flow {

    /**
     * Authorization code flow, called at {@code /authorize} ({@code response_type=code}, no
     * {@code grant_type}): session, user {@code isaac.brock@example.com}, ID and access tokens, and a
     * refresh token id ({@code offline_access}).
     */
    AUTHORIZATION_CODE("request-authorization-code"),

    /**
     * Implicit flow, called at {@code /authorize} ({@code response_type=token id_token}): Okta's own
     * documentation sample, with session, user, ID and access tokens.
     */
    IMPLICIT("request-doc-sample-implicit"),

    /**
     * Client credentials, called at {@code /token}: no user, no session, no ID token; the access token's
     * {@code sub} is the client id.
     */
    CLIENT_CREDENTIALS("request-client-credentials"),

    /**
     * Refresh-token grant at {@code /token} in Okta's current shape: {@code protocol.OriginalGrant} with
     * the original {@code authorization} parameters and {@code refresh_token.jti}; user present, no
     * session; ID and access tokens.
     */
    REFRESH_TOKEN("request-refresh-token"),

    /**
     * Refresh-token grant in the older shape: lowercase {@code originalGrant} with a {@code request}
     * child. The original scope had no {@code openid}, so only an access token is minted; the refresh
     * token was rotated, so {@code data.refresh_token.jti} differs from the original grant's.
     */
    REFRESH_TOKEN_LEGACY("request-refresh-token-legacy"),

    /**
     * A request as the Admin Console's Preview tab generates it: placeholder ids, an access token but no
     * {@code identity} (Okta's own guide had to add one by hand), no session.
     */
    PREVIEW_WITHOUT_IDENTITY("request-preview-without-identity"),

    /**
     * Authorization code flow whose tokens carry a {@code groups} claim, an object claim
     * ({@code employee_profile}) and an array claim ({@code preferred_airports}), for nested and array
     * operations.
     */
    GROUPS_AND_OBJECT_CLAIMS("request-with-groups-claim"),

    /**
     * Authorization code flow whose tokens carry claims named by URLs and names containing {@code ~} and
     * {@code /}, at the top level and as object members, for JSON-Pointer escaping.
     */
    URL_NAMED_CLAIMS("request-url-named-claims");

    private final String fixtureName;

    Flow(String fixtureName) {
        this.fixtureName = fixtureName;
    }

    /** @return the request fixture's name, for {@link Fixtures#bytes(String)} */
    public String fixtureName() {
        return fixtureName;
    }

    /** @return the request body, a fresh copy */
    public byte[] bytes() {
        return Fixtures.bytes(fixtureName);
    }

    /** @return the decoded request */
    public TokenHookRequest request() {
        return Fixtures.request(fixtureName);
    }
}
