/**
 * Test kit for services built on tokenhook: the catalogue of Okta token inline hook payloads.
 *
 * <p>{@link dev.tokenhook.testkit.Fixtures} gives the raw bytes of every request and response fixture
 * and decodes request fixtures; {@link dev.tokenhook.testkit.Flow} names one request per OAuth flow
 * (authorization code, implicit, client credentials, refresh token in both of Okta's shapes, a Preview
 * request without an ID token, ...). Responses are the bodies Okta documents as valid answers.
 *
 * <pre>{@code
 * TokenHookRequest request = Flow.REFRESH_TOKEN.request();
 * byte[] body = Fixtures.bytes("response-add-identity-claim");
 * }</pre>
 *
 * <p>The payloads follow Okta's published samples and schema (see the project's copy of Okta's
 * contract); the ones without a captured original are reconstructed and use {@code example.com}
 * domains, documentation IP ranges and made-up ids.
 */
package dev.tokenhook.testkit;
