package dev.tokenhook.core;

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
 * (plain Java values, read-only). Made for a call at its first leftover, kept as a per-call attribute of
 * the deserialization context, and handed to the request's body at its end ({@link LenientShape.Root}).
 */
final class Leftovers {

    /** The context attribute holding the call's {@link Leftovers}, once there are any. */
    private static final Object KEY = Leftovers.class;

    /** Made at the first ignored field. */
    private List<String> ignored;
    private LinkedHashMap<String, Object> unmapped;

    /** @return the call's leftovers, made now if there were none yet */
    static Leftovers of(DeserializationContext ctxt) {
        Leftovers leftovers = found(ctxt);
        if (leftovers == null) {
            leftovers = new Leftovers();
            ctxt.setAttribute(KEY, leftovers);
        }
        return leftovers;
    }

    /** @return the call's leftovers, or null if there were none (most requests) */
    static Leftovers found(DeserializationContext ctxt) {
        return (Leftovers) ctxt.getAttribute(KEY);
    }

    /**
     * @param p at a value's first token
     * @return whether the value is an object; if it is not, it is read (consumed), left out and reported
     */
    static boolean isObject(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        of(ctxt).ignore(p);
        return false;
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
        if (ignored == null) {
            ignored = new ArrayList<>(4);
        }
        ignored.add(location);
        unmapped().put(location, value);
    }

    /**
     * Reads the value the parser is at (consuming it) as a member the model does not name.
     *
     * @param p at the value's first token
     */
    void unknown(JsonParser p) throws IOException {
        String location = location(p);
        unmapped().put(location, PlainValues.read(p));
    }

    private LinkedHashMap<String, Object> unmapped() {
        if (unmapped == null) {
            unmapped = new LinkedHashMap<>();
        }
        return unmapped;
    }

    List<String> ignoredFields() {
        return ignored == null ? List.of() : List.copyOf(ignored);
    }

    Map<String, Object> unmappedFields() {
        return unmapped == null ? Map.of() : ReadOnlyValues.wrap(unmapped);
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
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            of(ctxt).unknown(p);
            return true;
        }
    }
}
