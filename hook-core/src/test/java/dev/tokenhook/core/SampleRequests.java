package dev.tokenhook.core;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Requests for tests: one body with every part the decoder reads, and direct constructions. */
public final class SampleRequests {

    /** A claim value tests use to check that messages never echo input. */
    public static final String SECRET = "secret-claim-value-7731";

    /**
     * Every part the decoder knows, at once (a refresh grant with a session, which Okta would not send,
     * but the decoder does not care). {@code identity.claims.ssn} holds {@link #SECRET}.
     */
    public static final String FULL = """
            {
              "source": "https://example.okta.com/oauth2/default/v1/token",
              "eventId": "evt-full-1",
              "eventTime": "2024-05-02T19:12:03.000Z",
              "eventTypeVersion": "1.0",
              "cloudEventVersion": "0.1",
              "contentType": "application/json",
              "eventType": "com.okta.oauth2.tokens.transform",
              "data": {
                "context": {
                  "request": {
                    "id": "req-1",
                    "method": "POST",
                    "url": { "value": "https://example.okta.com/oauth2/default/v1/token" },
                    "ipAddress": "203.0.113.10"
                  },
                  "protocol": {
                    "type": "OAUTH2.0",
                    "request": { "grant_type": "refresh_token", "scope": "openid profile", "client_id": "0oa1" },
                    "OriginalGrant": {
                      "authorization": { "scope": "openid profile offline_access", "response_type": "code",
                                         "redirect_uri": "https://app.example.com/cb", "client_id": "0oa1" },
                      "refresh_token": { "jti": "oar-original" }
                    },
                    "issuer": { "uri": "https://example.okta.com/oauth2/default" },
                    "client": { "id": "0oa1", "name": "App", "type": "PUBLIC" }
                  },
                  "session": {
                    "id": "sess-1", "userId": "00u1", "login": "jessie@example.com",
                    "createdAt": "2024-05-02T19:11:40.000Z", "expiresAt": "2024-05-02T21:11:40.000Z",
                    "status": "ACTIVE", "lastPasswordVerification": "2024-05-02T19:11:40.000Z",
                    "lastFactorVerification": "2024-05-02T19:11:58.000Z",
                    "amr": ["PASSWORD", "OTP"],
                    "idp": { "id": "00o1", "type": "OKTA" },
                    "mfaActive": true
                  },
                  "user": {
                    "id": "00u1",
                    "passwordChanged": "2023-01-06T18:55:52.000Z",
                    "profile": { "login": "jessie@example.com", "firstName": "Jessie", "lastName": "Smith",
                                 "locale": "en_US", "timeZone": "America/New_York", "department": "Cardiology" },
                    "_links": {
                      "groups": { "href": "https://example.okta.com/api/v1/users/00u1/groups" },
                      "factors": { "href": "https://example.okta.com/api/v1/users/00u1/factors" }
                    }
                  },
                  "policy": { "id": "00p1", "rule": { "id": "0pr1" } }
                },
                "identity": {
                  "claims": {
                    "sub": "00u1", "ver": 1, "auth_time": 1714677100, "big": 12345678901,
                    "ratio": 0.25, "verified": true, "nothing": null,
                    "amr": ["pwd", "otp"],
                    "employee_profile": { "employee_id": "1234", "tags": ["a", {"deep": [1, 2]}] },
                    "ssn": "secret-claim-value-7731"
                  },
                  "token": { "lifetime": { "expiration": 3600 } }
                },
                "access": {
                  "claims": { "ver": 1, "sub": "jessie@example.com", "cid": "0oa1", "aud": "api://default" },
                  "token": { "lifetime": { "expiration": 7200 } },
                  "scopes": {
                    "openid": { "id": "scp1", "action": "GRANT" },
                    "profile": { "id": "scp2", "action": "GRANT" }
                  }
                },
                "refresh_token": { "jti": "oar-current" }
              }
            }
            """;

    private SampleRequests() {
    }

    public static byte[] fullBytes() {
        return FULL.getBytes(StandardCharsets.UTF_8);
    }

    public static TokenHookRequest decode(String json) {
        return TokenHookRequest.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param idClaims the ID token's claims, or null for no ID token
     * @param accessClaims the access token's claims, or null for no access token
     * @return a request minting those tokens, with nothing else known
     */
    public static TokenHookRequest minting(Map<String, Object> idClaims, Map<String, Object> accessClaims) {
        return new TokenHookRequest("evt", null, TokenHookRequest.EVENT_TYPE, null, null, null, null,
                HookContext.EMPTY,
                Optional.ofNullable(idClaims).map(c -> new IdentityToken(c, Optional.empty())),
                Optional.ofNullable(accessClaims).map(c -> new AccessToken(c, Optional.empty(), Map.of())),
                Optional.empty());
    }
}
