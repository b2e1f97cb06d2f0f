/**
 * Micronaut 4 adapter: {@link dev.tokenhook.micronaut.TokenHookController} serves the hook at
 * {@code tokenhook.path}, {@link dev.tokenhook.micronaut.TokenHookFactory} builds the
 * {@link dev.tokenhook.core.http.TokenHookEndpoint} from the {@code tokenhook.*} settings, read from
 * Micronaut's environment by hook-core's {@link dev.tokenhook.core.config.TokenHookSettings}, every {@link dev.tokenhook.core.rule.ClaimRule}
 * bean, in {@code @Order}, and any {@code HookAuthenticator} and {@code HookListener} beans. Add the
 * jar next to a Micronaut HTTP server runtime (e.g. {@code micronaut-http-server-netty}); nothing else
 * to wire. With micronaut-micrometer and {@code hook-micrometer},
 * {@link dev.tokenhook.micronaut.TokenHookMetricsFactory} records the hook's meters; with
 * micronaut-management, {@link dev.tokenhook.micronaut.TokenHookHealthIndicator} adds {@code tokenHook} to
 * {@code /health}.
 */
package dev.tokenhook.micronaut;
