package dev.tokenhook.core;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a repeated key in any object of the document, also inside the parts the model does not read,
 * exactly where Jackson's {@code STRICT_DUPLICATE_DETECTION} would, without its allocation. That feature
 * gives every object a detector and every object of three keys or more a {@link HashSet}: about 5 KB of a
 * typical request's decoding (benchmarks/README.md, issue #18 round 4), for the same time as this check.
 * Here the keys of all open objects share one array per document; an object's keys are compared linearly
 * (by identity first: Jackson hands out canonical key strings) until it has {@value #LINEAR_LIMIT}, then
 * through a set, so a huge object stays linear in time. Every way databind moves on goes through
 * {@link #nextToken()} (which {@code JsonParser}'s own {@code nextTextValue()} and the like call),
 * {@link #nextFieldName()}, {@link #nextValue()} or {@link #skipChildren()}, which are overridden here.
 */
final class DuplicateKeyCheck extends JsonParserDelegate {

    private static final int LINEAR_LIMIT = 32;

    /** Keys of the open objects, innermost last. */
    private String[] keys = new String[32];
    private int keyCount;
    /** Per open object: where its keys start in {@link #keys}, and its set once it has many. */
    private int[] starts = new int[16];
    private Set<String>[] sets;
    private int depth;

    DuplicateKeyCheck(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        track(token);
        return token;
    }

    /** Jackson's own, which reads a name and the start of its value in one go (databind's bean path). */
    @Override
    public String nextFieldName() throws IOException {
        String name = delegate.nextFieldName();
        track(delegate.currentToken());
        return name;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    private void track(JsonToken token) throws IOException {
        if (token != null) {
            switch (token.id()) {
                case JsonTokenId.ID_START_OBJECT -> enterObject();
                case JsonTokenId.ID_END_OBJECT -> exitObject();
                case JsonTokenId.ID_FIELD_NAME -> add(delegate.currentName());
                default -> {
                    // values and arrays carry no keys
                }
            }
        }
    }

    /** Skips the current object or array through {@link #nextToken()}, so skipped keys are checked too. */
    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken token = delegate.currentToken();
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (true) {
            JsonToken next = nextToken();
            if (next == null) {
                return this;
            }
            if (next.isStructStart()) {
                open++;
            } else if (next.isStructEnd() && --open == 0) {
                return this;
            }
        }
    }

    private void enterObject() {
        if (depth == starts.length) {
            starts = Arrays.copyOf(starts, depth * 2);
            if (sets != null) {
                sets = Arrays.copyOf(sets, depth * 2);
            }
        }
        starts[depth] = keyCount;
        if (sets != null) {
            sets[depth] = null;
        }
        depth++;
    }

    private void exitObject() {
        if (depth > 0) {
            depth--;
            keyCount = starts[depth];
            if (sets != null) {
                sets[depth] = null;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array
    private void add(String key) throws IOException {
        if (depth == 0) {
            return; // not inside an object: the parser reports that itself
        }
        int level = depth - 1;
        int start = starts[level];
        Set<String> set = sets == null ? null : sets[level];
        if (set != null) {
            if (!set.add(key)) {
                throw duplicate();
            }
            return;
        }
        for (int i = start; i < keyCount; i++) {
            String seen = keys[i];
            if (seen == key || seen.hashCode() == key.hashCode() && seen.equals(key)) {
                throw duplicate();
            }
        }
        if (keyCount - start >= LINEAR_LIMIT) {
            if (sets == null) {
                sets = new Set[starts.length];
            }
            Set<String> many = new HashSet<>(Arrays.asList(keys).subList(start, keyCount));
            many.add(key);
            sets[level] = many;
            return; // this object's keys live in its set from now on; the array keeps the others'
        }
        if (keyCount == keys.length) {
            keys = Arrays.copyOf(keys, keyCount * 2);
        }
        keys[keyCount++] = key;
    }

    /** Names no key: the message must not echo the input. */
    private JsonParseException duplicate() {
        return new JsonParseException(delegate, "Duplicate key");
    }
}
