package dev.tokenhook.examples.jetty;

import java.nio.charset.StandardCharsets;

/** Okta's request for an authorization-code sign-in that mints an ID token and an access token. */
final class PatientRequests {

    /** The header value the tests configure and send. */
    static final String SECRET = "Basic ZXhhbXBsZTpqZXR0eS1zZWNyZXQ=";

    private PatientRequests() {
    }

    static byte[] signIn(String eventId, String login) {
        return """
                {"eventId":"%1$s","eventType":"com.okta.oauth2.tokens.transform",
                 "data":{"context":{"protocol":{"type":"OAUTH2.0",
                                                "request":{"response_type":"code","scope":"openid profile"},
                                                "client":{"id":"0oaexample"}},
                                    "user":{"id":"00uexample","profile":{"login":"%2$s"}}},
                         "identity":{"claims":{"sub":"00uexample","preferred_username":"%2$s"},
                                     "token":{"lifetime":{"expiration":3600}}},
                         "access":{"claims":{"sub":"%2$s"},"token":{"lifetime":{"expiration":3600}}}}}
                """.formatted(eventId, login).getBytes(StandardCharsets.UTF_8);
    }
}
