/**
 * Transport-neutral HTTP handling: {@link dev.tokenhook.core.http.TokenHookEndpoint} turns a
 * {@link dev.tokenhook.core.http.HookHttpRequest} into a {@link dev.tokenhook.core.http.HookHttpResponse}
 * and is the only place that picks a status code. {@link dev.tokenhook.core.http.TokenHookConfig} holds
 * the {@code tokenhook.*} settings every adapter shares.
 */
package dev.tokenhook.core.http;
