package dev.tokenhook.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one decoding left out of the model: the locations of known fields whose JSON type was not the
 * expected one (ignored), and every such field or member the model does not name with its value as sent
 * (plain Java values, read-only). One per call, handed to the deserializers as a context attribute.
 */
final class Leftovers {

    /** The context attribute holding the call's {@link Leftovers}. */
    static final Object KEY = Leftovers.class;

    private final List<String> ignored = new ArrayList<>(0);
    private final LinkedHashMap<String, Object> unmapped = new LinkedHashMap<>(0);

    static Leftovers of(DeserializationContext ctxt) {
        return (Leftovers) ctxt.getAttribute(KEY);
    }

    /**
     * Reads the value the parser is at (consuming it) as a field the model could not use.
     *
     * @param p at the value's first token
     */
    void ignore(JsonParser p) throws IOException {
        String location = location(p);
        ignore(location, PlainValues.read(p));
    }

    /**
     * @param location where the value was
     * @param value the value as sent, already read
     */
    void ignore(String location, Object value) {
        ignored.add(location);
        unmapped.put(location, value);
    }

    /**
     * Reads the value the parser is at (consuming it) as a member the model does not name.
     *
     * @param p at the value's first token
     */
    void unknown(JsonParser p) throws IOException {
        String location = location(p);
        unmapped.put(location, PlainValues.read(p));
    }

    List<String> ignoredFields() {
        return List.copyOf(ignored);
    }

    Map<String, Object> unmappedFields() {
        return unmapped.isEmpty() ? Map.of() : ReadOnlyValues.wrap(unmapped);
    }

    /**
     * @param p at a value's first token
     * @return the value's location in the document, e.g. {@code data.context.session.amr[1]}; never input
     *     other than member names
     */
    static String location(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            context = context.getParent(); // the value's own context is already entered
        }
        StringBuilder location = new StringBuilder(48);
        append(context, location);
        return location.toString();
    }

    private static void append(JsonStreamContext context, StringBuilder location) {
        if (context == null || context.inRoot()) {
            return;
        }
        append(context.getParent(), location);
        if (context.inArray()) {
            location.append('[').append(context.getCurrentIndex()).append(']');
        } else {
            if (location.length() > 0) {
                location.append('.');
            }
            location.append(context.getCurrentName());
        }
    }

    /** Keeps every member the model does not name, with its location, instead of skipping it. */
    static final class KeepUnknown extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            of(ctxt).unknown(p);
            return true;
        }
    }
}
