package dev.tokenhook.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.ReservedClaims;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plays Okta's side of a token inline hook: applies a hook's answer to the request's tokens the way
 * Okta does (SPEC §2.1, §5, §6), reading the raw bytes as Okta would, not tokenhook's model.
 *
 * <ul>
 *   <li>timeout, status other than 200, unreadable JSON, a body that is not under 256,000 bytes, or an
 *       {@code error} that is not an object: the hook is skipped and the tokens are minted unmodified
 *       ({@link EmulatedOutcome.Result#HOOK_FAILED});</li>
 *   <li>an {@code error} object: no token; the client gets {@code server_error} with the
 *       {@code errorSummary} ({@link EmulatedOutcome.Result#DENIED});</li>
 *   <li>one invalid command or operation (unknown type, a token not being minted, a reserved claim, a
 *       missing target or parent, a bad index, a lifetime out of 300..86400 or not an integer or not
 *       {@code replace}, a {@code remove} with a value, an {@code add} or {@code replace} without one):
 *       the whole patch is discarded and the tokens minted unmodified
 *       ({@link EmulatedOutcome.Result#DISCARDED}), with the reason;</li>
 *   <li>otherwise the operations are applied in order ({@link EmulatedOutcome.Result#PATCHED}).</li>
 * </ul>
 *
 * <p>Where Okta's documentation is silent, the emulator takes these readings:
 * <ul>
 *   <li><b>Size</b>: Okta says "less than 256 KB"; read conservatively as under 256,000 bytes.</li>
 *   <li><b>Reserved claims</b>: Okta's per-token table ({@link ReservedClaims#defaults()}, unless given
 *       another). {@code cnf} is reserved in the access token only "when DPoP is enabled"; a hook request
 *       does not say whether it is, so {@code cnf} is read conservatively as always reserved.</li>
 *   <li><b>A non-object {@code error}</b> (a string, a number, an array) does not match Okta's response
 *       schema: the answer is treated as unreadable (hook skipped, tokens unmodified), not as a denial.
 *       {@code "error": null} counts as no error.</li>
 *   <li><b>What an operation is judged against</b>: Okta requires targets to exist "in the token as it
 *       appears in the request", so every operation is judged against the request's tokens, never
 *       against a copy changed by the operations before it (two removes of the same claim are both
 *       valid; a replace of a claim added earlier in the same answer is not). The operations are then
 *       applied in order; where an earlier one already changed the target, a later {@code remove} of a
 *       gone member or element does nothing, a {@code replace} of one puts it back (an index past the
 *       end appends), an {@code add} at an index past the end appends, and an operation under a parent
 *       an earlier one removed does nothing.</li>
 * </ul>
 * Thread-safe.
 */
public final class OktaEmulator {

    /** Okta's response limit, read conservatively ("less than 256 KB"): the body must be smaller than this. */
    public static final int MAX_RESPONSE_BYTES = 256_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, TokenType> COMMAND_TYPES = Map.of(
            TokenType.ID_TOKEN.commandType(), TokenType.ID_TOKEN,
            TokenType.ACCESS_TOKEN.commandType(), TokenType.ACCESS_TOKEN);
    private static final String LIFETIME_PATH = "/token/lifetime/expiration";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final ReservedClaims reserved;

    /** An emulator with Okta's documented reserved-claim table, {@code cnf} read conservatively. */
    public OktaEmulator() {
        this(ReservedClaims.defaults());
    }

    /**
     * @param reserved the reserved-claim table to judge by, e.g. Okta's after a change it made
     */
    public OktaEmulator(ReservedClaims reserved) {
        this.reserved = Objects.requireNonNull(reserved, "reserved");
    }

    /**
     * Sends the request to a running hook the way Okta does and applies the answer.
     *
     * @param hook the caller aimed at the hook
     * @param requestJson the request body
     * @return what Okta would mint
     */
    public EmulatedOutcome call(OktaHookCaller hook, byte[] requestJson) {
        return apply(TokenHookRequest.fromJson(requestJson), hook.call(requestJson));
    }

    /**
     * @param request the request that was sent
     * @param call what came back
     * @return what Okta would mint
     */
    public EmulatedOutcome apply(TokenHookRequest request, HookCall call) {
        if (call.timedOut()) {
            return unmodified(request, EmulatedOutcome.Result.HOOK_FAILED, "no answer within "
                    + OktaHookCaller.OKTA_TIMEOUT.toSeconds() + " s");
        }
        return apply(request, call.status(), call.body());
    }

    /**
     * @param request the request that was sent
     * @param status the HTTP status of the answer
     * @param body the answer's body
     * @return what Okta would mint
     */
    public EmulatedOutcome apply(TokenHookRequest request, int status, byte[] body) {
        if (status != 200) {
            return unmodified(request, EmulatedOutcome.Result.HOOK_FAILED, "hook answered HTTP " + status);
        }
        if (body.length >= MAX_RESPONSE_BYTES) {
            return unmodified(request, EmulatedOutcome.Result.HOOK_FAILED, "response of " + body.length
                    + " bytes is not under " + MAX_RESPONSE_BYTES + " (256 KB read conservatively)");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return unmodified(request, EmulatedOutcome.Result.HOOK_FAILED, "response is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            return unmodified(request, EmulatedOutcome.Result.HOOK_FAILED, "response is not a JSON object");
        }
        if (answer.hasNonNull("error")) {
            if (!answer.get("error").isObject()) {
                return unmodified(request, EmulatedOutcome.Result.HOOK_FAILED,
                        "error is not an object, so the response does not match Okta's schema");
            }
            JsonNode summary = answer.get("error").get("errorSummary");
            String description = summary != null && summary.isTextual() && !summary.asText().isBlank()
                    ? summary.asText() : EmulatedOutcome.DEFAULT_ERROR_DESCRIPTION;
            return new EmulatedOutcome(EmulatedOutcome.Result.DENIED, description, Optional.empty(), Optional.empty());
        }
        JsonNode commands = answer.get("commands");
        if (commands == null || commands.isNull() || (commands.isArray() && commands.isEmpty())) {
            return unmodified(request, EmulatedOutcome.Result.UNCHANGED, "no commands");
        }
        try {
            return patched(request, commands);
        } catch (Discarded e) {
            return unmodified(request, EmulatedOutcome.Result.DISCARDED, e.getMessage());
        }
    }

    private EmulatedOutcome patched(TokenHookRequest request, JsonNode commands) {
        if (!commands.isArray()) {
            throw new Discarded("commands is not an array");
        }
        Map<TokenType, Map<String, Object>> claims = new EnumMap<>(TokenType.class);
        Map<TokenType, Duration> lifetimes = new EnumMap<>(TokenType.class);
        for (TokenType type : TokenType.values()) {
            request.token(type).ifPresent(token -> {
                claims.put(type, mutableCopy(token.claims()));
                lifetimes.put(type, token.lifetime().orElse(DEFAULT_LIFETIME));
            });
        }
        for (JsonNode command : commands) {
            TokenType type = COMMAND_TYPES.get(command.path("type").asText(""));
            if (type == null) {
                throw new Discarded("invalid command type '" + command.path("type").asText("") + "'");
            }
            if (!claims.containsKey(type)) {
                throw new Discarded("command for a " + type.label() + " that is not being minted");
            }
            if (!command.path("value").isArray()) {
                throw new Discarded("command value is not an array of operations");
            }
            Map<String, Object> asRequested = request.token(type).orElseThrow().claims();
            for (JsonNode op : command.get("value")) {
                applyOperation(type, op, asRequested, claims.get(type), lifetimes);
            }
        }
        return new EmulatedOutcome(EmulatedOutcome.Result.PATCHED, "patch applied",
                token(TokenType.ID_TOKEN, claims, lifetimes), token(TokenType.ACCESS_TOKEN, claims, lifetimes));
    }

    /** Judges one operation against the request's token, then applies it to the token being built. */
    private void applyOperation(TokenType type, JsonNode op, Map<String, Object> asRequested,
            Map<String, Object> claims, Map<TokenType, Duration> lifetimes) {
        String name = op.path("op").asText("");
        String path = op.path("path").asText("");
        JsonNode value = op.get("value");
        if (!List.of("add", "replace", "remove").contains(name)) {
            throw new Discarded("invalid operation '" + name + "'");
        }
        if (name.equals("remove") && value != null && !value.isNull()) {
            throw new Discarded("remove with a value at " + path);
        }
        if (!name.equals("remove") && (value == null || value.isNull())) {
            throw new Discarded(name + " without a value at " + path);
        }
        if (path.equals(LIFETIME_PATH)) {
            if (!name.equals("replace") || !value.canConvertToLong() || !value.isIntegralNumber()
                    || value.asLong() < 300 || value.asLong() > 86_400) {
                throw new Discarded("lifetime must be replaced with an integer from 300 to 86400");
            }
            lifetimes.put(type, Duration.ofSeconds(value.asLong()));
            return;
        }
        if (!path.startsWith("/claims/")) {
            throw new Discarded("invalid path " + path);
        }
        List<String> segments = segments(path.substring("/claims/".length()));
        if (reserved.isReserved(type, segments.get(0))) {
            throw new Discarded("reserved claim '" + segments.get(0) + "' in the " + type.label());
        }
        judge(name, asRequested, segments, path);
        Object plain = name.equals("remove") ? null : JSON.convertValue(value, Object.class);
        apply(name, claims, segments, plain);
    }

    /** Okta's preconditions, against the token as it appears in the request (SPEC §5.2, §6.3). */
    private static void judge(String op, Map<String, Object> asRequested, List<String> segments, String path) {
        if (segments.size() == 1) {
            if (!op.equals("add") && !asRequested.containsKey(segments.get(0))) {
                throw new Discarded("target of " + op + " does not exist: " + path);
            }
            return;
        }
        Object parent = asRequested.get(segments.get(0));
        for (String segment : segments.subList(1, segments.size() - 1)) {
            parent = child(parent, segment);
        }
        String last = segments.get(segments.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            if (!op.equals("add") && !map.containsKey(last)) {
                throw new Discarded("target of " + op + " does not exist: " + path);
            }
        } else if (parent instanceof List<?> list) {
            if (last.equals("-")) {
                if (!op.equals("add")) {
                    throw new Discarded("'-' is only valid with add: " + path);
                }
                return;
            }
            int index = index(last);
            int limit = op.equals("add") ? list.size() : list.size() - 1;
            if (index < 0 || index > limit) {
                throw new Discarded("invalid array index at " + path);
            }
        } else {
            throw new Discarded("no object or array to change at " + path);
        }
    }

    /** Applies a judged operation to the token being built, as the class documentation describes. */
    @SuppressWarnings("unchecked")
    private static void apply(String op, Map<String, Object> claims, List<String> segments, Object value) {
        Object parent = claims;
        String last = segments.get(0);
        if (segments.size() > 1) {
            parent = claims.get(segments.get(0));
            for (String segment : segments.subList(1, segments.size() - 1)) {
                parent = child(parent, segment);
            }
            last = segments.get(segments.size() - 1);
        }
        if (parent instanceof Map<?, ?> map) {
            Map<String, Object> members = (Map<String, Object>) map;
            if (op.equals("remove")) {
                members.remove(last);
            } else {
                members.put(last, value);
            }
        } else if (parent instanceof List<?> list) {
            List<Object> elements = (List<Object>) list;
            int index = last.equals("-") ? elements.size() : index(last);
            if (index < 0) {
                return; // a member name on what was an object in the request: judged above, nothing to apply
            }
            if (op.equals("remove")) {
                if (index < elements.size()) {
                    elements.remove(index);
                }
            } else if (op.equals("replace") && index < elements.size()) {
                elements.set(index, value);
            } else {
                elements.add(Math.min(index, elements.size()), value);
            }
        }
    }

    private static Object child(Object parent, String segment) {
        if (parent instanceof Map<?, ?> map && map.containsKey(segment)) {
            return map.get(segment);
        }
        if (parent instanceof List<?> list) {
            int index = index(segment);
            if (index >= 0 && index < list.size()) {
                return list.get(index);
            }
        }
        return null;
    }

    private static int index(String segment) {
        if (!segment.matches("0|[1-9][0-9]{0,8}")) {
            return -1;
        }
        return Integer.parseInt(segment);
    }

    private static List<String> segments(String escaped) {
        List<String> out = new ArrayList<>();
        for (String raw : escaped.split("/", -1)) {
            if (raw.matches(".*~([^01]|$).*")) {
                throw new Discarded("invalid JSON Pointer escape in a path");
            }
            out.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        if (out.get(0).isEmpty()) {
            throw new Discarded("empty claim name");
        }
        return out;
    }

    private static EmulatedOutcome unmodified(TokenHookRequest request, EmulatedOutcome.Result result, String reason) {
        Map<TokenType, Map<String, Object>> claims = new EnumMap<>(TokenType.class);
        Map<TokenType, Duration> lifetimes = new EnumMap<>(TokenType.class);
        for (TokenType type : TokenType.values()) {
            request.token(type).ifPresent(token -> {
                claims.put(type, token.claims());
                lifetimes.put(type, token.lifetime().orElse(DEFAULT_LIFETIME));
            });
        }
        return new EmulatedOutcome(result, reason, token(TokenType.ID_TOKEN, claims, lifetimes),
                token(TokenType.ACCESS_TOKEN, claims, lifetimes));
    }

    private static Optional<EmulatedToken> token(TokenType type, Map<TokenType, Map<String, Object>> claims,
            Map<TokenType, Duration> lifetimes) {
        return claims.containsKey(type)
                ? Optional.of(new EmulatedToken(type, claims.get(type), lifetimes.get(type)))
                : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableCopy(Map<String, Object> claims) {
        return (Map<String, Object>) deepCopy(claims);
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    /** One reason Okta discards the whole patch. */
    private static final class Discarded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Discarded(String reason) {
            super(reason, null, false, false);
        }
    }
}
