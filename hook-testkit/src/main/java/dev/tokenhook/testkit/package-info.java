/**
 * Test kit for token hooks: call a hook the way Okta does ({@link dev.tokenhook.testkit.OktaHookCaller})
 * and prove an adapter keeps the wire contract ({@link dev.tokenhook.testkit.TokenHookAdapterContract}).
 */
package dev.tokenhook.testkit;
