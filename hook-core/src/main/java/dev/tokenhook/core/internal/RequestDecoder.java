package dev.tokenhook.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.tokenhook.core.AccessToken;
import dev.tokenhook.core.Client;
import dev.tokenhook.core.GrantedScope;
import dev.tokenhook.core.HookContext;
import dev.tokenhook.core.IdentityToken;
import dev.tokenhook.core.OktaRequest;
import dev.tokenhook.core.OriginalGrant;
import dev.tokenhook.core.Policy;
import dev.tokenhook.core.Protocol;
import dev.tokenhook.core.ProtocolRequest;
import dev.tokenhook.core.RequestDecodingException;
import dev.tokenhook.core.Session;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.User;
import dev.tokenhook.core.UserProfile;
import dev.tokenhook.core.Values;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streaming decoder of a token inline hook request. One pass over the bytes, no tree in between:
 * known fields are read into the model, unknown fields skipped, claims read into frozen maps.
 * Every failure becomes a {@link RequestDecodingException} naming the JSON location, never the input.
 */
public final class RequestDecoder {

    private static final Object[] EMPTY = {};
    /** OAuth parameters whose values are keywords, looked up among the known values. */
    private static final java.util.Set<String> KEYWORD_PARAMETERS = java.util.Set.of("response_type",
            "response_mode", "grant_type", "code_challenge_method");

    private final JsonParser parser;
    /**
     * Members and items of the objects and arrays being read, innermost last: each is copied out into an
     * array of exactly its size once complete, so no collection grows (and is thrown away) while reading.
     */
    private Object[] stack = new Object[32];
    private int top;

