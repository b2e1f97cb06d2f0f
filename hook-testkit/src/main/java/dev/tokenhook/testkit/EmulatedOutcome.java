package dev.tokenhook.testkit;

import java.util.Optional;

/**
 * What Okta does with a hook's answer (SPEC §2.1): the final tokens, or the OAuth error the client gets.
 *
 * @param result how Okta treated the answer
 * @param reason what Okta's System Log would say, in short
 * @param idToken the ID token minted, if one was being minted and the flow was not denied
 * @param accessToken the access token minted, likewise
 */
public record EmulatedOutcome(Result result, String reason, Optional<EmulatedToken> idToken,
        Optional<EmulatedToken> accessToken) {

    /** Okta's default description when the hook's error has no summary. */
    public static final String DEFAULT_ERROR_DESCRIPTION = "The callback service returned an error";

    /** How Okta treated the answer. */
    public enum Result {
        /** Valid commands, applied. */
        PATCHED,
        /** 200 with no commands: tokens minted as they were. */
        UNCHANGED,
        /** An invalid command or operation: the whole patch is discarded, tokens minted unmodified. */
        DISCARDED,
        /** An {@code error} object: no token; the client gets {@code server_error}. */
        DENIED,
        /** Timeout, non-200 status, unreadable or oversized body: hook skipped, tokens unmodified. */
        HOOK_FAILED
    }

    /** @return for a denial, the OAuth {@code error} the client receives: {@code server_error} */
    public Optional<String> oauthError() {
        return result == Result.DENIED ? Optional.of("server_error") : Optional.empty();
    }

    /** @return for a denial, the OAuth {@code error_description}: the hook's errorSummary */
    public Optional<String> oauthErrorDescription() {
        return result == Result.DENIED ? Optional.of(reason) : Optional.empty();
    }

    /** @return whether Okta issues tokens at all */
    public boolean tokensIssued() {
        return result != Result.DENIED;
    }
}
