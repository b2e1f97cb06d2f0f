package dev.tokenhook.core.patch;

/** What an operation changes: a claim (or a part of one) or the token's lifetime. */
public sealed interface PatchTarget permits ClaimPath, TokenLifetime {

    /** @return the JSON Pointer Okta expects in {@code path}, e.g. {@code /claims/extPatientId} */
    String pointer();
}
