package dev.tokenhook.core.patch;

/**
 * One entry of {@code error.errorCauses}, accepted by Okta's generic inline hook schema. Okta documents
 * only {@code errorSummary} as reaching the OAuth client; causes are for Okta's logs.
 *
 * @param errorSummary what went wrong
 * @param reason a machine-readable reason, or {@code null}
 * @param locationType {@code body}, {@code header}, {@code url} or {@code query}, or {@code null}
 * @param location where in the request, or {@code null}
 * @param domain who found the problem, or {@code null}
 */
public record ErrorCause(String errorSummary, String reason, String locationType, String location, String domain) {

    /** Checks the summary is present. */
    public ErrorCause {
        if (errorSummary == null || errorSummary.isBlank()) {
            throw new InvalidPatchException("An error cause needs a non-blank errorSummary");
        }
    }
}
