package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Whatever bytes arrive, decoding either gives a request or throws {@link RequestDecodingException},
 * never anything else, and the message never repeats a claim value.
 */
class RequestDecodingPropertiesTest {

    private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "\"data\"",
            "\"context\"", "\"identity\"", "\"claims\"", "\"access\"", "\"token\"", "\"lifetime\"",
            "\"expiration\"", "\"user\"", "\"eventType\"", "null", "true", "1", "-0", "1e999", "1.5", "\"x\"",
            "\\u0000", " ", "\\");

    @Seeded(20)
    void randomBytes(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 25; i++) {
            byte[] body = new byte[random.nextInt(301)];
            random.nextBytes(body);
            decodeOrRefuse(body);
        }
    }

    @Seeded(20)
    void randomJsonLikeText(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 25; i++) {
            StringBuilder body = new StringBuilder();
            for (int n = random.nextInt(41); n > 0; n--) {
                body.append(JSON_TOKENS.get(random.nextInt(JSON_TOKENS.size())));
            }
            decodeOrRefuse(body.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** 40 mutated requests per seed; across them, both outcomes must be common. */
    @Seeded(20)
    void mutatedValidRequest(long seed) {
        Random random = new Random(seed);
        int decoded = 0;
        int tries = 40;
        for (int i = 0; i < tries; i++) {
            if (mutatedValidRequest(mutations(random)).equals("decoded")) {
                decoded++;
            }
        }
        assertThat(decoded).as("decoded of %d", tries).isBetween(1, tries - 1);
    }

    private static String mutatedValidRequest(List<Mutation> mutations) {
        Object tree = Json.parse(SampleRequests.FULL);
        List<Mutation> byteLevel = new ArrayList<>();
        for (Mutation mutation : mutations) {
            if (mutation.kind().byteLevel) {
                byteLevel.add(mutation);
            } else {
                tree = mutation.applyTo(tree);
            }
        }
        byte[] body = Json.bytes(tree);
        for (Mutation mutation : byteLevel) {
            body = mutation.applyTo(body);
        }

        return decodeOrRefuse(body);
    }

    /** Decodes; fails the property on any exception but {@link RequestDecodingException}. */
    private static String decodeOrRefuse(byte[] body) {
        try {
            assertThat(TokenHookRequest.fromJson(body)).isNotNull();
            return "decoded";
        } catch (RequestDecodingException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain(SampleRequests.SECRET);
            return "refused";
        }
    }

    enum Kind {
        DELETE(false), WRONG_TYPE(false), HUGE_STRING(false), DEEP_NESTING(false), EXTREME_NUMBER(false),
        DUPLICATE_KEY(false), INVALID_UTF8(true), TRUNCATE(true), INSERT_TEXT(true);

        final boolean byteLevel;

        Kind(boolean byteLevel) {
            this.byteLevel = byteLevel;
        }
    }

    /** One to four changes, each of any kind. */
    private static List<Mutation> mutations(Random random) {
        List<Mutation> mutations = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            mutations.add(new Mutation(Kind.values()[random.nextInt(Kind.values().length)], random.nextInt(10_001),
                    random.nextInt(1_001)));
        }
        return mutations;
    }

    private static final List<Object> WRONG_VALUES = List.of(
            42, -1, 3.5, true, "text", SampleRequests.SECRET, List.of(), Map.of(),
            List.of(SampleRequests.SECRET, 1), Map.of("v", SampleRequests.SECRET), new Json.Raw("null"));

    private static final List<String> EXTREME_NUMBERS = List.of(
            "1e9999999999", "-1e-99999999999", "1E400", "-0", "0.0000000000000000000000000001",
            "9223372036854775808", "-9223372036854775809", "2147483648", "1" + "0".repeat(63),
            "9".repeat(65), "1." + "5".repeat(70));

    private static final List<String> INSERTS = List.of(
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "null", "NaN", "-Infinity", "/*c*/", "\u0000",
            "\"eventType\":\"x\",", "\u00e9", "\uFEFF");

    /**
     * One change to a valid request.
     *
     * @param kind what to do
     * @param target picks the node (in document order) or byte position
     * @param variant picks among the variants of the change
     */
    record Mutation(Kind kind, int target, int variant) {

        Object applyTo(Object tree) {
            List<Object> containers = new ArrayList<>();
            collectContainers(tree, containers);
            if (containers.isEmpty()) {
                return tree; // e.g. the root became an object with a repeated key
            }
            Object container = containers.get(target % containers.size());
            if (container instanceof Map<?, ?> map && !map.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                String key = new ArrayList<>(object.keySet()).get(variant % object.size());
                switch (kind) {
                    case DELETE -> object.remove(key);
                    case DUPLICATE_KEY -> {
                        List<Map.Entry<String, Object>> members = new ArrayList<>(object.entrySet());
                        members.add(Map.entry(key, mutableCopy(WRONG_VALUES.get(variant % WRONG_VALUES.size()))));
                        return replace(tree, container, new Json.Entries(members));
                    }
                    default -> object.put(key, replacement());
                }
            } else if (container instanceof List<?> list && !list.isEmpty()) {
                @SuppressWarnings("unchecked")
                List<Object> array = (List<Object>) list;
                int index = variant % array.size();
                if (kind == Kind.DELETE) {
                    array.remove(index);
                } else {
                    array.set(index, replacement());
                }
            }
            return tree;
        }

        private Object replacement() {
            return mutableCopy(switch (kind) {
                case HUGE_STRING -> "x".repeat(64 * 1024 - 2 + variant % 5);
                case DEEP_NESTING -> {
                    Object nested = "leaf";
                    for (int i = 0; i < 40 + variant % 40; i++) {
                        nested = variant % 2 == 0 ? List.of(nested) : Map.of("n", nested);
                    }
                    yield nested;
                }
                case EXTREME_NUMBER -> new Json.Raw(EXTREME_NUMBERS.get(variant % EXTREME_NUMBERS.size()));
                default -> WRONG_VALUES.get(variant % WRONG_VALUES.size());
            });
        }

        /** Later mutations may change what an earlier one inserted, so inserted containers must be mutable. */
        private static Object mutableCopy(Object value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, mutableCopy(v)));
                return copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(v -> copy.add(mutableCopy(v)));
                return copy;
            }
            return value;
        }

        byte[] applyTo(byte[] body) {
            int position = target % (body.length + 1);
            return switch (kind) {
                case TRUNCATE -> java.util.Arrays.copyOf(body, position);
                case INVALID_UTF8 -> splice(body, position, switch (variant % 5) {
                    case 0 -> new byte[] {(byte) 0xC3, 0x28};
                    case 1 -> new byte[] {(byte) 0xFF};
                    case 2 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
                    case 3 -> new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
                    default -> new byte[] {(byte) 0xE2, (byte) 0x82};
                });
                default -> splice(body, position,
                        INSERTS.get(variant % INSERTS.size()).getBytes(StandardCharsets.UTF_8));
            };
        }

        private static byte[] splice(byte[] body, int position, byte[] insert) {
            byte[] out = new byte[body.length + insert.length];
            System.arraycopy(body, 0, out, 0, position);
            System.arraycopy(insert, 0, out, position, insert.length);
            System.arraycopy(body, position, out, position + insert.length, body.length - position);
            return out;
        }

        private static void collectContainers(Object node, List<Object> into) {
            if (node instanceof Map<?, ?> map) {
                into.add(map);
                map.values().forEach(value -> collectContainers(value, into));
            } else if (node instanceof List<?> list) {
                into.add(list);
                list.forEach(value -> collectContainers(value, into));
            }
        }

        /** Replaces {@code old} (by identity) with {@code replacement} in the tree. */
        @SuppressWarnings("unchecked")
        private static Object replace(Object node, Object old, Object replacement) {
            if (node == old) {
                return replacement;
            }
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> object = (Map<String, Object>) map;
                Map<String, Object> copy = new LinkedHashMap<>();
                object.forEach((k, v) -> copy.put(k, replace(v, old, replacement)));
                return copy;
            }
            if (node instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(v -> copy.add(replace(v, old, replacement)));
                return copy;
            }
            return node;
        }
    }
}
