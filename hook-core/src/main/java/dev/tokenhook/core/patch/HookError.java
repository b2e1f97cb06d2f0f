package dev.tokenhook.core.patch;

import java.util.List;

/**
 * The {@code error} object that stops Okta from minting the token. Okta answers the OAuth client with
 * {@code server_error} and {@code errorSummary} as the description, so keep the summary free of
 * sensitive data.
 *
 * @param errorSummary the text the client (and maybe the end user) sees
 * @param errorCauses optional causes for Okta's logs
 */
public record HookError(String errorSummary, List<ErrorCause> errorCauses) {

    /** Longest summary accepted: it ends up in an OAuth error response and often in a redirect URL. */
    public static final int MAX_SUMMARY_LENGTH = 1000;

    /** Checks the summary and copies the causes. */
    public HookError {
        if (errorSummary == null || errorSummary.isBlank()) {
            throw new InvalidPatchException("deny(...) needs a non-blank errorSummary");
        }
        if (errorSummary.length() > MAX_SUMMARY_LENGTH) {
            throw new InvalidPatchException("errorSummary must be at most " + MAX_SUMMARY_LENGTH + " characters");
        }
        errorCauses = errorCauses == null ? List.of() : List.copyOf(errorCauses);
    }

    /**
     * @param errorSummary the text the client sees
     * @return an error without causes
     */
    public static HookError of(String errorSummary) {
        return new HookError(errorSummary, List.of());
    }
}
