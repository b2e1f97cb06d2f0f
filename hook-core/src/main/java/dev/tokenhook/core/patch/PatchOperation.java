package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenType;
import java.util.Objects;

/**
 * One operation of a token patch, as it will be sent.
 *
 * @param token the token it changes
 * @param op add, replace or remove
 * @param target the claim path or the lifetime
 * @param value the JSON-like value (read-only), {@code null} for remove
 */
public record PatchOperation(TokenType token, Operation op, PatchTarget target, Object value) {

    /** Checks the components are present. */
    public PatchOperation {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(target, "target");
    }

    /** @return the JSON Pointer sent as {@code path} */
    public String path() {
        return target.pointer();
    }

    /** @return a description for messages and logs: operation, token and path, never the value */
    public String describe() {
        return op.wireName() + " " + token.label() + " " + path();
    }
}
