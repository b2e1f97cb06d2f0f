package dev.tokenhook.core;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        if (map instanceof FrozenMap) {
            return map;
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((key, value) -> copy.put(key, readOnly(value)));
        return (Map<String, V>) new FrozenMap(copy);
    }

    /**
     * @param value a JSON-like value: a map, a list or a scalar
     * @return the value, with maps and lists replaced by deeply read-only copies
     */
    @SuppressWarnings("unchecked")
    public static Object readOnly(Object value) {
        if (value instanceof FrozenMap || value instanceof FrozenList) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            ((Map<Object, Object>) map).forEach((key, item) -> copy.put(String.valueOf(key), readOnly(item)));
            return new FrozenMap(copy);
        }
        if (value instanceof List<?> list) {
            ArrayList<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(readOnly(item));
            }
            return new FrozenList(copy);
        }
        return value;
    }

    /**
     * Wraps a map the caller built and will never touch again, without copying. For decoders.
     *
     * @param owned a freshly built map of already read-only values
     * @return a read-only view recognised by {@link #readOnlyMap(Map)}
     */
    public static Map<String, Object> adoptMap(LinkedHashMap<String, Object> owned) {
        return new FrozenMap(owned);
    }

    /**
     * Wraps a list the caller built and will never touch again, without copying. For decoders.
     *
     * @param owned a freshly built list of already read-only values
     * @return a read-only view recognised by {@link #readOnly(Object)}
     */
    public static List<Object> adoptList(ArrayList<Object> owned) {
        return new FrozenList(owned);
    }

    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> delegate;

        FrozenMap(Map<String, Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Collections.unmodifiableMap(delegate).entrySet();
        }

        @Override
        public Object get(Object key) {
            return delegate.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return delegate.containsKey(key);
        }

        @Override
        public int size() {
            return delegate.size();
        }
    }

    private static final class FrozenList extends AbstractList<Object> implements java.util.RandomAccess {
        private final List<Object> delegate;

        FrozenList(List<Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object get(int index) {
            return delegate.get(index);
        }

        @Override
        public int size() {
            return delegate.size();
        }
    }
}
