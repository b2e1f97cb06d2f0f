package dev.tokenhook.core;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token inline hook request as it is sent, field by field, for jackson-databind to fill
 * ({@link RequestDecoder}), and its mapping to the public model. Every field is optional; text fields use
 * {@link LenientScalars.Text}, boolean fields {@link LenientScalars.Flag} (both registered for the type),
 * an object field of another JSON type is left out ({@link LenientShape}), and members the model does not
 * name are kept ({@link Leftovers.KeepUnknown}).
 */
final class RequestBody {

    @JsonProperty("eventId")
    String eventId;
    @JsonProperty("eventTime")
    String eventTime;
    @JsonProperty("eventType")
    String eventType;
    @JsonProperty("eventTypeVersion")
    String eventTypeVersion;
    @JsonProperty("cloudEventVersion")
    String cloudEventVersion;
    @JsonProperty("contentType")
    String contentType;
    @JsonProperty("source")
    String source;
    @JsonProperty("data")
    Data data;
    /** What the decoding left out of the model, or null if nothing: set once the body is read. */
    Leftovers leftovers;

    /**
     * @return the request
     * @throws RequestDecodingException if the event type is not a token inline hook's
     */
    TokenHookRequest toModel() {
        String type = eventType;
        if (type != null) {
            if (!TokenHookRequest.EVENT_TYPE.equals(type)) {
                throw new RequestDecodingException("eventType is not " + TokenHookRequest.EVENT_TYPE
                        + ": this endpoint only serves token inline hooks");
            }
            type = TokenHookRequest.EVENT_TYPE;
        }
        Data d = data == null ? new Data() : data;
        return new TokenHookRequest(eventId, eventTime, type, eventTypeVersion, cloudEventVersion, contentType, source,
                d.context == null ? HookContext.EMPTY : d.context.toModel(),
                Optional.ofNullable(d.identity).map(Token::identity), Optional.ofNullable(d.access).map(Token::access),
                Optional.ofNullable(d.refreshToken).map(j -> j.jti),
                leftovers == null ? List.of() : leftovers.ignoredFields(),
                leftovers == null ? Map.of() : leftovers.unmappedFields());
    }

    /** {@code data}. */
    static final class Data {
        @JsonProperty("context")
        Context context;
        @JsonProperty("identity")
        Token identity;
        @JsonProperty("access")
        Token access;
        @JsonProperty("refresh_token")
        Jti refreshToken;
    }

    /** {@code data.context}. */
    static final class Context {
        @JsonProperty("request")
        Request request;
        @JsonProperty("protocol")
        ProtocolBody protocol;
        @JsonProperty("session")
        SessionBody session;
        @JsonProperty("user")
        UserBody user;
        @JsonProperty("policy")
        PolicyBody policy;

        HookContext toModel() {
            return new HookContext(
                    request == null ? OktaRequest.EMPTY : new OktaRequest(request.id, request.method,
                            request.url, request.ipAddress),
                    protocol == null ? Protocol.EMPTY : protocol.toModel(),
                    Optional.ofNullable(session).map(SessionBody::toModel),
                    Optional.ofNullable(user).map(UserBody::toModel),
                    policy == null ? Policy.EMPTY : new Policy(policy.id, policy.rule == null ? null : policy.rule.id));
        }
    }

    /** {@code data.context.request}. */
    static final class Request {
        @JsonProperty("id")
        String id;
        @JsonProperty("method")
        String method;
        @JsonProperty("url")
        @JsonDeserialize(using = LenientScalars.UrlText.class)
        String url;
        @JsonProperty("ipAddress")
        String ipAddress;
    }

    /** {@code data.context.request.url} as an object. */
    static final class Url {
        @JsonProperty("value")
        String value;
    }

    /** {@code data.context.protocol}. */
    static final class ProtocolBody {
        @JsonProperty("type")
        String type;
        @JsonProperty("request")
        @JsonDeserialize(using = LenientMaps.Parameters.class)
        Map<String, String> request;
        @JsonProperty("OriginalGrant")
        @JsonAlias("originalGrant")
        Grant originalGrant;
        @JsonProperty("issuer")
        Issuer issuer;
        @JsonProperty("client")
        ClientBody client;

        Protocol toModel() {
            return new Protocol(type, parameters(request),
                    Optional.ofNullable(originalGrant).map(g -> new OriginalGrant(parameters(g.authorization),
                            Optional.ofNullable(g.refreshToken).map(j -> j.jti))),
                    issuer == null ? null : issuer.uri,
                    client == null ? Client.EMPTY : new Client(client.id, client.name, client.type));
        }

        private static ProtocolRequest parameters(Map<String, String> parameters) {
            return parameters == null ? ProtocolRequest.EMPTY : new ProtocolRequest(parameters);
        }
    }

