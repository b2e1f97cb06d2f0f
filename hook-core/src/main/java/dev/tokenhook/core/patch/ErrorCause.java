package dev.tokenhook.core.patch;

/**
 * One entry of {@code error.errorCauses}, accepted by Okta's generic inline hook schema. Okta documents
 * only {@code errorSummary} as reaching the OAuth client; causes are for Okta's logs. Each field is cut
 * to {@value #MAX_FIELD_LENGTH} characters.
 *
 * @param errorSummary what went wrong
 * @param reason a machine-readable reason, or {@code null}
 * @param locationType {@code body}, {@code header}, {@code url} or {@code query}, or {@code null}
 * @param location where in the request, or {@code null}
 * @param domain who found the problem, or {@code null}
 */
public record ErrorCause(String errorSummary, String reason, String locationType, String location, String domain) {

    /** Longest text kept in each field. */
    public static final int MAX_FIELD_LENGTH = 1000;

    /**
     * Checks the summary is present and cuts long fields.
     *
     * @throws InvalidPatchException if the summary is null or blank
     */
    public ErrorCause {
        if (errorSummary == null || errorSummary.isBlank()) {
            throw new InvalidPatchException("An error cause needs a non-blank errorSummary");
        }
        errorSummary = HookError.cut(errorSummary, MAX_FIELD_LENGTH);
        reason = HookError.cut(reason, MAX_FIELD_LENGTH);
        locationType = HookError.cut(locationType, MAX_FIELD_LENGTH);
        location = HookError.cut(location, MAX_FIELD_LENGTH);
        domain = HookError.cut(domain, MAX_FIELD_LENGTH);
    }
}
