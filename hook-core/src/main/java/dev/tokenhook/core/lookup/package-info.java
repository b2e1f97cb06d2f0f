/**
 * Settings of claim lookups ({@link dev.tokenhook.core.lookup.LookupSettings}): the keys
 * {@code tokenhook.lookups.<name>.*} and their defaults, in one place for every adapter. The lookups
 * themselves (cache, wait limit, circuit breaker) live in the {@code hook-lookup} module, which reads these.
 */
package dev.tokenhook.core.lookup;
