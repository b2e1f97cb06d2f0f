/**
 * Micrometer meters for the token hook: register a {@link dev.tokenhook.micrometer.TokenHookMetrics} as a
 * {@link dev.tokenhook.core.http.HookListener} of the endpoint (Spring Boot and Micronaut do it for you).
 */
package dev.tokenhook.micrometer;
