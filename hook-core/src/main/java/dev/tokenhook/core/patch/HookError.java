package dev.tokenhook.core.patch;

import java.util.List;

/**
 * The {@code error} object that stops Okta from minting the token. Okta answers the OAuth client with
 * {@code server_error} and {@code errorSummary} as the description, so keep the summary free of
 * sensitive data.
 *
 * <p>A denial must never fail: so text that is too long is cut, not refused (the summary to
 * {@value #MAX_SUMMARY_LENGTH} characters, at most {@value #MAX_ERROR_CAUSES} causes, each of their
 * fields to {@value ErrorCause#MAX_FIELD_LENGTH} characters), and causes that would take the answer past
 * Okta's size limit are left out when the answer is built (see {@link TokenHookResponse#deny}).
 *
 * @param errorSummary the text the client (and maybe the end user) sees
 * @param errorCauses optional causes for Okta's logs
 */
public record HookError(String errorSummary, List<ErrorCause> errorCauses) {

    /** Longest summary sent: it ends up in an OAuth error response and often in a redirect URL. */
    public static final int MAX_SUMMARY_LENGTH = 1000;
    /** Most causes sent; later ones are left out. */
    public static final int MAX_ERROR_CAUSES = 100;

    /**
     * Checks the summary is there, cuts it to {@value #MAX_SUMMARY_LENGTH} characters and keeps the first
     * {@value #MAX_ERROR_CAUSES} causes.
     *
     * @throws InvalidPatchException if the summary is null or blank, or a cause is null
     */
    public HookError {
        if (errorSummary == null || errorSummary.isBlank()) {
            throw new InvalidPatchException("deny(...) needs a non-blank errorSummary");
        }
        errorSummary = cut(errorSummary, MAX_SUMMARY_LENGTH);
        if (errorCauses == null) {
            errorCauses = List.of();
        } else {
            for (ErrorCause cause : errorCauses) {
                if (cause == null) {
                    throw new InvalidPatchException("errorCauses must not contain null");
                }
            }
            errorCauses = List.copyOf(errorCauses.subList(0, Math.min(errorCauses.size(), MAX_ERROR_CAUSES)));
        }
    }

    /**
     * @param errorSummary the text the client sees
     * @return an error without causes
     */
    public static HookError of(String errorSummary) {
        return new HookError(errorSummary, List.of());
    }

    /** @return this error with only its first {@code count} causes */
    HookError withFirstCauses(int count) {
        return count >= errorCauses.size() ? this : new HookError(errorSummary, errorCauses.subList(0, count));
    }

    /** @return the text, cut to at most {@code max} characters without splitting a surrogate pair */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
