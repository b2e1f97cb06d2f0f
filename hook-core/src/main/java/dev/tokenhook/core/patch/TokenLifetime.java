package dev.tokenhook.core.patch;

import java.time.Duration;

/** The token lifetime, {@code /token/lifetime/expiration}: whole seconds from 300 to 86400. */
public enum TokenLifetime implements PatchTarget {
    /** The only lifetime Okta lets a hook change. */
    EXPIRATION;

    /** Shortest lifetime Okta accepts. */
    public static final Duration MIN = Duration.ofSeconds(300);
    /** Longest lifetime Okta accepts. */
    public static final Duration MAX = Duration.ofSeconds(86_400);

    @Override
    public String pointer() {
        return "/token/lifetime/expiration";
    }

    /**
     * @param lifetime a requested lifetime
     * @return it in whole seconds
     * @throws InvalidPatchException if it has a fraction of a second or lies outside 300..86400 s
     */
    static long checkedSeconds(Duration lifetime) {
        if (lifetime == null) {
            throw new InvalidPatchException("Token lifetime must not be null");
        }
        if (lifetime.getNano() != 0) {
            throw new InvalidPatchException("Token lifetime must be whole seconds, was " + lifetime);
        }
        if (lifetime.compareTo(MIN) < 0 || lifetime.compareTo(MAX) > 0) {
            throw new InvalidPatchException("Token lifetime must be between 300 and 86400 seconds, was "
                    + lifetime.getSeconds());
        }
        return lifetime.getSeconds();
    }
}
