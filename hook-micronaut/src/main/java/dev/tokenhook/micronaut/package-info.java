/**
 * Micronaut 4 adapter: {@link dev.tokenhook.micronaut.TokenHookController} serves the hook at
 * {@code tokenhook.path}, {@link dev.tokenhook.micronaut.TokenHookFactory} builds the
 * {@link dev.tokenhook.core.http.TokenHookEndpoint} from the {@code tokenhook.*} settings bound by
 * {@link dev.tokenhook.micronaut.TokenHookProperties}, every {@link dev.tokenhook.core.rule.ClaimRule}
 * bean, in {@code @Order}, and any {@code HookAuthenticator} and {@code HookListener} beans. Add the
 * jar next to a Micronaut HTTP server runtime (e.g. {@code micronaut-http-server-netty}); nothing else
 * to wire.
 */
package dev.tokenhook.micronaut;
