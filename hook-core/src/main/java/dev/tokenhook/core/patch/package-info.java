/**
 * What a rule writes and what goes back to Okta: {@link dev.tokenhook.core.patch.TokenPatch} (add,
 * replace, remove claims, set lifetimes, deny, debug), {@link dev.tokenhook.core.patch.ClaimPath}
 * (RFC 6901 escaping), the validator that refuses anything Okta would reject
 * ({@link dev.tokenhook.core.patch.PatchValidator}, {@link dev.tokenhook.core.patch.PatchViolation}) and
 * the encoded answer {@link dev.tokenhook.core.patch.TokenHookResponse}.
 */
package dev.tokenhook.core.patch;
