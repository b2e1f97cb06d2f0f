package dev.tokenhook.testkit;

import dev.tokenhook.core.TokenHookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fixture catalogue: Okta token inline hook request and response bodies, as bundled JSON files.
 * Names are file names without {@code .json}; request fixtures start with {@code request-}, response
 * fixtures with {@code response-}. Thread-safe; every call reads a fresh copy.
 *
 * <pre>{@code
 * TokenHookRequest request = Fixtures.request("request-authorization-code");
 * byte[] expected = Fixtures.bytes("response-add-identity-claim");
 * }</pre>
 */
public final class Fixtures {

    private static final String DIRECTORY = "fixtures/";

    private static final List<String> REQUESTS = List.of(
            "request-authorization-code",
            "request-client-credentials",
            "request-doc-sample-implicit",
            "request-preview-without-identity",
            "request-refresh-token",
            "request-refresh-token-legacy",
            "request-url-named-claims",
            "request-with-groups-claim");

    private static final List<String> RESPONSES = List.of(
            "response-add-identity-and-access-claims",
            "response-add-identity-claim",
            "response-append-array",
            "response-error",
            "response-error-with-causes",
            "response-nested-and-array-ops",
            "response-noop",
            "response-remove-claims",
            "response-replace-access-claim-and-lifetime",
            "response-uri-claim-json-pointer",
            "response-with-debug-context");

    private Fixtures() {
    }

    /**
     * Reads one fixture file.
     *
     * @param name the fixture's name without {@code .json}, e.g. {@code request-authorization-code}
     * @return the file's bytes (UTF-8 JSON), a fresh copy the caller may change
     * @throws IllegalArgumentException if no fixture has that name; the message lists those that exist
     */
    public static byte[] bytes(String name) {
        if (name == null || !REQUESTS.contains(name) && !RESPONSES.contains(name)) {
            throw new IllegalArgumentException("No fixture named '" + name + "'. Request fixtures: " + REQUESTS
                    + "; response fixtures: " + RESPONSES);
        }
        String resource = DIRECTORY + name + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Fixture " + resource + " is missing from the test kit's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + resource, e);
        }
    }

    /**
     * Reads and decodes one request fixture with {@link TokenHookRequest#fromJson(byte[])}.
     *
     * @param name a request fixture's name without {@code .json}, one of {@link #requestNames()}
     * @return the decoded request
     * @throws IllegalArgumentException if no request fixture has that name; the message lists them
     */
    public static TokenHookRequest request(String name) {
        if (name == null || !REQUESTS.contains(name)) {
            throw new IllegalArgumentException("No request fixture named '" + name + "'. Request fixtures: "
                    + REQUESTS);
        }
        return TokenHookRequest.fromJson(bytes(name));
    }

    /** @return the names of every request fixture, sorted, read-only */
    public static List<String> requestNames() {
        return REQUESTS;
    }

    /** @return the names of every response fixture, sorted, read-only */
    public static List<String> responseNames() {
        return RESPONSES;
    }
}
