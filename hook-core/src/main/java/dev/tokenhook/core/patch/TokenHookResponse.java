package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to Okta: commands (at most one per token, in the order the tokens were first written),
 * or an error that denies the token, plus optional debug context. Immutable, and always one Okta
 * accepts: under {@link PatchValidator#MAX_RESPONSE_BYTES}, with commands only from a
 * {@link ResponseAssembler}, which validates them against the request. {@link #toJson()} gives the bytes
 * to send with HTTP 200.
 */
public final class TokenHookResponse {

    private static final TokenHookResponse NO_CHANGE = new TokenHookResponse(Map.of(), null, Map.of());

    private final Map<TokenType, List<PatchOperation>> commands;
    private final HookError error;
    private final Map<String, Object> debugContext;
    /** Encoded once: the engine encodes to check Okta's size limit, the endpoint to send. */
    private volatile byte[] json;

    private TokenHookResponse(Map<TokenType, List<PatchOperation>> commands, HookError error,
            Map<String, Object> debugContext) {
        this.commands = commands;
        this.error = error;
        this.debugContext = debugContext;
    }

    /** @return the answer that changes nothing: {@code {}} */
    public static TokenHookResponse noChange() {
        return NO_CHANGE;
    }

    /**
     * A denial that always reaches Okta: debug entries (last first), then error causes (last first) are
     * left out as far as needed to keep the answer under {@link PatchValidator#MAX_RESPONSE_BYTES}; the
     * summary always stays.
     *
     * @param error why the token must not be minted
     * @param debugContext entries for Okta's System Log (JSON-like values), possibly empty
     * @return an answer that denies the token
     * @throws InvalidPatchException if the error is missing or a debug value is not JSON
     */
    public static TokenHookResponse deny(HookError error, Map<String, Object> debugContext) {
        if (error == null) {
            throw new InvalidPatchException("A denial needs an error");
        }
        Map<String, Object> debug = checkedDebug(debugContext);
        return AnswerFit.denial(error, List.of(new AnswerFit.Part(null, List.of(), debug))).response();
    }

    /** Builds a denial as given, unchecked: for {@link AnswerFit}. */
    static TokenHookResponse denial(HookError error, Map<String, Object> debugContext) {
        return new TokenHookResponse(Map.of(), error, debugContext);
    }

    /**
     * Groups operations into one command per token, keeping their order; the token written first comes
     * first. Unchecked: the public way to an answer with commands is {@link ResponseAssembler}.
     *
     * @param operations validated operations
     * @param debugContext entries for Okta's System Log, possibly empty
     * @return the answer
     */
    static TokenHookResponse of(List<PatchOperation> operations, Map<String, Object> debugContext) {
        if (operations.isEmpty() && (debugContext == null || debugContext.isEmpty())) {
            return NO_CHANGE;
        }
        Map<TokenType, List<PatchOperation>> grouped = new LinkedHashMap<>(4);
        for (PatchOperation operation : operations) {
            grouped.computeIfAbsent(operation.token(), t -> new ArrayList<>()).add(operation);
        }
        grouped.replaceAll((token, ops) -> Collections.unmodifiableList(ops));
        return new TokenHookResponse(Collections.unmodifiableMap(grouped), null, Values.readOnlyMap(debugContext));
    }

    /** @return the debug entries, each checked to be JSON, read-only */
    static Map<String, Object> checkedDebug(Map<String, Object> debugContext) {
        if (debugContext == null || debugContext.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        debugContext.forEach((key, value) -> {
            if (key == null || key.isEmpty()) {
                throw new InvalidPatchException("debugContext keys must not be empty");
            }
            checked.put(key, JsonValues.checked(value, "debugContext." + key));
        });
        return Values.readOnlyMap(checked);
    }

    /** @return the operations per token, in command order; empty when denied or unchanged */
    public Map<TokenType, List<PatchOperation>> commands() {
        return commands;
    }

    /** @return every operation, in the order they are sent */
    public List<PatchOperation> operations() {
        List<PatchOperation> all = new ArrayList<>();
        commands.values().forEach(all::addAll);
        return all;
    }

    /** @return the denial, if this answer stops the token */
    public Optional<HookError> error() {
        return Optional.ofNullable(error);
    }

    /** @return the debug context, possibly empty */
    public Map<String, Object> debugContext() {
        return debugContext;
    }

    /** @return whether this answer denies the token */
    public boolean isDenied() {
        return error != null;
    }

    /** @return whether this answer changes nothing */
    public boolean isNoChange() {
        return error == null && commands.isEmpty();
    }

    /**
     * @return the JSON body: no null fields, {@code remove} without {@code value}, {@code {}} for no change;
     *     a fresh copy on every call (encoded once)
     */
    public byte[] toJson() {
        return encoded().clone();
    }

    /** @return the size of {@link #toJson()} in bytes */
    public int encodedSize() {
        return encoded().length;
    }

    private byte[] encoded() {
        byte[] encoded = json;
        if (encoded == null) {
            encoded = ResponseEncoder.encode(this);
            json = encoded;
        }
        return encoded;
    }

    @Override
    public String toString() {
        if (isDenied()) {
            return "TokenHookResponse[denied]";
        }
        StringBuilder out = new StringBuilder("TokenHookResponse[");
        commands.forEach((token, ops) -> ops.forEach(op -> out.append(op.describe()).append("; ")));
        return out.append(']').toString();
    }
}
