package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.Values;
import dev.tokenhook.core.internal.ResponseEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to Okta: commands (at most one per token, in the order the tokens were first written),
 * or an error that denies the token, plus optional debug context. Immutable. Build one from validated
 * operations; {@link #toJson()} gives the bytes to send with HTTP 200.
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
     * @param error why the token must not be minted
     * @param debugContext entries for Okta's System Log, possibly empty
     * @return an answer that denies the token
     */
    public static TokenHookResponse deny(HookError error, Map<String, Object> debugContext) {
        if (error == null) {
            throw new InvalidPatchException("A denial needs an error");
        }
        return new TokenHookResponse(Map.of(), error, Values.readOnlyMap(debugContext));
    }

    /**
     * Groups operations into one command per token, keeping their order; the token written first comes
     * first. Does not validate: run {@link PatchValidator} first.
     *
     * @param operations validated operations
     * @param debugContext entries for Okta's System Log, possibly empty
     * @return the answer
     */
    public static TokenHookResponse of(List<PatchOperation> operations, Map<String, Object> debugContext) {
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
        byte[] encoded = json;
        if (encoded == null) {
            encoded = ResponseEncoder.encode(this);
            json = encoded;
        }
        return encoded.clone();
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
