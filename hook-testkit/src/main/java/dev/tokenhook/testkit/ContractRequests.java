package dev.tokenhook.testkit;

import java.nio.charset.StandardCharsets;

/** Request bodies the adapter contract sends. */
final class ContractRequests {

    private ContractRequests() {
    }

    static byte[] signIn(String eventId, String login) {
        return """
                {"eventId":"%1$s","eventType":"com.okta.oauth2.tokens.transform",
                 "source":"https://example.okta.com/oauth2/default/v1/authorize",
                 "data":{"context":{"request":{"method":"GET"},
                                    "protocol":{"type":"OAUTH2.0",
                                                "request":{"response_type":"code","scope":"openid profile"},
                                                "client":{"id":"0oacontract"}},
                                    "user":{"id":"00ucontract","profile":{"login":"%2$s"}}},
                         "identity":{"claims":{"sub":"00ucontract","preferred_username":"%2$s"},
                                     "token":{"lifetime":{"expiration":3600}}},
                         "access":{"claims":{"sub":"%2$s","cid":"0oacontract"},
                                   "token":{"lifetime":{"expiration":3600}}}}}
                """.formatted(eventId, login).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] clientCredentials(String eventId) {
        return """
                {"eventId":"%s","eventType":"com.okta.oauth2.tokens.transform",
                 "data":{"context":{"protocol":{"request":{"grant_type":"client_credentials"},
                                                "client":{"id":"0oaservice"}}},
                         "access":{"claims":{"sub":"0oaservice","cid":"0oaservice"},
                                   "token":{"lifetime":{"expiration":3600}}}}}
                """.formatted(eventId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withUnknownFields(String eventId, String login) {
        return """
                {"eventId":"%1$s","brandNewField":{"nested":[1,2,3]},
                 "data":{"futureThing":true,
                         "context":{"user":{"id":"00u","profile":{"login":"%2$s","extra":1},"newInfo":"x"},
                                    "protocol":{"request":{"response_type":"code"},"unknown":{}}},
                         "identity":{"claims":{"sub":"00u"},"token":{"lifetime":{"expiration":3600}},"more":[]}}}
                """.formatted(eventId, login).getBytes(StandardCharsets.UTF_8);
    }
}
