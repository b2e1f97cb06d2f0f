/**
 * Claim lookups that survive a slow or failing data source. {@link dev.tokenhook.lookup.ClaimLookup} wraps a
 * blocking {@code K -> Optional<V>} function (a JDBC query, an HTTP call) and is called from a rule like that
 * function: it caches found and not-found answers, refreshes ahead, makes one source call for concurrent
 * misses of one key, waits at most its wait limit, serves the last known answer when the source fails, limits
 * concurrent source calls and stops calling a failing source for a while (circuit breaker). Each lookup notes
 * its outcome into the call's {@code HookEvent} through {@link dev.tokenhook.core.rule.RuleNotes}.
 */
package dev.tokenhook.lookup;