    private RequestDecoder(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * @param json the request body
     * @return the decoded request
     * @throws RequestDecodingException if the body is not a readable token inline hook request
     */
    public static TokenHookRequest decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new RequestDecodingException("Request body is empty");
        }
        if (json.length > JsonLimits.MAX_DOCUMENT_BYTES) {
            throw new RequestDecodingException("Request body exceeds " + JsonLimits.MAX_DOCUMENT_BYTES + " bytes");
        }
        try (JsonParser parser = new DuplicateKeyCheck(JsonLimits.REQUEST_FACTORY.createParser(json))) {
            return new RequestDecoder(parser).readDocument(parser.nextToken());
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /**
     * Decodes a request body straight from the stream, without copying it into an array first (the parser
     * reads it through its own recycled buffer). Reads at most {@code maxBytes + 1} bytes. The outcome is
     * the same as reading the whole body into an array (refusing more than {@code maxBytes}) and then
     * calling {@link #decode(byte[])}: a body that fails to read or is too long is reported as such even when its
     * beginning is already undecodable (the rest is then read, up to the limit, to find out), and a body
     * that decodes is read to its end.
     *
     * @param body the request body; not closed
     * @param maxBytes the most bytes accepted, at most {@link JsonLimits#MAX_DOCUMENT_BYTES}
     * @return the decoded request
     * @throws BodyTooLargeException if the body is longer than {@code maxBytes} (answer 413)
     * @throws IOException the exception {@code body} threw, if reading it failed (answer 400)
     * @throws RequestDecodingException if the body is not a readable token inline hook request (answer 400
     *     with the message), with the same message as {@link #decode(byte[])} gives for the same bytes
     */
    public static TokenHookRequest decode(InputStream body, int maxBytes) throws IOException, BodyTooLargeException {
        if (maxBytes < 0 || maxBytes > JsonLimits.MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("maxBytes must be between 0 and " + JsonLimits.MAX_DOCUMENT_BYTES);
        }
        BoundedInput in = new BoundedInput(java.util.Objects.requireNonNull(body, "body"), maxBytes);
        RequestDecodingException refused;
        try (JsonParser parser = new DuplicateKeyCheck(JsonLimits.REQUEST_FACTORY.createParser(in))) {
            JsonToken first = parser.nextToken();
            if (first == null && in.count() == 0) {
                throw new RequestDecodingException("Request body is empty");
            }
            return new RequestDecoder(parser).readDocument(first);
        } catch (IOException e) {
            refused = in.limitPassed() || in.failure() != null ? null : refusal(e);
        } catch (RequestDecodingException e) {
            refused = e;
        }
        in.drain();
        if (in.limitPassed()) {
            throw new BodyTooLargeException(maxBytes);
        }
        if (in.failure() != null) {
            throw in.failure();
        }
        throw refused;
    }

    /** The whole document: one object, then nothing but whitespace. */
    private TokenHookRequest readDocument(JsonToken first) throws IOException {
        TokenHookRequest request = readRequest(first);
        if (parser.nextToken() != null) {
            throw new RequestDecodingException("Unexpected content after the JSON object");
        }
        return request;
    }

    /** @return what a parser's exception means for the caller, without quoting the input */
    private static RequestDecodingException refusal(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return new RequestDecodingException("Request exceeds a JSON limit (nesting depth, string, name, number "
                    + "or document length)", e);
        }
        if (e instanceof JsonProcessingException j) {
            return new RequestDecodingException("Malformed JSON at " + location(j), e);
        }
        return new RequestDecodingException("Unreadable request body", e);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? "an unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private TokenHookRequest readRequest(JsonToken first) throws IOException {
        if (first != JsonToken.START_OBJECT) {
            throw new RequestDecodingException("Request body must be a JSON object");
        }
        String eventId = null;
        String eventTime = null;
        String eventType = null;
        String eventTypeVersion = null;
        String cloudEventVersion = null;
        String contentType = null;
        String source = null;
        Data data = Data.EMPTY;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "eventId" -> eventId = text("eventId");
                case "eventTime" -> eventTime = text("eventTime");
                case "eventType" -> eventType = knownText("eventType", "");
                case "eventTypeVersion" -> eventTypeVersion = knownText("eventTypeVersion", "");
                case "cloudEventVersion" -> cloudEventVersion = knownText("cloudEventVersion", "");
                case "contentType" -> contentType = knownText("contentType", "");
                case "source" -> source = text("source");
                case "data" -> data = isObject("data") ? readData() : Data.EMPTY;
                default -> parser.skipChildren();
            }
        }
        if (eventType != null && !TokenHookRequest.EVENT_TYPE.equals(eventType)) {
            throw new RequestDecodingException("eventType is not " + TokenHookRequest.EVENT_TYPE
                    + ": this endpoint only serves token inline hooks");
        }
        return new TokenHookRequest(eventId, eventTime, eventType, eventTypeVersion, cloudEventVersion, contentType,
                source, data.context, Optional.ofNullable(data.identity), Optional.ofNullable(data.access),
                Optional.ofNullable(data.refreshTokenJti));
    }

    private record Data(HookContext context, IdentityToken identity, AccessToken access, String refreshTokenJti) {
        static final Data EMPTY = new Data(HookContext.EMPTY, null, null, null);
    }

    private Data readData() throws IOException {
        HookContext context = HookContext.EMPTY;
        IdentityToken identity = null;
        AccessToken access = null;
        String refreshTokenJti = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "context" -> context = isObject("data.context") ? readContext() : HookContext.EMPTY;
                case "identity" -> identity = isObject("data.identity") ? readIdentity() : null;
                case "access" -> access = isObject("data.access") ? readAccess() : null;
                case "refresh_token" -> refreshTokenJti =
                        isObject("data.refresh_token") ? readJti("data.refresh_token.") : null;
                default -> parser.skipChildren();
            }
        }
        return new Data(context, identity, access, refreshTokenJti);
    }

    private HookContext readContext() throws IOException {
        OktaRequest request = OktaRequest.EMPTY;
        Protocol protocol = Protocol.EMPTY;
        Session session = null;
        User user = null;
        Policy policy = Policy.EMPTY;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "request" -> request = isObject("data.context.request") ? readOktaRequest() : OktaRequest.EMPTY;
                case "protocol" -> protocol = isObject("data.context.protocol") ? readProtocol() : Protocol.EMPTY;
                case "session" -> session = isObject("data.context.session") ? readSession() : null;
                case "user" -> user = isObject("data.context.user") ? readUser() : null;
                case "policy" -> policy = isObject("data.context.policy") ? readPolicy() : Policy.EMPTY;
                default -> parser.skipChildren();
            }
        }
        return new HookContext(request, protocol, Optional.ofNullable(session), Optional.ofNullable(user), policy);
    }

    private OktaRequest readOktaRequest() throws IOException {
        String id = null;
        String method = null;
        String url = null;
        String ipAddress = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = text("data.context.request.id");
                case "method" -> method = knownText("data.context.request.method", "");
                case "url" -> url = readUrl();
                case "ipAddress" -> ipAddress = text("data.context.request.ipAddress");
                default -> parser.skipChildren();
            }
        }
        return new OktaRequest(id, method, url, ipAddress);
    }

    /** {@code url} is {@code {"value": "..."}}; a plain string is accepted too. */
    private String readUrl() throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return text("data.context.request.url");
        }
        String value = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("value")) {
                value = text("data.context.request.url.value");
            } else {
                parser.skipChildren();
            }
        }
        return value;
    }

    private Protocol readProtocol() throws IOException {
        String type = null;
        ProtocolRequest request = ProtocolRequest.EMPTY;
        OriginalGrant originalGrant = null;
        String issuerUri = null;
        Client client = Client.EMPTY;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "type" -> type = knownText("data.context.protocol.type", "");
                case "request" -> request = isObject("data.context.protocol.request")
                        ? readParameters("data.context.protocol.request") : ProtocolRequest.EMPTY;
                case "OriginalGrant", "originalGrant" -> originalGrant =
                        isObject("data.context.protocol.", field) ? readOriginalGrant(field) : null;
                case "issuer" -> issuerUri = isObject("data.context.protocol.issuer") ? readIssuer() : null;
                case "client" -> client = isObject("data.context.protocol.client") ? readClient() : Client.EMPTY;
                default -> parser.skipChildren();
            }
        }
        return new Protocol(type, request, Optional.ofNullable(originalGrant), issuerUri, client);
    }

    private ProtocolRequest readParameters(String where) throws IOException {
        int base = top;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                push(field);
                push(KEYWORD_PARAMETERS.contains(field) ? scalarText() : parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> strings = (Map) members(base);
        return new ProtocolRequest(strings);
    }

    private OriginalGrant readOriginalGrant(String key) throws IOException {
        String where = "data.context.protocol." + key + ".";
        ProtocolRequest authorization = ProtocolRequest.EMPTY;
        String jti = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "authorization", "request" -> authorization = isObject(where, field)
                        ? readParameters(where + field) : authorization;
                case "refresh_token" -> jti = isObject(where, "refresh_token")
                        ? readJti(where + "refresh_token.") : null;
                default -> parser.skipChildren();
            }
        }
        return new OriginalGrant(authorization, Optional.ofNullable(jti));
    }

    private String readIssuer() throws IOException {
        String uri = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("uri")) {
                uri = text("data.context.protocol.issuer.uri");
            } else {
                parser.skipChildren();
            }
        }
        return uri;
    }

    private Client readClient() throws IOException {
        String id = null;
        String name = null;
        String type = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = text("data.context.protocol.client.id");
                case "name" -> name = text("data.context.protocol.client.name");
                case "type" -> type = knownText("data.context.protocol.client.type", "");
                default -> parser.skipChildren();
            }
        }
        return new Client(id, name, type);
    }

    private Session readSession() throws IOException {
        String where = "data.context.session.";
        String id = null;
        String userId = null;
        String login = null;
        String createdAt = null;
        String expiresAt = null;
        String status = null;
        String lastPassword = null;
        String lastFactor = null;
        List<String> amr = List.of();
        String idpId = null;
        String idpType = null;
        Boolean mfaActive = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = text(where, "id");
                case "userId" -> userId = text(where, "userId");
                case "login" -> login = text(where, "login");
                case "createdAt" -> createdAt = text(where, "createdAt");
                case "expiresAt" -> expiresAt = text(where, "expiresAt");
                case "status" -> status = knownText(where, "status");
                case "lastPasswordVerification" -> lastPassword = text(where, field);
                case "lastFactorVerification" -> lastFactor = text(where, field);
                case "amr" -> amr = textList(where, "amr");
                case "idp" -> {
                    if (isObject(where, "idp")) {
                        String[] idp = readMembers("data.context.session.idp.", "id", "type");
                        idpId = idp[0];
                        idpType = idp[1];
                    }
                }
                case "mfaActive" -> mfaActive = bool(where, "mfaActive");
                default -> parser.skipChildren();
            }
        }
        return new Session(id, userId, login, createdAt, expiresAt, status, lastPassword, lastFactor, amr, idpId,
                idpType, mfaActive);
    }

    private User readUser() throws IOException {
        String id = null;
        String passwordChanged = null;
        UserProfile profile = UserProfile.EMPTY;
        Map<String, String> links = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = text("data.context.user.id");
                case "passwordChanged" -> passwordChanged = text("data.context.user.passwordChanged");
                case "profile" -> profile = isObject("data.context.user.profile") ? readProfile() : UserProfile.EMPTY;
                case "_links" -> links = isObject("data.context.user._links") ? readLinks() : Map.of();
                default -> parser.skipChildren();
            }
        }
        return new User(id, passwordChanged, profile, links);
    }

    private UserProfile readProfile() throws IOException {
        Map<String, Object> attributes = readObjectValue();
        return new UserProfile(string(attributes, "login"), string(attributes, "firstName"),
                string(attributes, "lastName"), string(attributes, "locale"), string(attributes, "timeZone"),
                attributes);
    }

    private static String string(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s ? s : null;
    }

    private Map<String, String> readLinks() throws IOException {
        int base = top;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                String href = readMember("data.context.user._links.", "href");
                if (href != null) {
                    push(field);
                    push(href);
                }
            } else {
                parser.skipChildren();
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> strings = (Map) members(base);
        return strings;
    }

    private Policy readPolicy() throws IOException {
        String id = null;
        String ruleId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = text("data.context.policy.id");
                case "rule" -> ruleId = isObject("data.context.policy.rule")
                        ? readMember("data.context.policy.rule.", "id") : null;
                default -> parser.skipChildren();
            }
        }
        return new Policy(id, ruleId);
    }

    private IdentityToken readIdentity() throws IOException {
        Map<String, Object> claims = Map.of();
        Duration lifetime = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "claims" -> claims = isObject("data.identity.claims") ? readObjectValue() : Map.of();
                case "token" -> lifetime = isObject("data.identity.token") ? readLifetime("data.identity.token") : null;
                default -> parser.skipChildren();
            }
        }
        return new IdentityToken(claims, Optional.ofNullable(lifetime));
    }

    private AccessToken readAccess() throws IOException {
        Map<String, Object> claims = Map.of();
        Duration lifetime = null;
        Map<String, GrantedScope> scopes = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "claims" -> claims = isObject("data.access.claims") ? readObjectValue() : Map.of();
                case "token" -> lifetime = isObject("data.access.token") ? readLifetime("data.access.token") : null;
                case "scopes" -> scopes = isObject("data.access.scopes") ? readScopes() : Map.of();
                default -> parser.skipChildren();
            }
        }
        return new AccessToken(claims, Optional.ofNullable(lifetime), scopes);
    }

    private Map<String, GrantedScope> readScopes() throws IOException {
        int base = top;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            push(name);
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                String[] scope = readMembers("data.access.scopes.", "id", "action");
                push(new GrantedScope(scope[0], scope[1]));
            } else {
                parser.skipChildren();
                push(new GrantedScope(null, null));
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, GrantedScope> typed = (Map) members(base);
        return typed;
    }

    /** {@code token: {lifetime: {expiration: seconds}}}. */
    private Duration readLifetime(String where) throws IOException {
        Duration lifetime = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("lifetime") && isObject(where, ".lifetime")) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = parser.currentName();
                    parser.nextToken();
                    if (inner.equals("expiration")) {
                        lifetime = seconds(where, ".lifetime.expiration");
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return lifetime;
    }

    private Duration seconds(String where, String member) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Duration.ofSeconds(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_STRING && parser.getText().matches("\\d{1,18}")) {
            return Duration.ofSeconds(Long.parseLong(parser.getText()));
        }
        parser.skipChildren();
        throw new RequestDecodingException("Invalid request at " + where + member
                + ": expected a whole number of seconds");
    }

    /** @param prefix the object's location with a trailing dot, for error messages */
    private String readJti(String prefix) throws IOException {
        return readMember(prefix, "jti");
    }

    /**
     * Reads a flat object for one scalar member as text, skipping the rest (no map in between).
     *
     * @param prefix the object's location with a trailing dot, for error messages
     * @param name the member wanted
     * @return its value as text, or null if absent, null or not a scalar
     */
    private String readMember(String prefix, String name) throws IOException {
        String value = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals(name) && parser.currentToken().isScalarValue()) {
                value = text(prefix, field);
            } else {
                parser.skipChildren();
            }
        }
        return value;
    }

    /**
     * Reads a flat object for two scalar members as text, skipping the rest (no map in between).
     *
     * @param prefix the object's location with a trailing dot, for error messages
     * @param first the first member wanted
     * @param second the second member wanted, a keyword (idp type, scope action): see {@link #knownText}
     * @return their values as text, each null if absent, null or not a scalar
     */
    private String[] readMembers(String prefix, String first, String second) throws IOException {
        String[] values = new String[2];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            boolean scalar = parser.currentToken().isScalarValue();
            if (scalar && field.equals(first)) {
                values[0] = text(prefix, field);
            } else if (scalar && field.equals(second)) {
                values[1] = knownText(prefix, field);
            } else {
                parser.skipChildren();
            }
        }
        return values;
    }

    /**
     * @return the current token as text: strings as they are, numbers and booleans as written; null for null
     */
    private String text(String where) throws IOException {
        return text(where, "");
    }

    /*
     * The helpers below take the location in two parts (e.g. "data.context.session." and "login") and join
     * them only to report an error: the happy path builds no strings.
     */

    private String text(String where, String member) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return parser.getText();
        }
        parser.skipChildren();
        throw new RequestDecodingException("Invalid request at " + where + member + ": expected a string");
    }

    /**
     * {@link #text(String, String)} for a member whose value is usually one of a few keywords (the event
     * type, a method, a protocol, a state, a scope action...): a {@link KnownValues known value} comes back as
     * its shared instance. Only such members are looked up, so other text costs nothing more.
     */
    private String knownText(String where, String member) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return scalarText();
        }
        parser.skipChildren();
        throw new RequestDecodingException("Invalid request at " + where + member + ": expected a string");
    }

    /**
     * @return the current scalar token as text; a string value that recurs in every request
     *     ({@link KnownValues}) as its shared instance, without making a string of it first
     */
    private String scalarText() throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            int length = parser.getTextLength();
            if (length <= KnownValues.MAX_LENGTH) {
                char[] chars = parser.getTextCharacters();
                int offset = parser.getTextOffset();
                String known = KnownValues.find(chars, offset, length, KnownValues.hash(chars, offset, length));
                if (known != null) {
                    return known;
                }
            }
        }
        return parser.getText();
    }

    private Boolean bool(String where, String member) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        parser.skipChildren();
        throw new RequestDecodingException("Invalid request at " + where + member + ": expected true or false");
    }

    private List<String> textList(String where, String member) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            throw new RequestDecodingException("Invalid request at " + where + member + ": expected an array of strings");
        }
        int base = top;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonToken item = parser.currentToken();
            if (item.isScalarValue() && item != JsonToken.VALUE_NULL) {
                push(scalarText());
            } else if (item != JsonToken.VALUE_NULL) {
                parser.skipChildren();
                throw new RequestDecodingException("Invalid request at " + where + member + "[]: expected a string");
            }
        }
        int count = top - base;
        List<String> items = switch (count) {
            // the model keeps lists as List.copyOf does: these are kept as they are
            case 0 -> List.of();
            case 1 -> List.of((String) stack[base]);
            case 2 -> List.of((String) stack[base], (String) stack[base + 1]);
            default -> Arrays.asList(Arrays.copyOfRange(stack, base, top, String[].class));
        };
        top = base;
        return items;
    }

    /**
     * @return true if the current token starts an object; false for null; otherwise a decoding error
     */
    private boolean isObject(String where) throws IOException {
        return isObject(where, "");
    }

    private boolean isObject(String where, String member) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        parser.skipChildren();
        throw new RequestDecodingException("Invalid request at " + where + member + ": expected an object");
    }

    /** Reads the object the parser is at (START_OBJECT current) into a frozen map of plain values. */
    private Map<String, Object> readObjectValue() throws IOException {
        int base = top;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            push(parser.currentName());
            parser.nextToken();
            Object value = readValue(); // may use the stack above this member: push only once it returns
            push(value);
        }
        return members(base);
    }

    private void push(Object value) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = value;
    }

    /** @return the members pushed since {@code base}, as a frozen map; pops them */
    private Map<String, Object> members(int base) {
        Object[] members = top == base ? EMPTY : Arrays.copyOfRange(stack, base, top);
        top = base;
        return Values.adoptMembers(members);
    }

    /** @return the items pushed since {@code base}, as a frozen list; pops them */
    private List<Object> items(int base) {
        Object[] items = top == base ? EMPTY : Arrays.copyOfRange(stack, base, top);
        top = base;
        return Values.adoptItems(items);
    }

    private Object readValue() throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT:
                return readObjectValue();
            case START_ARRAY: {
                int base = top;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    Object item = readValue();
                    push(item);
                }
                return items(base);
            }
            case VALUE_STRING:
                // claims and profile attributes: values are the user's, seldom a known value; not looked up
                return parser.getText();
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT:
                try {
                    return parser.getDecimalValue();
                } catch (NumberFormatException e) {
                    // e.g. 1e9999999999: the exponent does not fit a BigDecimal. Jackson's message quotes
                    // the number, so neither it nor the exception is passed on.
                    throw new RequestDecodingException("Invalid request at line "
                            + parser.currentLocation().getLineNr() + ", column "
                            + parser.currentLocation().getColumnNr() + ": number out of range");
                }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new RequestDecodingException("Malformed JSON value at line "
                        + parser.currentLocation().getLineNr());
        }
    }
}
