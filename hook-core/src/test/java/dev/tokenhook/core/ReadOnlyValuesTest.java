package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadOnlyValues#members(Object[])} and {@link ReadOnlyValues#items(Object[])}: the decoder's array-backed
 * map and list behave as the read-only {@link LinkedHashMap} and list they replace. Nothing in them is
 * computed lazily (the hash index of a large map is built with it), so they are as thread-safe as any
 * immutable object.
 */
class ReadOnlyValuesTest {

    /** Up to 70 distinct keys: short ones (some sharing a hash code) and any characters. */
    private static List<String> keys(Random random) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        int size = random.nextInt(71);
        while (keys.size() < size) {
            StringBuilder key = new StringBuilder();
            int length = random.nextInt(random.nextBoolean() ? 3 : 10);
            for (int i = 0; i < length; i++) {
                key.append(random.nextBoolean() ? "AaBb".charAt(random.nextInt(4)) : (char) random.nextInt(0x3000));
            }
            keys.add(key.toString());
        }
        return new ArrayList<>(keys);
    }

    @Seeded(300)
    void membersBehaveAsTheLinkedHashMapTheyReplace(long randomSeed) {
        Random random = new Random(randomSeed);
        List<String> keys = keys(random);
        int seed = random.nextInt(1001);
        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        Object[] members = new Object[keys.size() * 2];
        for (int i = 0; i < keys.size(); i++) {
            Object value = (i + seed) % 5 == 0 ? null : "v" + i;
            expected.put(keys.get(i), value);
            members[2 * i] = keys.get(i);
            members[2 * i + 1] = value;
        }

        Map<String, Object> map = ReadOnlyValues.members(members);

        assertThat(map).isEqualTo(expected);
        assertThat(expected).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(expected.hashCode());
        assertThat(map.toString()).isEqualTo(expected.toString());
        assertThat(map.size()).isEqualTo(expected.size());
        assertThat(map.isEmpty()).isEqualTo(expected.isEmpty());
        assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        assertThat(new ArrayList<>(map.values())).isEqualTo(new ArrayList<>(expected.values()));
        assertThat(new ArrayList<>(map.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        List<String> visited = new ArrayList<>();
        map.forEach((key, value) -> {
            visited.add(key);
            assertThat(value).isEqualTo(expected.get(key));
        });
        assertThat(visited).isEqualTo(keys);
        for (String key : keys) {
            assertThat(map.get(key)).isEqualTo(expected.get(key));
            assertThat(map.containsKey(key)).isTrue();
            assertThat(map.get(new String(key))).as("found by equality, not identity").isEqualTo(expected.get(key));
            assertThat(map.containsKey(key + "\u0000")).isEqualTo(expected.containsKey(key + "\u0000"));
        }
        assertThat(map.get(null)).isNull();
        assertThat(map.containsKey(null)).isFalse();
        assertThat(map.containsKey(42)).isFalse();
        assertThat(map.get("absent-" + seed)).isEqualTo(expected.get("absent-" + seed));
    }

    @Test
    void aLargeMapFindsEveryKeyThroughItsIndex() {
        Object[] members = new Object[2 * 1000];
        for (int i = 0; i < 1000; i++) {
            members[2 * i] = "k" + i;
            members[2 * i + 1] = i;
        }
        // keys with the same hash code collide in the index: "Aa" and "BB"
        Object[] colliding = {"Aa", 1, "BB", 2, "AaAa", 3, "BBBB", 4, "AaBB", 5, "BBAa", 6, "x1", 7, "x2", 8, "x3", 9,
            "x4", 10, "x5", 11, "x6", 12, "x7", 13, "x8", 14, "x9", 15, "x10", 16, "x11", 17};

        Map<String, Object> map = ReadOnlyValues.members(members);
        Map<String, Object> collisions = ReadOnlyValues.members(colliding);

        for (int i = 0; i < 1000; i++) {
            assertThat(map.get("k" + i)).isEqualTo(i);
        }
        assertThat(map.get("k1000")).isNull();
        assertThat(collisions).hasSize(17).containsEntry("BB", 2).containsEntry("BBAa", 6).containsEntry("x11", 17);
        assertThat(collisions.get("AaAaAa")).isNull();
    }

    @Test
    void membersAndItemsAreReadOnlyAndNeverCopiedAgain() {
        Map<String, Object> map = ReadOnlyValues.members(new Object[] {"a", "x", "b", ReadOnlyValues.items(new Object[] {1})});
        List<Object> list = ReadOnlyValues.items(new Object[] {"x", null});

        assertThatThrownBy(() -> map.put("c", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().iterator().remove()).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> list.add("y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(list).containsExactly("x", null);
        assertThat(Values.readOnlyMap(map)).isSameAs(map);
        assertThat(Values.readOnly(map)).isSameAs(map);
        assertThat(Values.readOnly(list)).isSameAs(list);
        assertThat(map.get("b")).isEqualTo(List.of(1));

        Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
        entries.next();
        entries.next();
        assertThat(entries.hasNext()).isFalse();
        assertThatThrownBy(entries::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void onlyTheUsedSlotsOfAGrownArrayCount() {
        Object[] members = {"a", 1, "b", 2, "c", 3, null, null};
        Object[] items = {"x", null, "y", "unused"};

        Map<String, Object> map = ReadOnlyValues.members(members, 4);
        List<Object> list = ReadOnlyValues.items(items, 2);

        assertThat(map).containsExactly(Map.entry("a", 1), Map.entry("b", 2)).doesNotContainKey("c");
        assertThat(map.get("c")).isNull();
        assertThat(list).containsExactly("x", null);
        assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ReadOnlyValues.members(members, 0)).isEmpty();
        assertThatThrownBy(() -> ReadOnlyValues.members(members, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadOnlyValues.members(members, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadOnlyValues.items(items, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptyAndOddInput() {
        assertThat(ReadOnlyValues.members(new Object[0])).isEmpty();
        assertThat(ReadOnlyValues.members(new Object[0])).isEqualTo(Map.of());
        assertThat(ReadOnlyValues.items(new Object[0])).isEqualTo(List.of());
        assertThat(Values.readOnlyMap(ReadOnlyValues.members(new Object[0]))).isEqualTo(Map.of());
        assertThatThrownBy(() -> ReadOnlyValues.members(new Object[] {"a"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readOnlyStillCopiesListsDeeply() {
        List<Object> inner = new ArrayList<>(List.of("a"));
        List<Object> outer = new ArrayList<>(List.of(inner, "b"));

        Object copy = Values.readOnly(outer);
        inner.add("c");

        assertThat(copy).isEqualTo(List.of(List.of("a"), "b"));
        List<?> innerCopy = (List<?>) ((List<?>) copy).get(0);
        assertThatThrownBy(innerCopy::clear).isInstanceOf(UnsupportedOperationException.class);
    }
}
