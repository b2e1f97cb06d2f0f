package dev.tokenhook.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.TokenHookRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds token hook requests as Okta sends them, one flow at a time, for tests:
 *
 * <pre>{@code
 * TokenHookRequests.Built request = TokenHookRequests.authorizationCode()
 *         .user("alice@example.com")
 *         .idTokenClaim("department", "cardiology")
 *         .build();
 * request.json();     // the bytes Okta would POST
 * request.request();  // the decoded model
 * }</pre>
 *
 * Each flow starts with what Okta sends for it (SPEC §4.4): authorization code and implicit are called
 * at {@code /authorize} with a user and a session; client credentials at {@code /token} with no user and
 * no ID token; refresh token at {@code /token} with {@code OriginalGrant}; a Preview request without an
 * ID token.
 */
public final class TokenHookRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong EVENTS = new AtomicLong();
    private static final String ORG = "https://example.okta.com";
    private static final String ISSUER = ORG + "/oauth2/default";

    private TokenHookRequests() {
    }

    /** @return an authorization-code sign-in at {@code /authorize} ({@code response_type=code}) */
    public static Builder authorizationCode() {
        return new Builder(Flow.AUTHORIZATION_CODE);
    }

    /** @return an implicit sign-in at {@code /authorize} ({@code response_type=token id_token}) */
    public static Builder implicit() {
        return new Builder(Flow.IMPLICIT);
    }

    /** @return a client-credentials call at {@code /token}: access token only, no user */
    public static Builder clientCredentials() {
        return new Builder(Flow.CLIENT_CREDENTIALS);
    }

    /** @return a refresh-token grant at {@code /token} with {@code OriginalGrant} */
    public static Builder refreshToken() {
        return new Builder(Flow.REFRESH_TOKEN);
    }

    /** @return a request like Okta's Preview tab generates: access token, no ID token */
    public static Builder preview() {
        return new Builder(Flow.PREVIEW_WITHOUT_IDENTITY);
    }

    /**
     * A built request.
     *
     * @param request the decoded model
     * @param json the bytes Okta would POST
     */
    public record Built(TokenHookRequest request, byte[] json) {
    }

    /** Adjusts one request before building it. Not thread-safe. */
    public static final class Builder {
        private final Flow flow;
        private String eventId = "evt-" + EVENTS.incrementAndGet();
        private String login = "alice@example.com";
        private String userId = "00u1alice";
        private String clientId = "0oa1exampleapp";
        private String scope;
        private boolean idToken;
        private boolean accessToken = true;
        private long lifetimeSeconds = 3600;
        private List<String> groups;
        private String refreshTokenJti;
        private final Map<String, Object> idClaims = new LinkedHashMap<>();
        private final Map<String, Object> accessClaims = new LinkedHashMap<>();

        private Builder(Flow flow) {
            this.flow = flow;
            this.idToken = flow == Flow.AUTHORIZATION_CODE || flow == Flow.IMPLICIT || flow == Flow.REFRESH_TOKEN;
            this.scope = flow == Flow.CLIENT_CREDENTIALS ? "api.read" : "openid profile email";
            if (flow == Flow.CLIENT_CREDENTIALS) {
                login = null;
                clientId = "0oa1service";
            }
            if (flow == Flow.REFRESH_TOKEN) {
                refreshTokenJti = "oar1refresh";
                scope = "openid profile offline_access";
            }
        }

        /**
         * @param id the eventId
         * @return this builder
         */
        public Builder eventId(String id) {
            this.eventId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param login the user's login; also {@code preferred_username} and the access token's {@code sub}
         * @return this builder
         */
        public Builder user(String login) {
            this.login = Objects.requireNonNull(login, "login");
            this.userId = "00u" + Integer.toHexString(login.toLowerCase(java.util.Locale.ROOT).hashCode());
            return this;
        }

        /**
         * @param id the user's Okta id ({@code sub} of the ID token, {@code uid} of the access token);
         *     by default derived from the login
         * @return this builder
         */
        public Builder userId(String id) {
            this.userId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** @return this builder, with no user bound (as in client credentials) */
        public Builder noUser() {
            this.login = null;
            return this;
        }

        /**
         * @param id the OAuth client id
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param scopes the requested and granted scopes
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            this.scope = String.join(" ", scopes);
            return this;
        }

        /**
         * @param names groups for a {@code groups} claim in both tokens
         * @return this builder
         */
        public Builder groups(String... names) {
            this.groups = List.of(names);
            return this;
        }

        /**
         * @param name a claim for the ID token
         * @param value its value (String, Boolean, number, List, Map)
         * @return this builder
         */
        public Builder idTokenClaim(String name, Object value) {
            idClaims.put(name, value);
            return this;
        }

        /**
         * @param name a claim for the access token
         * @param value its value
         * @return this builder
         */
        public Builder accessTokenClaim(String name, Object value) {
            accessClaims.put(name, value);
            return this;
        }

        /** @return this builder, without an ID token (Okta is not minting one) */
        public Builder withoutIdToken() {
            this.idToken = false;
            return this;
        }

        /** @return this builder, without an access token */
        public Builder withoutAccessToken() {
            this.accessToken = false;
            return this;
        }

        /**
         * @param seconds the lifetime Okta reports for both tokens
         * @return this builder
         */
        public Builder lifetimeSeconds(long seconds) {
            this.lifetimeSeconds = seconds;
            return this;
        }

        /**
         * @param jti {@code data.refresh_token.jti}
         * @return this builder
         */
        public Builder refreshTokenJti(String jti) {
            this.refreshTokenJti = jti;
            return this;
        }

        /** @return the request, as bytes and as the decoded model */
        public Built build() {
            Map<String, Object> body = new LinkedHashMap<>();
            boolean atAuthorize = flow == Flow.AUTHORIZATION_CODE || flow == Flow.IMPLICIT;
            String endpoint = ISSUER + (atAuthorize ? "/v1/authorize" : "/v1/token");
            body.put("source", endpoint);
            body.put("eventId", eventId);
            body.put("eventTime", "2026-01-15T10:00:00.000Z");
            body.put("eventTypeVersion", "1.0");
            body.put("cloudEventVersion", "0.1");
            body.put("contentType", "application/json");
            body.put("eventType", TokenHookRequest.EVENT_TYPE);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("context", context(atAuthorize, endpoint));
            if (idToken) {
                data.put("identity", token(idClaims(), null));
            }
            if (accessToken) {
                data.put("access", token(accessClaims(), scopes()));
            }
            if (refreshTokenJti != null) {
                data.put("refresh_token", Map.of("jti", refreshTokenJti));
            }
            body.put("data", data);
            try {
                byte[] json = JSON.writeValueAsBytes(body);
                return new Built(TokenHookRequest.fromJson(json), json);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("A claim value cannot be written as JSON", e);
            }
        }

        private Map<String, Object> context(boolean atAuthorize, String endpoint) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("request", Map.of("id", "req" + eventId, "method", atAuthorize ? "GET" : "POST",
                    "url", Map.of("value", endpoint), "ipAddress", "203.0.113.7"));
            Map<String, Object> protocol = new LinkedHashMap<>();
            protocol.put("type", "OAUTH2.0");
            protocol.put("request", protocolRequest(atAuthorize));
            if (flow == Flow.REFRESH_TOKEN) {
                protocol.put("OriginalGrant", Map.of(
                        "authorization", Map.of("response_type", "code", "scope", scope, "client_id", clientId),
                        "refresh_token", Map.of("jti", refreshTokenJti == null ? "oar1refresh" : refreshTokenJti)));
            }
            protocol.put("issuer", Map.of("uri", ISSUER));
            protocol.put("client", Map.of("id", clientId, "name", "Example app",
                    "type", flow == Flow.CLIENT_CREDENTIALS ? "CONFIDENTIAL" : "PUBLIC"));
            context.put("protocol", protocol);
            if (login != null) {
                if (atAuthorize) {
                    context.put("session", Map.of("id", "102session", "userId", userId, "login", login,
                            "status", "ACTIVE", "amr", List.of("PASSWORD"), "mfaActive", false));
                }
                context.put("user", Map.of("id", userId, "profile", Map.of("login", login,
                        "locale", "en_US", "timeZone", "America/New_York")));
            }
            context.put("policy", Map.of("id", "00pexample", "rule", Map.of("id", "0prexample")));
            return context;
        }

        private Map<String, Object> protocolRequest(boolean atAuthorize) {
            Map<String, Object> request = new LinkedHashMap<>();
            if (atAuthorize) {
                request.put("scope", scope);
                request.put("state", "state-" + eventId);
                request.put("redirect_uri", "https://app.example.com/callback");
                request.put("response_mode", flow == Flow.IMPLICIT ? "fragment" : "query");
                request.put("response_type", flow == Flow.IMPLICIT ? "token id_token" : "code");
            } else {
                request.put("grant_type", switch (flow) {
                    case CLIENT_CREDENTIALS -> "client_credentials";
                    case REFRESH_TOKEN -> "refresh_token";
                    default -> "authorization_code";
                });
                request.put("scope", scope);
            }
            request.put("client_id", clientId);
            return request;
        }

        private Map<String, Object> idClaims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", login == null ? clientId : userId);
            claims.put("ver", 1);
            claims.put("iss", ISSUER);
            claims.put("aud", clientId);
            claims.put("jti", "ID." + eventId);
            claims.put("amr", List.of("pwd"));
            if (login != null) {
                claims.put("preferred_username", login);
            }
            if (groups != null) {
                claims.put("groups", groups);
            }
            claims.putAll(idClaims);
            return claims;
        }

        private Map<String, Object> accessClaims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("ver", 1);
            claims.put("jti", "AT." + eventId);
            claims.put("iss", ISSUER);
            claims.put("aud", "api://default");
            claims.put("cid", clientId);
            if (login != null) {
                claims.put("uid", userId);
            }
            claims.put("sub", login == null ? clientId : login);
            if (groups != null) {
                claims.put("groups", groups);
            }
            claims.putAll(accessClaims);
            return claims;
        }

        private Map<String, Object> scopes() {
            Map<String, Object> scopes = new LinkedHashMap<>();
            for (String name : scope.trim().split("\\s+")) {
                scopes.put(name, Map.of("id", "scp" + Math.abs(name.hashCode()), "action", "GRANT"));
            }
            return scopes;
        }

        private Map<String, Object> token(Map<String, Object> claims, Map<String, Object> scopes) {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("claims", claims);
            token.put("token", Map.of("lifetime", Map.of("expiration", lifetimeSeconds)));
            if (scopes != null) {
                token.put("scopes", scopes);
            }
            return new LinkedHashMap<>(token);
        }
    }
}
