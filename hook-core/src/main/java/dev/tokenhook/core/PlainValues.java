package dev.tokenhook.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON value as plain, read-only Java values: maps in the order sent, lists, strings, {@code Integer},
 * {@code Long} or {@code BigInteger}, {@code BigDecimal}, booleans and {@code null}. Objects and arrays become
 * arrays, wrapped without copying ({@link ReadOnlyValues#members(Object[], int)}).
 */
final class PlainValues {

    private static final Object[] EMPTY = {};

    private PlainValues() {
    }

    /**
     * @param p at the value's first token; left at its last
     * @return the value
     */
    static Object read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            throw new RequestDecodingException("Malformed JSON value at line " + p.currentLocation().getLineNr());
        }
        return switch (token) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> p.getIntValue();
                case LONG -> p.getLongValue();
                default -> p.getBigIntegerValue();
            };
            case VALUE_NUMBER_FLOAT -> decimal(p);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new RequestDecodingException("Malformed JSON value at line "
                    + p.currentLocation().getLineNr());
        };
    }

    /** @param p at {@code START_OBJECT}; left at its {@code END_OBJECT} */
    static Map<String, Object> object(JsonParser p) throws IOException {
        Members members = new Members();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            members.put(name, read(p));
        }
        return members.freeze();
    }

    /** The members of an object being read, in order, frozen into a map of exactly their number once read. */
    static final class Members {
        private Object[] members = EMPTY;
        private int size;

        void put(String name, Object value) {
            if (size + 2 > members.length) {
                members = Arrays.copyOf(members, Math.max(8, members.length * 2));
            }
            members[size++] = name;
            members[size++] = value;
        }

        boolean contains(String name) {
            for (int i = 0; i < size; i += 2) {
                if (members[i].equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** @return the members as a read-only map; this object is not used again */
        Map<String, Object> freeze() {
            return ReadOnlyValues.members(members, size);
        }

        /** @return {@link #freeze()} for members that are all of type {@code V} */
        @SuppressWarnings({"unchecked", "rawtypes"})
        <V> Map<String, V> freezeAs() {
            return (Map) freeze();
        }
    }

    private static List<Object> array(JsonParser p) throws IOException {
        Object[] items = EMPTY;
        int size = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Object item = read(p);
            if (size == items.length) {
                items = Arrays.copyOf(items, Math.max(4, items.length * 2));
            }
            items[size++] = item;
        }
        return ReadOnlyValues.items(items, size);
    }

    private static Object decimal(JsonParser p) throws IOException {
        try {
            return p.getDecimalValue();
        } catch (NumberFormatException e) {
            // e.g. 1e9999999999: the exponent does not fit a BigDecimal. Jackson's message quotes the number,
            // so neither it nor the exception is passed on.
            throw new RequestDecodingException("Invalid request at line " + p.currentLocation().getLineNr()
                    + ", column " + p.currentLocation().getColumnNr() + ": number out of range");
        }
    }

    /** An object of plain values (claims, profile); any other JSON type is left out and reported. */
    static final class ObjectDeserializer extends StdDeserializer<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        ObjectDeserializer() {
            super(Map.class);
        }

        @Override
        public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Leftovers.isObject(p, ctxt) ? object(p) : null;
        }
    }
}
