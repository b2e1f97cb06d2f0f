/**
 * Test kit for token hooks, so a hook can be tested without an Okta org.
 *
 * <ul>
 *   <li>{@link dev.tokenhook.testkit.Fixtures} and {@link dev.tokenhook.testkit.Flow}: the catalogue of
 *       Okta payloads, one request per OAuth flow (authorization code, implicit, client credentials,
 *       refresh token in both of Okta's shapes, a Preview request without an ID token, ...) and the
 *       responses Okta documents as valid;</li>
 *   <li>{@link dev.tokenhook.testkit.TokenHookRequests}: variations of a request, as model and bytes;</li>
 *   <li>{@link dev.tokenhook.testkit.OktaHookCaller} and {@link dev.tokenhook.testkit.OktaEmulator}: call a
 *       hook the way Okta does and apply its answer the way Okta does, with
 *       {@link dev.tokenhook.testkit.TokenHookAssertions} on the result;</li>
 *   <li>{@link dev.tokenhook.testkit.TokenHookAdapterContract}: the wire contract every adapter passes, and
 *       {@link dev.tokenhook.testkit.TokenHookConfigurationContract}: the configuration contract (the same
 *       {@code tokenhook.*} properties bind to the same settings, or fail with the same problems, everywhere),
 *       with {@link dev.tokenhook.testkit.ContractProperties} and {@link dev.tokenhook.testkit.ConfigMetadata}
 *       (the IDE metadata the Spring and Micronaut adapters ship);
 *       {@link dev.tokenhook.testkit.LookupMetricsContract}: the adapters bind the meters of the application's
 *       claim lookups, read over HTTP with {@link dev.tokenhook.testkit.MetricsEndpoint}.</li>
 * </ul>
 *
 * <pre>{@code
 * TokenHookRequest request = Flow.REFRESH_TOKEN.request();
 * byte[] body = Fixtures.bytes("response-add-identity-claim");
 * }</pre>
 *
 * <p>The payloads follow Okta's published samples and schema; the ones without a captured original are
 * reconstructed and use {@code example.com} domains, documentation IP ranges and made-up ids.
 */
package dev.tokenhook.testkit;
