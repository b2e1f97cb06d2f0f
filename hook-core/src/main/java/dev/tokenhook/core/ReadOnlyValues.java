package dev.tokenhook.core;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
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
 * The read-only maps and lists behind {@link dev.tokenhook.core.Values} and the decoded request: made once,
 * never copied again. The decoder hands its arrays over without copying ({@link #members(Object[])},
 * {@link #items(Object[])}).
 */
final class ReadOnlyValues {

    private ReadOnlyValues() {
    }

    /**
     * @param value any value
     * @return whether it is a map or list made here (already deeply read-only)
     */
    static boolean isReadOnly(Object value) {
        return value instanceof Frozen || value instanceof FrozenList;
    }

    /**
     * Wraps a map the caller built and will never touch again, without copying.
     *
     * @param owned a freshly built map of already read-only values
     * @return a read-only view
     */
    static Map<String, Object> wrap(LinkedHashMap<String, Object> owned) {
        return new FrozenMap(owned);
    }

    /**
     * Wraps the members of an object the caller read and will never touch again, without copying: a map
     * that keeps their order and costs an array instead of a hash table with an entry per member.
     *
     * @param keysAndValues keys (distinct strings) at even indexes, each followed by its already read-only
     *     value (or {@code null}); the array is the map's from now on
     * @return a read-only map
     */
    static Map<String, Object> members(Object[] keysAndValues) {
        return members(keysAndValues, keysAndValues.length);
    }

    /**
     * {@link #members(Object[])} for the first {@code length} slots of an array (the rest is never read), so a
     * reader growing its array need not copy it to its exact size at the end.
     *
     * @param keysAndValues keys and values as for {@link #members(Object[])}, in the first {@code length} slots
     * @param length how many slots are used, even
     * @return a read-only map
     */
    static Map<String, Object> members(Object[] keysAndValues, int length) {
        if (length % 2 != 0 || length > keysAndValues.length) {
            throw new IllegalArgumentException("keys and values must come in pairs, within the array");
        }
        return length == 0 ? FrozenMembers.EMPTY : new FrozenMembers(keysAndValues, length);
    }

    /**
     * Wraps an array of items the caller read and will never touch again, without copying.
     *
     * @param items already read-only values (or {@code null}); the array is the list's from now on
     * @return a read-only list
     */
    static List<Object> items(Object[] items) {
        return items(items, items.length);
    }

    /**
     * {@link #items(Object[])} for the first {@code size} slots of an array (the rest is never read).
     *
     * @param items already read-only values in the first {@code size} slots
     * @param size how many slots are used
     * @return a read-only list
     */
    static List<Object> items(Object[] items, int size) {
        Objects.checkFromIndexSize(0, size, items.length);
        return size == 0 ? FrozenList.EMPTY : new FrozenList(items, size);
    }

    /** A read-only map made here: never copied again. */
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
        static final FrozenMembers EMPTY = new FrozenMembers(new Object[0], 0);
        /** Up to this many members, a lookup compares keys one by one. */
        private static final int LINEAR_LIMIT = 16;

        /** Keys at even indexes, each followed by its value, in the first {@link #length} slots. */
        private final Object[] members;
        private final int length;
        /** For larger maps: open addressing, {@code 1 +} the member's pair index, 0 for an empty slot. */
        private final int[] index;

        FrozenMembers(Object[] members, int length) {
            this.members = members;
            this.length = length;
            int size = length / 2;
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
                for (int i = 0; i < length; i += 2) {
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
            return length / 2;
        }

        @Override
        public boolean isEmpty() {
            return length == 0;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < length; i += 2) {
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
                            return next < length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= length) {
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
                    return length / 2;
                }
            };
        }
    }

    private static final class FrozenList extends AbstractList<Object> implements java.util.RandomAccess {
        static final FrozenList EMPTY = new FrozenList(new Object[0], 0);

        private final Object[] items;
        private final int size;

        FrozenList(Object[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public Object get(int index) {
            Objects.checkIndex(index, size);
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
