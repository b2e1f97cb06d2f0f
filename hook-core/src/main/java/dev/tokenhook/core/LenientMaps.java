package dev.tokenhook.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Deserializers of the model's maps whose members are not plain values: OAuth parameters, granted scopes
 * and links. A member of an unexpected JSON type is coerced where unambiguous and otherwise left out and
 * reported ({@link Leftovers}); the map itself, if not an object, is left out and reported.
 */
final class LenientMaps {

    private LenientMaps() {
    }

    /**
     * OAuth parameters: scalars as text, {@code null} left out; an object or array value (e.g. an
     * OpenID {@code claims} request) is left out of the strings and reported, its value kept with the
     * request's unmapped fields.
     */
    static final class Parameters extends StdDeserializer<Map<String, String>> {
        private static final long serialVersionUID = 1L;

        Parameters() {
            super(Map.class);
        }

        @Override
        public Map<String, String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!Leftovers.isObject(p, ctxt)) {
                return null;
            }
            PlainValues.Members parameters = new PlainValues.Members();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                String value = LenientScalars.text(p, ctxt);
                if (value != null) {
                    parameters.put(name, value);
                }
            }
            return parameters.freezeAs();
        }
    }

    /**
     * {@code data.access.scopes}: by name, each {@code {"id", "action"}} (any other value gives a scope with
     * neither); an array of names is read as those scopes, with neither.
     */
    static final class Scopes extends StdDeserializer<Map<String, GrantedScope>> implements ResolvableDeserializer {
        private static final long serialVersionUID = 1L;
        private static final GrantedScope UNKNOWN = new GrantedScope(null, null);

        /** Found once: looking it up for every scope would introspect the class again each time. */
        private JsonDeserializer<Object> scope;

        Scopes() {
            super(Map.class);
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            scope = ctxt.findRootValueDeserializer(ctxt.constructType(RequestBody.Scope.class));
        }

        @Override
        public Map<String, GrantedScope> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            PlainValues.Members scopes = new PlainValues.Members();
            if (token == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String name = LenientScalars.text(p, ctxt);
                    if (name != null && !scopes.contains(name)) {
                        scopes.put(name, UNKNOWN);
                    }
                }
                return scopes.freezeAs();
            }
            if (!Leftovers.isObject(p, ctxt)) {
                return null;
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    RequestBody.Scope granted = (RequestBody.Scope) scope.deserialize(p, ctxt);
                    scopes.put(name, new GrantedScope(granted.id, granted.action));
                } else {
                    p.skipChildren();
                    scopes.put(name, UNKNOWN);
                }
            }
            return scopes.freezeAs();
        }
    }

    /**
     * {@code _links}: by name, the {@code href} of {@code {"href": ...}}; an array of one such link is read
     * as that link; any other value (several links, text...) is left out and reported.
     */
    static final class Links extends StdDeserializer<Map<String, String>> implements ResolvableDeserializer {
        private static final long serialVersionUID = 1L;

        /** Found once: looking it up for every link would introspect the class again each time. */
        private JsonDeserializer<Object> link;

        Links() {
            super(Map.class);
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            link = ctxt.findRootValueDeserializer(ctxt.constructType(RequestBody.Link.class));
        }

        @Override
        public Map<String, String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!Leftovers.isObject(p, ctxt)) {
                return null;
            }
            PlainValues.Members links = new PlainValues.Members();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                String href = switch (p.nextToken()) {
                    case START_OBJECT -> ((RequestBody.Link) link.deserialize(p, ctxt)).href;
                    case START_ARRAY -> onlyHref(p, ctxt);
                    case VALUE_NULL -> null;
                    default -> {
                        Leftovers.of(ctxt).ignore(p);
                        yield null;
                    }
                };
                if (href != null) {
                    links.put(name, href);
                }
            }
            return links.freezeAs();
        }

        /** @return the href of an array holding one link; for any other array, null, reported */
        private static String onlyHref(JsonParser p, DeserializationContext ctxt) throws IOException {
            String location = Leftovers.location(p);
            Object links = PlainValues.read(p);
            if (links instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?> link
                    && link.get("href") instanceof String href) {
                return href;
            }
            Leftovers.of(ctxt).ignore(location, links);
            return null;
        }
    }
}
