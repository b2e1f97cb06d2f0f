package dev.tokenhook.core.http;

/** How one hook call ended, as seen by operators. */
public enum HookOutcome {
    /** 200 with commands. */
    PATCHED,
    /** 200 with {@code {}}. */
    NO_CHANGE,
    /** 200 with an error: Okta refuses the token. */
    DENIED,
    /** 401: the caller did not prove it is Okta. */
    UNAUTHENTICATED,
    /** 400, 405, 408, 413 or 415: not a token hook call we can serve. */
    REJECTED,
    /** 200 with the failure policy's safe answer after an unexpected engine error. */
    ENGINE_FAILURE;

    /** @return the lower-case name used in logs and metric tags, e.g. {@code no-change} */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
