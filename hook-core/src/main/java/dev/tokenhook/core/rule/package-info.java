/**
 * Claim rules and the engine that runs them: {@link dev.tokenhook.core.rule.ClaimRule} (read the
 * request, write a patch), {@link dev.tokenhook.core.rule.Conditions} for the usual conditions, and
 * {@link dev.tokenhook.core.rule.TokenHook}, which runs rules in isolation within a time budget and
 * merges what they wrote into one answer Okta accepts.
 */
package dev.tokenhook.core.rule;
