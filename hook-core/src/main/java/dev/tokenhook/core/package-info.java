/**
 * The request Okta sends to a token inline hook ({@code com.okta.oauth2.tokens.transform}), as an
 * immutable, lenient model: {@link dev.tokenhook.core.TokenHookRequest} and its parts.
 *
 * <p>Missing strings are {@code null}; sub-objects whose presence means something (the user, the
 * session, the ID and access tokens, the original grant) are {@link java.util.Optional}; the others
 * are always present, possibly empty. Claims are read-only maps of plain Java values.
 */
package dev.tokenhook.core;
