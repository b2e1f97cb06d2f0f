package dev.tokenhook.core;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

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
        if (map instanceof Frozen) {
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
        if (value instanceof Frozen || value instanceof FrozenList) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            ((Map<Object, Object>) map).forEach((key, item) -> copy.put(String.valueOf(key), readOnly(item)));
            return new FrozenMap(copy);
        }
        if (value instanceof List<?> list) {
            Object[] copy = list.toArray();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = readOnly(copy[i]);
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
     * Wraps a list the caller built and will never touch again, without copying its values. For decoders.
     *
     * @param owned a freshly built list of already read-only values
     * @return a read-only view recognised by {@link #readOnly(Object)}
     */
    public static List<Object> adoptList(ArrayList<Object> owned) {
        return new FrozenList(owned.toArray());
    }

    /**
     * Wraps the members of an object the caller read and will never touch again, without copying: a map
     * that keeps their order and costs an array instead of a hash table with an entry per member. For
     * decoders.
     *
     * @param keysAndValues keys (distinct strings) at even indexes, each followed by its already read-only
     *     value (or {@code null}); the array is the map's from now on
     * @return a read-only map recognised by {@link #readOnlyMap(Map)}
     */
    public static Map<String, Object> adoptMembers(Object[] keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        return keysAndValues.length == 0 ? FrozenMembers.EMPTY : new FrozenMembers(keysAndValues);
    }

    /**
     * Wraps an array of items the caller read and will never touch again, without copying. For decoders.
     *
     * @param items already read-only values (or {@code null}); the array is the list's from now on
     * @return a read-only list recognised by {@link #readOnly(Object)}
     */
    public static List<Object> adoptItems(Object[] items) {
        return items.length == 0 ? FrozenList.EMPTY : new FrozenList(items);
    }

    /** A read-only map made by this class: never copied again. */
    private abstract static class Frozen extends AbstractMap<String, Object> {
    }

    private static final class FrozenMap extends Frozen {
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

    /**
     * Members in one array, in order. Small objects (most of a request) are searched linearly; larger ones
     * get a hash index, built with the map, so a lookup stays constant-time and the map is immutable
     * from its construction on (safe to share between threads like the rest of the request).
     */
    private static final class FrozenMembers extends Frozen {
        static final FrozenMembers EMPTY = new FrozenMembers(new Object[0]);
        /** Up to this many members, a lookup compares keys one by one. */
        private static final int LINEAR_LIMIT = 16;

        /** Keys at even indexes, each followed by its value. */
        private final Object[] members;
        /** For larger maps: open addressing, {@code 1 +} the member's pair index, 0 for an empty slot. */
        private final int[] index;

        FrozenMembers(Object[] members) {
            this.members = members;
            int size = members.length / 2;
            if (size <= LINEAR_LIMIT) {
                this.index = null;
            } else {
                int[] slots = new int[Integer.highestOneBit(size * 4 - 1)]; // at most half full
                int mask = slots.length - 1;
                for (int i = 0; i < size; i++) {
                    int slot = spread(members[2 * i].hashCode()) & mask;
                    while (slots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = i + 1;
                }
                this.index = slots;
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }

        /** @return the index in {@link #members} of the key, or -1 */
        private int find(Object key) {
            if (!(key instanceof String)) {
                return -1;
            }
            int hash = key.hashCode();
            if (index == null) {
                for (int i = 0; i < members.length; i += 2) {
                    Object k = members[i];
                    if (k == key || k.hashCode() == hash && k.equals(key)) {
                        return i;
                    }
                }
                return -1;
            }
            int mask = index.length - 1;
            for (int slot = spread(hash) & mask; index[slot] != 0; slot = (slot + 1) & mask) {
                int i = 2 * (index[slot] - 1);
                Object k = members[i];
                if (k == key || k.hashCode() == hash && k.equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Object get(Object key) {
            int i = find(key);
            return i < 0 ? null : members[i + 1];
        }

        @Override
        public boolean containsKey(Object key) {
            return find(key) >= 0;
        }

        @Override
        public int size() {
            return members.length / 2;
        }

        @Override
        public boolean isEmpty() {
            return members.length == 0;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < members.length; i += 2) {
                action.accept((String) members[i], members[i + 1]);
            }
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < members.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= members.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Object> entry =
                                    new SimpleImmutableEntry<>((String) members[next], members[next + 1]);
                            next += 2;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return members.length / 2;
                }
            };
        }
    }

    private static final class FrozenList extends AbstractList<Object> implements java.util.RandomAccess {
        static final FrozenList EMPTY = new FrozenList(new Object[0]);

        private final Object[] items;

        FrozenList(Object[] items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            Objects.checkIndex(index, items.length);
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }
}
