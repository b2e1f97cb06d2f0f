package dev.tokenhook.core;

import java.util.List;

/**
 * {@code data.context.session}: the user's Okta session, present in browser flows. Timestamps are kept
 * as Okta sent them (ISO-8601 strings), since preview requests may hold placeholders.
 *
 * @param id session id
 * @param userId the user's Okta id
 * @param login the user's login
 * @param createdAt when the session started
 * @param expiresAt when it ends
 * @param status e.g. {@code ACTIVE}
 * @param lastPasswordVerification when the password was last verified
 * @param lastFactorVerification when a factor was last verified
 * @param amr authentication methods, e.g. {@code PASSWORD}
 * @param idpId the identity provider's id ({@code idp.id})
 * @param idpType the identity provider's type ({@code idp.type}), e.g. {@code OKTA}
 * @param mfaActive whether MFA is active, or {@code null} if not sent
 */
public record Session(
        String id,
        String userId,
        String login,
        String createdAt,
        String expiresAt,
        String status,
        String lastPasswordVerification,
        String lastFactorVerification,
        List<String> amr,
        String idpId,
        String idpType,
        Boolean mfaActive) {

    /**
     * Makes the list read-only. For the decoder and hook-testkit's builders, not for applications: a
     * session comes with a request ({@link TokenHookRequest#fromJson(byte[])}), and this constructor is
     * not covered by the compatibility promise (COMPATIBILITY.md, "The public API").
     */
    public Session {
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
