package dev.tokenhook.core.patch;

import dev.tokenhook.core.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Checks that a value a rule writes can be sent as JSON, and freezes it. */
final class JsonValues {

    private static final int MAX_DEPTH = 32;

    private JsonValues() {
    }

    /**
     * @param value what a rule wants to write
     * @param where the path, for the message
     * @return a read-only copy
     * @throws InvalidPatchException if the value is null or not made of JSON types
     */
    static Object checked(Object value, String where) {
        if (value == null) {
            throw new InvalidPatchException("Value for " + where + " must not be null: use remove to delete a claim");
        }
        check(value, where, 0);
        return Values.readOnly(value);
    }

    private static void check(Object value, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidPatchException("Value for " + where + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return;
        }
        if (value instanceof Double d && Double.isFinite(d) || value instanceof Float f && Float.isFinite(f)
                || value instanceof BigDecimal) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new InvalidPatchException("Value for " + where + " has a map key that is not a string");
                }
                check(entry.getValue(), where, depth + 1);
            }
            return;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                check(item, where, depth + 1);
            }
            return;
        }
        throw new InvalidPatchException("Value for " + where + " is a " + value.getClass().getName()
                + "; use String, Boolean, a finite number, List or Map");
    }
}
