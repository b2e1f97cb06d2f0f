package dev.tokenhook.examples.jetty;

import dev.tokenhook.testkit.TokenHookRequests;

/** What the tests send: Okta's authorization-code sign-in, built by the testkit, and the shared secret. */
final class PatientRequests {

    /** The header value the tests configure and send. */
    static final String SECRET = "Basic ZXhhbXBsZTpqZXR0eS1zZWNyZXQ=";

    private PatientRequests() {
    }

    static byte[] signIn(String eventId, String login) {
        return TokenHookRequests.authorizationCode().eventId(eventId).user(login).build().json();
    }
}
