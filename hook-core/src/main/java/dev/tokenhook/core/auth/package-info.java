/**
 * Authentication of Okta's calls: the {@link dev.tokenhook.core.auth.HookAuthenticator} SPI and the
 * shared-secret header check of Okta's HTTP channel ({@link dev.tokenhook.core.auth.SharedSecretAuthenticator}).
 */
package dev.tokenhook.core.auth;
