package dev.tokenhook.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Okta's HTTP channel authentication (SPEC §3.1): Okta sends {@code <header name>: <secret>} exactly as
 * configured ({@code Authentication field} / {@code Authentication secret} in the Admin Console). The
 * header name is matched case-insensitively; the value is compared in constant time against every
 * accepted secret, so secrets can be rotated by accepting the old and the new one for a while. Only
 * SHA-256 digests of the secrets are kept, so comparison time does not depend on their lengths either.
 */
public final class SharedSecretAuthenticator implements HookAuthenticator {

    /** The header Okta's guides use. */
    public static final String DEFAULT_HEADER = "Authorization";

    /** One digest per thread, reset by each {@code digest()}: no per-call state arrays. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(SharedSecretAuthenticator::newSha256);

    private final String headerName;
    private final List<byte[]> secretDigests;
    private final AuthResult matched;
    private final AuthResult notMatched;

    /**
     * @param headerName the configured header name, e.g. {@code Authorization} or {@code X-Okta-Secret}
     * @param secrets the accepted values (each complete, e.g. {@code Basic dXNlcjpwYXNz}); at least one
     */
    public SharedSecretAuthenticator(String headerName, List<String> secrets) {
        if (headerName == null || headerName.isBlank()) {
            throw new IllegalArgumentException("tokenhook.auth.header.name must not be blank");
        }
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("tokenhook.auth.header.secrets needs at least one secret");
        }
        List<byte[]> digests = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("tokenhook.auth.header.secrets must not contain a blank secret");
            }
            digests.add(sha256(secret));
        }
        this.headerName = headerName.trim();
        this.secretDigests = List.copyOf(digests);
        this.matched = AuthResult.success("header " + this.headerName);
        this.notMatched = AuthResult.failure("header " + this.headerName + " does not match");
    }

    /**
     * @param secret the one accepted value of the {@code Authorization} header
     * @return an authenticator for it
     * @throws IllegalArgumentException if the secret is null (e.g. an unset environment variable) or blank
     */
    public static SharedSecretAuthenticator authorizationHeader(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The shared secret is " + (secret == null ? "null" : "blank")
                    + " (an unset environment variable?): pass the exact value Okta sends in the Authorization header,"
                    + " e.g. Basic dXNlcjpwYXNz");
        }
        return new SharedSecretAuthenticator(DEFAULT_HEADER, List.of(secret));
    }

    /** @return the header name checked */
    public String headerName() {
        return headerName;
    }

    @Override
    public AuthResult authenticate(HookHeaders headers) {
        List<String> values = headers.values(headerName);
        if (values == null || values.isEmpty()) {
            return AuthResult.failure("header " + headerName + " missing");
        }
        if (values.size() > 1) {
            return AuthResult.failure("header " + headerName + " sent more than once");
        }
        byte[] presented = sha256(values.get(0));
        boolean match = false;
        for (byte[] digest : secretDigests) {
            match |= MessageDigest.isEqual(digest, presented);
        }
        return match ? matched : notMatched;
    }

    private static byte[] sha256(String value) {
        return SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
