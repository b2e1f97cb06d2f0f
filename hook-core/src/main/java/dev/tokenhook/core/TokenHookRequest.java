package dev.tokenhook.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One token inline hook request: the envelope, {@code data.context} and the tokens being minted.
 * Immutable and thread-safe. Decode one with {@link #fromJson(byte[])}.
 *
 * @param eventId unique per hook call: use it for logs and duplicate detection
 * @param eventTime when Okta sent the call (ISO-8601, as sent)
 * @param eventType {@code com.okta.oauth2.tokens.transform}
 * @param eventTypeVersion e.g. {@code 1.0}
 * @param cloudEventVersion e.g. {@code 0.1}
 * @param contentType e.g. {@code application/json}
 * @param source the Okta endpoint that triggered the hook ({@code .../v1/authorize} or {@code .../v1/token})
 * @param context {@code data.context}
 * @param identity the ID token being minted, if any
 * @param access the access token being minted, if any
 * @param refreshTokenJti {@code data.refresh_token.jti}, if a refresh token is involved
 * @param ignoredFields where the body had a known field of a JSON type the model could not use (e.g.
 *     {@code data.context.session.mfaActive} sent as {@code "maybe"}), so it is absent here; locations only,
 *     in the order met
 * @param unmappedFields what the body had that the model does not hold, by location: members the model does
 *     not name (e.g. a field Okta adds later, at {@code data.context.riskLevel}) and the ignored fields, each
 *     with its value as sent, as read-only plain Java values (maps, lists, strings, numbers, booleans, null)
 */
public record TokenHookRequest(
        String eventId,
        String eventTime,
        String eventType,
        String eventTypeVersion,
        String cloudEventVersion,
        String contentType,
        String source,
        HookContext context,
        Optional<IdentityToken> identity,
        Optional<AccessToken> access,
        Optional<String> refreshTokenJti,
        List<String> ignoredFields,
        Map<String, Object> unmappedFields) {

    /** The only event type a token inline hook receives. */
    public static final String EVENT_TYPE = "com.okta.oauth2.tokens.transform";

    /**
     * The largest request body {@code fromJson} reads, in bytes (4 MiB); an endpoint's configurable body
     * limit may not exceed it.
     */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    /** Checks the structured components are present. */
    public TokenHookRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(refreshTokenJti, "refreshTokenJti");
        ignoredFields = ignoredFields == null ? List.of() : List.copyOf(ignoredFields);
        unmappedFields = Values.readOnlyMap(unmappedFields);
    }

    /**
     * A request with nothing ignored or unmapped.
     *
     * @param eventId unique per hook call
     * @param eventTime when Okta sent the call
     * @param eventType {@code com.okta.oauth2.tokens.transform}
     * @param eventTypeVersion e.g. {@code 1.0}
     * @param cloudEventVersion e.g. {@code 0.1}
     * @param contentType e.g. {@code application/json}
     * @param source the Okta endpoint that triggered the hook
     * @param context {@code data.context}
     * @param identity the ID token being minted, if any
     * @param access the access token being minted, if any
     * @param refreshTokenJti {@code data.refresh_token.jti}, if a refresh token is involved
     */
    public TokenHookRequest(String eventId, String eventTime, String eventType, String eventTypeVersion,
            String cloudEventVersion, String contentType, String source, HookContext context,
            Optional<IdentityToken> identity, Optional<AccessToken> access, Optional<String> refreshTokenJti) {
        this(eventId, eventTime, eventType, eventTypeVersion, cloudEventVersion, contentType, source, context,
                identity, access, refreshTokenJti, List.of(), Map.of());
    }

    /**
     * @param location a location as in {@link #unmappedFields()}, e.g. {@code data.context.riskLevel}
     * @return the value sent there that the model does not hold, if any (absent also for a JSON {@code null})
     */
    public Optional<Object> unmapped(String location) {
        return Optional.ofNullable(unmappedFields.get(location));
    }

    /**
     * Two requests are equal when what the model holds is: how the body spelled the rest
     * ({@link #ignoredFields()}, {@link #unmappedFields()}) is not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHookRequest that && Objects.equals(eventId, that.eventId)
                && Objects.equals(eventTime, that.eventTime) && Objects.equals(eventType, that.eventType)
                && Objects.equals(eventTypeVersion, that.eventTypeVersion)
                && Objects.equals(cloudEventVersion, that.cloudEventVersion)
                && Objects.equals(contentType, that.contentType) && Objects.equals(source, that.source)
                && context.equals(that.context) && identity.equals(that.identity) && access.equals(that.access)
                && refreshTokenJti.equals(that.refreshTokenJti);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, eventTime, eventType, eventTypeVersion, cloudEventVersion, contentType, source,
                context, identity, access, refreshTokenJti);
    }

    /**
     * Decodes the JSON body Okta sent. Lenient: unknown fields are ignored and every part is optional.
     * Hardened: nesting depth, string, number and document sizes are limited and duplicate keys rejected.
     * Field by field: a known field of another JSON type is coerced where the meaning is unambiguous
     * ({@code "false"}, {@code 3600.0}) and otherwise left absent and listed in {@link #ignoredFields()}.
     *
     * @param json the request body, UTF-8 JSON
     * @return the request
     * @throws RequestDecodingException if the body is not a readable request; the message says where
     */
    public static TokenHookRequest fromJson(byte[] json) {
        return RequestDecoder.decode(json);
    }

    /**
     * @param json the request body as text
     * @return the request
     * @throws RequestDecodingException if the text is not a readable request
     * @see #fromJson(byte[])
     */
    public static TokenHookRequest fromJson(String json) {
        return fromJson(json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Decodes the JSON body Okta sent straight from the stream, as an HTTP adapter receives it, without
     * copying it into an array first. Reads at most {@code maxBytes + 1} bytes. The outcome is the same as
     * reading the whole body (refusing more than {@code maxBytes}) and calling {@link #fromJson(byte[])}.
     *
     * @param body the request body, UTF-8 JSON; not closed
     * @param maxBytes the most bytes accepted, between 0 and {@link #MAX_DOCUMENT_BYTES}
     * @return the request
     * @throws BodyTooLargeException if the body is longer than {@code maxBytes} (answer 413)
     * @throws IOException the exception {@code body} threw, if reading it failed (answer 400)
     * @throws RequestDecodingException if the body is not a readable request (answer 400 with the message)
     * @throws IllegalArgumentException if {@code maxBytes} is outside its range
     */
    public static TokenHookRequest fromJson(InputStream body, int maxBytes) throws IOException, BodyTooLargeException {
        return RequestDecoder.decode(body, maxBytes);
    }

    /**
     * @param type a token type
     * @return the token of that type, if Okta is minting it
     */
    public Optional<? extends MintedToken> token(TokenType type) {
        return type == TokenType.ID_TOKEN ? identity : access;
    }

    /**
     * @param type a token type
     * @return whether Okta is minting that token in this request (only those may be patched)
     */
    public boolean mints(TokenType type) {
        return token(type).isPresent();
    }

    /** @return the user's Okta profile, if a user is bound to this request */
    public Optional<User> user() {
        return context.user();
    }

    /**
     * The user's login: {@code context.user.profile.login}, else the ID token's
     * {@code preferred_username}. Empty for machine-to-machine flows.
     *
     * @return the login, if known
     */
    public Optional<String> userLogin() {
        Optional<String> login = context.user().map(u -> u.profile().login()).filter(s -> !s.isBlank());
        if (login.isPresent()) {
            return login;
        }
        return identity.flatMap(id -> id.stringClaim("preferred_username")).filter(s -> !s.isBlank());
    }

    /**
     * The OAuth grant: {@code grant_type} for {@code /token} calls; for {@code /authorize} calls, which
     * carry no grant type, {@code authorization_code} when {@code response_type} is {@code code} alone
     * and {@code implicit} for any other response type (implicit and hybrid flows).
     *
     * @return the grant type, if it can be told
     */
    public Optional<String> grantType() {
        ProtocolRequest request = context.protocol().request();
        Optional<String> explicit = request.grantType();
        if (explicit.isPresent()) {
            return explicit;
        }
        Set<String> responseTypes = request.responseTypes();
        if (responseTypes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(responseTypes.equals(Set.of("code")) ? "authorization_code" : "implicit");
    }

    /**
     * The scopes granted: the access token's scopes when an access token is minted, else the requested
     * {@code scope} parameter.
     *
     * @return scope names, read-only
     */
    public Set<String> grantedScopes() {
        if (access.isPresent() && !access.get().scopes().isEmpty()) {
            return Collections.unmodifiableSet(access.get().scopes().keySet());
        }
        return context.protocol().request().scopes();
    }

    /** @return the OAuth client id: {@code protocol.client.id}, else the {@code client_id} parameter */
    public Optional<String> clientId() {
        String id = context.protocol().client().id();
        return id != null ? Optional.of(id) : context.protocol().request().clientId();
    }

    /**
     * The groups in the {@code groups} claim of the ID token, else of the access token (only when the
     * authorization server has a groups claim).
     *
     * @return group names, read-only, possibly empty
     */
    public List<String> groups() {
        for (Optional<? extends MintedToken> token : List.of(identity, access)) {
            if (token.isPresent() && token.get().claims().get("groups") instanceof List<?> list) {
                return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            }
        }
        return List.of();
    }
}