    /** {@code data.context.protocol.OriginalGrant} (formerly {@code originalGrant}). */
    static final class Grant {
        @JsonProperty("authorization")
        @JsonAlias("request")
        @JsonDeserialize(using = LenientMaps.Parameters.class)
        Map<String, String> authorization;
        @JsonProperty("refresh_token")
        Jti refreshToken;
    }

    /** {@code data.context.protocol.issuer}. */
    static final class Issuer {
        @JsonProperty("uri")
        String uri;
    }

    /** {@code data.context.protocol.client}. */
    static final class ClientBody {
        @JsonProperty("id")
        String id;
        @JsonProperty("name")
        String name;
        @JsonProperty("type")
        String type;
    }

    /** {@code data.context.session}. */
    static final class SessionBody {
        @JsonProperty("id")
        String id;
        @JsonProperty("userId")
        String userId;
        @JsonProperty("login")
        String login;
        @JsonProperty("createdAt")
        String createdAt;
        @JsonProperty("expiresAt")
        String expiresAt;
        @JsonProperty("status")
        String status;
        @JsonProperty("lastPasswordVerification")
        String lastPasswordVerification;
        @JsonProperty("lastFactorVerification")
        String lastFactorVerification;
        @JsonProperty("amr")
        @JsonDeserialize(using = LenientScalars.TextList.class)
        List<String> amr;
        @JsonProperty("idp")
        Idp idp;
        @JsonProperty("mfaActive")
        Boolean mfaActive;

        Session toModel() {
            return new Session(id, userId, login, createdAt, expiresAt, status, lastPasswordVerification,
                    lastFactorVerification, amr, idp == null ? null : idp.id, idp == null ? null : idp.type, mfaActive);
        }
    }

    /** {@code data.context.session.idp}. */
    static final class Idp {
        @JsonProperty("id")
        String id;
        @JsonProperty("type")
        String type;
    }

    /** {@code data.context.user}. */
    static final class UserBody {
        @JsonProperty("id")
        String id;
        @JsonProperty("passwordChanged")
        String passwordChanged;
        @JsonProperty("profile")
        @JsonDeserialize(using = PlainValues.ObjectDeserializer.class)
        Map<String, Object> profile;
        @JsonProperty("_links")
        @JsonDeserialize(using = LenientMaps.Links.class)
        Map<String, String> links;

        User toModel() {
            UserProfile userProfile = profile == null ? UserProfile.EMPTY
                    : new UserProfile(string(profile, "login"), string(profile, "firstName"),
                            string(profile, "lastName"), string(profile, "locale"), string(profile, "timeZone"),
                            profile);
            return new User(id, passwordChanged, userProfile, links);
        }

        private static String string(Map<String, Object> map, String key) {
            return map.get(key) instanceof String s ? s : null;
        }
    }

    /** {@code data.context.user._links.*}. */
    static final class Link {
        @JsonProperty("href")
        String href;
    }

    /** {@code data.context.policy}. */
    static final class PolicyBody {
        @JsonProperty("id")
        String id;
        @JsonProperty("rule")
        Rule rule;
    }

    /** {@code data.context.policy.rule}. */
    static final class Rule {
        @JsonProperty("id")
        String id;
    }

    /** {@code data.identity} or {@code data.access}. */
    static final class Token {
        @JsonProperty("claims")
        @JsonDeserialize(using = PlainValues.ObjectDeserializer.class)
        Map<String, Object> claims;
        @JsonProperty("token")
        TokenInfo token;
        @JsonProperty("scopes")
        @JsonDeserialize(using = LenientMaps.Scopes.class)
        Map<String, GrantedScope> scopes;

        IdentityToken identity() {
            return new IdentityToken(claims == null ? Map.of() : claims, Optional.ofNullable(lifetime()));
        }

        AccessToken access() {
            return new AccessToken(claims == null ? Map.of() : claims, Optional.ofNullable(lifetime()),
                    scopes == null ? Map.of() : scopes);
        }

        private Duration lifetime() {
            return token == null || token.lifetime == null || token.lifetime.expiration == null ? null
                    : Duration.ofSeconds(token.lifetime.expiration);
        }
    }

    /** {@code data.identity.token} or {@code data.access.token}. */
    static final class TokenInfo {
        @JsonProperty("lifetime")
        Lifetime lifetime;
    }

    /** {@code token.lifetime}. */
    static final class Lifetime {
        @JsonProperty("expiration")
        @JsonDeserialize(using = LenientScalars.Seconds.class)
        Long expiration;
    }

    /** {@code data.access.scopes.*}. */
    static final class Scope {
        @JsonProperty("id")
        String id;
        @JsonProperty("action")
        String action;
    }

    /** An object whose {@code jti} is wanted ({@code refresh_token}). */
    static final class Jti {
        @JsonProperty("jti")
        String jti;
    }
}
