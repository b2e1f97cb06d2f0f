package dev.tokenhook.core.patch;

/** The three operations Okta accepts in a token patch. */
public enum Operation {
    /** Adds a claim, an object member or an array element; on an existing claim name it overwrites. */
    ADD("add"),
    /** Replaces a claim, member or element that exists in the request, or sets the lifetime. */
    REPLACE("replace"),
    /** Removes a claim, member or element that exists in the request. Carries no value. */
    REMOVE("remove");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /** @return the {@code op} value on the wire */
    public String wireName() {
        return wireName;
    }
}
