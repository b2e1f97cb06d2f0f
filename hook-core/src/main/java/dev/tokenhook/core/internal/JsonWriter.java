package dev.tokenhook.core.internal;

import dev.tokenhook.core.TokenHookException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the small, known-shape JSON of an answer straight into UTF-8 bytes, the way Jackson's
 * generator does with its defaults (same escapes, same number forms), without a generator, contexts
 * and an output stream per answer. Values are those {@code JsonValues} admits: null, strings, booleans,
 * integral and finite floating-point numbers, {@code BigInteger}, {@code BigDecimal}, maps with string
 * keys and lists. Characters outside the Basic Multilingual Plane are written as two backslash-u escapes
 * (Jackson's default), and so is a lone surrogate, which has no UTF-8 form. Not thread-safe; one per answer.
 */
final class JsonWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] out = new byte[256];
    private int size;
    /** Whether the next value or name in the current object or array needs a comma before it. */
    private boolean comma;

    JsonWriter startObject() {
        separate();
        write('{');
        comma = false;
        return this;
    }

    JsonWriter endObject() {
        write('}');
        comma = true;
        return this;
    }

    JsonWriter startArray() {
        separate();
        write('[');
        comma = false;
        return this;
    }

    JsonWriter endArray() {
        write(']');
        comma = true;
        return this;
    }

    /** Writes a member name; the value written next belongs to it. */
    JsonWriter name(String name) {
        separate();
        string(name);
        write(':');
        comma = false;
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter value(Object value) {
        if (value instanceof Map<?, ?> map) {
            startObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                name(String.valueOf(entry.getKey())).value(entry.getValue());
            }
            return endObject();
        }
        if (value instanceof List<?> list) {
            startArray();
            for (Object item : list) {
                value(item);
            }
            return endArray();
        }
        separate();
        if (value == null) {
            ascii("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            ascii(value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            ascii(Double.toString(((Number) value).doubleValue()));
        } else {
            throw new TokenHookException("Cannot write a " + value.getClass().getName() + " as JSON");
        }
        comma = true;
        return this;
    }

    /** @return the bytes written, exactly */
    byte[] toBytes() {
        return Arrays.copyOf(out, size);
    }

    private void separate() {
        if (comma) {
            write(',');
        }
    }

    private void string(String s) {
        write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') {
                    escape(c);
                } else {
                    write(c);
                }
            } else if (c < 0x800) {
                write(0xC0 | (c >> 6));
                write(0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c); // as Jackson does by default, also for pairs: plain ASCII, and lone ones stay valid
            } else {
                write(0xE0 | (c >> 12));
                write(0x80 | ((c >> 6) & 0x3F));
                write(0x80 | (c & 0x3F));
            }
        }
        write('"');
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\b' -> ascii("\\b");
            case '\f' -> ascii("\\f");
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            default -> unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        ascii("\\u");
        write(HEX[(c >> 12) & 0xF]);
        write(HEX[(c >> 8) & 0xF]);
        write(HEX[(c >> 4) & 0xF]);
        write(HEX[c & 0xF]);
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    private void write(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) b;
    }
}
