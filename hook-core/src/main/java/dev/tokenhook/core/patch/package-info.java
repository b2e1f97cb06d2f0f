/**
 * What a rule writes and what goes back to Okta: {@link dev.tokenhook.core.patch.TokenPatch} (add,
 * replace, remove claims, set lifetimes, deny, debug), {@link dev.tokenhook.core.patch.ClaimPath}
 * (RFC 6901 escaping), the validator that refuses anything Okta would reject
 * ({@link dev.tokenhook.core.patch.PatchValidator}, {@link dev.tokenhook.core.patch.PatchViolation},
 * {@link dev.tokenhook.core.patch.ReservedClaims}), and the answer: built by
 * {@link dev.tokenhook.core.patch.ResponseAssembler} under Okta's size limit, encoded by
 * {@link dev.tokenhook.core.patch.TokenHookResponse}. No public type here can hold an operation or an
 * answer Okta would discard.
 */
package dev.tokenhook.core.patch;
