package dev.tokenhook.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /** Never updated itself, only cloned (thread-safe); {@code null} if the provider cannot clone. */
    private static final MessageDigest SHA256 = prototype();

    private final String headerName;
    private final List<byte[]> secretDigests;

    /**
     * @param headerName the configured header name, e.g. {@code Authorization} or {@code X-Okta-Secret}
     * @param secrets the accepted values (each complete, e.g. {@code Basic dXNlcjpwYXNz}); at least one
     */
    public SharedSecretAuthenticator(String headerName, List<String> secrets) {
        if (headerName == null || headerName.isBlank()) {
            throw new IllegalArgumentException("tokenhook.auth.header.name must not be blank");
        }
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
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
    }

    /**
     * @param secret the one accepted value of the {@code Authorization} header
     * @return an authenticator for it
     */
    public static SharedSecretAuthenticator authorizationHeader(String secret) {
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
        return match ? AuthResult.success("header " + headerName) : AuthResult.failure("header " + headerName
                + " does not match");
    }

    private static byte[] sha256(String value) {
        return newSha256().digest(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A clone of a prototype where the provider allows it: cheaper than a provider look-up per call. */
    private static MessageDigest newSha256() {
        if (SHA256 != null) {
            try {
                return (MessageDigest) SHA256.clone();
            } catch (CloneNotSupportedException e) {
                // fall through to a look-up
            }
        }
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static MessageDigest prototype() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.clone(); // only keep a prototype that can be cloned
            return digest;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return null;
        }
    }
}
