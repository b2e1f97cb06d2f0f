package dev.tokenhook.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.MintedToken;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays Okta's side of a token inline hook: applies a hook's answer to the request's tokens the way
 * Okta does (SPEC §2.1, §5, §6), reading the raw bytes as Okta would, not tokenhook's model.
 *
 * <ul>
 *   <li>timeout, status other than 200, unreadable JSON or a body of 256 KB or more: the hook is
 *       skipped and the tokens are minted unmodified ({@link EmulatedOutcome.Result#HOOK_FAILED});</li>
 *   <li>an {@code error} object: no token; the client gets {@code server_error} with the
 *       {@code errorSummary} ({@link EmulatedOutcome.Result#DENIED});</li>
 *   <li>one invalid command or operation (unknown type, a token not being minted, a reserved claim, a
 *       missing target or parent, a bad index, a lifetime out of 300..86400 or not an integer, a
 *       {@code remove} with a value, a null value): the whole patch is discarded and the tokens minted
 *       unmodified ({@link EmulatedOutcome.Result#DISCARDED}), with the reason;</li>
 *   <li>otherwise the operations are applied in order ({@link EmulatedOutcome.Result#PATCHED}).</li>
 * </ul>
 *
 * Reserved claims follow Okta's documented per-token table (bundled with hook-core), which is less
 * strict than tokenhook's own conservative default. Thread-safe.
 */
public final class OktaEmulator {

    /** Okta's response limit: the body must be smaller than this. */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, TokenType> COMMAND_TYPES = Map.of(
            TokenType.ID_TOKEN.commandType(), TokenType.ID_TOKEN,
            TokenType.ACCESS_TOKEN.commandType(), TokenType.ACCESS_TOKEN);
    private static final String LIFETIME_PATH = "/token/lifetime/expiration";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final Map<TokenType, Set<String>> reserved;

    /** An emulator with Okta's documented reserved-claim table. */
    public OktaEmulator() {
        this.reserved = documentedReservedClaims();
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
                    + " bytes is not under 256 KB");
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
            for (JsonNode op : command.get("value")) {
                applyOperation(type, op, claims.get(type), lifetimes);
            }
        }
        return new EmulatedOutcome(EmulatedOutcome.Result.PATCHED, "patch applied",
                token(TokenType.ID_TOKEN, claims, lifetimes), token(TokenType.ACCESS_TOKEN, claims, lifetimes));
    }

    private void applyOperation(TokenType type, JsonNode op, Map<String, Object> claims,
            Map<TokenType, Duration> lifetimes) {
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
        if (reserved.get(type).contains(segments.get(0))) {
            throw new Discarded("reserved claim '" + segments.get(0) + "' in the " + type.label());
        }
        Object plain = name.equals("remove") ? null : JSON.convertValue(value, Object.class);
        if (segments.size() == 1) {
            applyToMap(name, claims, segments.get(0), plain, path);
            return;
        }
        Object parent = claims.get(segments.get(0));
        for (String segment : segments.subList(1, segments.size() - 1)) {
            parent = child(parent, segment);
        }
        String last = segments.get(segments.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) map;
            applyToMap(name, members, last, plain, path);
        } else if (parent instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> elements = (List<Object>) list;
            applyToList(name, elements, last, plain, path);
        } else {
            throw new Discarded("no object or array to change at " + path);
        }
    }

    private static void applyToMap(String op, Map<String, Object> map, String key, Object value, String path) {
        if (!op.equals("add") && !map.containsKey(key)) {
            throw new Discarded("target of " + op + " does not exist: " + path);
        }
        if (op.equals("remove")) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static void applyToList(String op, List<Object> list, String segment, Object value, String path) {
        if (segment.equals("-")) {
            if (!op.equals("add")) {
                throw new Discarded("'-' is only valid with add: " + path);
            }
            list.add(value);
            return;
        }
        int index = index(segment);
        int limit = op.equals("add") ? list.size() : list.size() - 1;
        if (index < 0 || index > limit) {
            throw new Discarded("invalid array index at " + path);
        }
        switch (op) {
            case "add" -> list.add(index, value);
            case "replace" -> list.set(index, value);
            default -> list.remove(index);
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

    /** Reads the per-token {@code reserved} table (not the conservative union) bundled with hook-core. */
    private static Map<TokenType, Set<String>> documentedReservedClaims() {
        Map<TokenType, Set<String>> table = new EnumMap<>(TokenType.class);
        table.put(TokenType.ID_TOKEN, new HashSet<>());
        table.put(TokenType.ACCESS_TOKEN, new HashSet<>());
        try (InputStream in = MintedToken.class.getResourceAsStream("/dev/tokenhook/core/patch/reserved-claims.json")) {
            if (in == null) {
                throw new IllegalStateException("hook-core's reserved-claims.json is missing from the classpath");
            }
            for (JsonNode entry : JSON.readTree(in).path("reserved")) {
                for (JsonNode token : entry.path("tokens")) {
                    for (TokenType type : TokenType.values()) {
                        if (type.label().equals(token.asText())) {
                            table.get(type).add(entry.path("claim").asText());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        table.replaceAll((type, names) -> Set.copyOf(names));
        return table;
    }

    /** One reason Okta discards the whole patch. */
    private static final class Discarded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Discarded(String reason) {
            super(reason, null, false, false);
        }
    }
}
