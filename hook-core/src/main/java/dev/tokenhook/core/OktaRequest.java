package dev.tokenhook.core;

/**
 * {@code data.context.request}: the HTTP request Okta is serving (its {@code /authorize} or
 * {@code /token} call), not the hook call itself.
 *
 * @param id Okta's request id
 * @param method {@code GET} for {@code /authorize}, {@code POST} for {@code /token}
 * @param url the full URL including the query string ({@code url.value})
 * @param ipAddress the IP address of the OAuth client or browser
 */
public record OktaRequest(String id, String method, String url, String ipAddress) {

    /** A request with nothing known. */
    public static final OktaRequest EMPTY = new OktaRequest(null, null, null, null);
}
