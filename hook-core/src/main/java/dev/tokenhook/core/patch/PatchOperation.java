package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenType;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One operation of a token patch, as it will be sent. Every operation that can be constructed is one
 * Okta accepts on its own (SPEC §5.2, §6): whether it fits the request it answers (reserved claims,
 * targets present, {@code -} only onto an array) is checked by {@link PatchValidator}.
 *
 * @param token the token it changes
 * @param op add, replace or remove
 * @param target the claim path or the lifetime
 * @param value the JSON-like value (read-only), {@code null} for remove
 */
public record PatchOperation(TokenType token, Operation op, PatchTarget target, Object value) {

    /**
     * Checks the operation on its own: the lifetime only with {@code replace} and an integer from 300 to
     * 86400; {@code remove} without a value; {@code add} and {@code replace} with a JSON value (String,
     * Boolean, finite number, List, Map); {@code -} (append) only with {@code add}. Freezes the value.
     *
     * @throws InvalidPatchException if Okta would refuse the operation whatever the request
     */
    public PatchOperation {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(target, "target");
        if (target instanceof TokenLifetime) {
            value = checkedLifetime(op, value);
        } else if (((ClaimPath) target).isAppend() && op != Operation.ADD) {
            throw new InvalidPatchException("'-' (append) is only valid with add, not " + op.wireName()
                    + ", at " + target.pointer());
        } else if (op == Operation.REMOVE) {
            if (value != null) {
                throw new InvalidPatchException("remove carries no value, at " + target.pointer());
            }
        } else {
            value = JsonValues.checked(value, target.pointer());
        }
    }

    private static Long checkedLifetime(Operation op, Object value) {
        if (op != Operation.REPLACE) {
            throw new InvalidPatchException("Okta only accepts replace on the token lifetime, not " + op.wireName());
        }
        boolean integral = value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger big && big.bitLength() < 64;
        if (!integral) {
            throw new InvalidPatchException("The token lifetime must be an integer number of seconds from 300 to 86400");
        }
        long seconds = ((Number) value).longValue();
        if (seconds < TokenLifetime.MIN.getSeconds() || seconds > TokenLifetime.MAX.getSeconds()) {
            throw new InvalidPatchException("Token lifetime must be between 300 and 86400 seconds, was " + seconds);
        }
        return seconds;
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
