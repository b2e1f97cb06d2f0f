package dev.tokenhook.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Small request bodies and HTTP requests for endpoint tests. */
final class TestRequests {

    static final String SECRET = "Basic c2VjcmV0OnMzY3IzdA==";

    private TestRequests() {
    }

    /** An authorization-code request for the given user, minting an ID and an access token. */
    static String signIn(String login) {
        return """
                {"eventId":"evt-%s","eventType":"com.okta.oauth2.tokens.transform",
                 "data":{"context":{"protocol":{"request":{"response_type":"code","scope":"openid profile"},
                                                  "client":{"id":"0oaclient"}},
                                    "user":{"id":"00u1","profile":{"login":"%s"}}},
                         "identity":{"claims":{"sub":"00u1","preferred_username":"%s"},
                                     "token":{"lifetime":{"expiration":3600}}},
                         "access":{"claims":{"sub":"%s","cid":"0oaclient"},
                                   "token":{"lifetime":{"expiration":3600}}}}}
                """.formatted(login.hashCode(), login, login, login);
    }

    /** A client-credentials request: access token only, no user. */
    static String clientCredentials() {
        return """
                {"eventId":"evt-cc","data":{"context":{"protocol":{"request":{"grant_type":"client_credentials"}}},
                 "access":{"claims":{"sub":"0oasvc","cid":"0oasvc"},"token":{"lifetime":{"expiration":3600}}}}}
                """;
    }

    static HookHttpRequest post(String body) {
        return post(body, Map.of("Authorization", List.of(SECRET), "Content-Type", List.of("application/json")));
    }

    static HookHttpRequest post(String body, Map<String, List<String>> headers) {
        return HookHttpRequest.of("POST", headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
