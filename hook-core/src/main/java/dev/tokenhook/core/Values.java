package dev.tokenhook.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deeply read-only copies of JSON-like values (maps, lists and scalars). A value that is already a
 * frozen copy is returned as it is, so the decoder's output is never copied twice.
 */
public final class Values {

    private Values() {
    }

    /**
     * @param map a map of JSON-like values, or {@code null}
     * @param <V> the value type
     * @return a deeply read-only copy keeping the iteration order (empty for {@code null})
     */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> readOnlyMap(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        if (ReadOnlyValues.isReadOnly(map)) {
            return map;
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((key, value) -> copy.put(key, readOnly(value)));
        return (Map<String, V>) ReadOnlyValues.wrap(copy);
    }

    /**
     * @param value a JSON-like value: a map, a list or a scalar
     * @return the value, with maps and lists replaced by deeply read-only copies
     */
    @SuppressWarnings("unchecked")
    public static Object readOnly(Object value) {
        if (ReadOnlyValues.isReadOnly(value)) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            ((Map<Object, Object>) map).forEach((key, item) -> copy.put(String.valueOf(key), readOnly(item)));
            return ReadOnlyValues.wrap(copy);
        }
        if (value instanceof List<?> list) {
            Object[] copy = list.toArray();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = readOnly(copy[i]);
            }
            return ReadOnlyValues.items(copy);
        }
        return value;
    }
}
