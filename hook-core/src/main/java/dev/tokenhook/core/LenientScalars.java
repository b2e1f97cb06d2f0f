package dev.tokenhook.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Deserializers of the model's scalar fields that coerce a value of another JSON type where its meaning is
 * unambiguous and otherwise leave the field absent, reporting it ({@link Leftovers}): the rest of the
 * request still decodes.
 */
final class LenientScalars {

    private LenientScalars() {
    }

    /**
     * @param p at a value
     * @return a scalar as text (strings as they are, numbers and booleans as written); null for null; for an
     *     object or array, null, and the field is reported as ignored
     */
    static String text(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return p.getText();
        }
        Leftovers.of(ctxt).ignore(p);
        return null;
    }

    /** Text fields: see {@link LenientScalars#text}. */
    static final class Text extends StdDeserializer<String> {
        private static final long serialVersionUID = 1L;

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return text(p, ctxt);
        }
    }

    /** {@code data.context.request.url}: {@code {"value": "..."}}, or the URL as text. */
    static final class UrlText extends StdDeserializer<String> implements ResolvableDeserializer {
        private static final long serialVersionUID = 1L;

        /** Found once: looking it up for every request would introspect the class again each time. */
        private JsonDeserializer<Object> url;

        UrlText() {
            super(String.class);
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            url = ctxt.findRootValueDeserializer(ctxt.constructType(RequestBody.Url.class));
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.currentToken() == JsonToken.START_OBJECT ? ((RequestBody.Url) url.deserialize(p, ctxt)).value
                    : text(p, ctxt);
        }
    }

    /** {@code true}/{@code false}, also as a string in any case ({@code "false"}); anything else is ignored. */
    static final class Flag extends StdDeserializer<Boolean> {
        private static final long serialVersionUID = 1L;

        Flag() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return text.equalsIgnoreCase("true");
                }
            }
            Leftovers.of(ctxt).ignore(p);
            return null;
        }
    }

    /**
     * A whole number of seconds: an integer that fits a {@code long}, a number with no fraction
     * ({@code 3600.0}) or a string of digits ({@code "3600"}); anything else ({@code 1.5}, text, a number
     * beyond a {@code long}) is ignored.
     */
    static final class Seconds extends StdDeserializer<Long> {
        private static final long serialVersionUID = 1L;

        Seconds() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Long seconds = switch (p.currentToken()) {
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? null : p.getLongValue();
                case VALUE_NUMBER_FLOAT -> whole(p);
                case VALUE_STRING -> p.getText().matches("\\d{1,18}") ? Long.valueOf(p.getText()) : null;
                default -> null;
            };
            if (seconds == null) {
                Leftovers.of(ctxt).ignore(p);
            }
            return seconds;
        }

        private static Long whole(JsonParser p) throws IOException {
            try {
                BigDecimal number = p.getDecimalValue();
                return number.signum() == 0 ? 0L : number.stripTrailingZeros().longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return null; // a fraction, or beyond a long
            }
        }
    }

    /**
     * An array of strings (other scalars as text; {@code null} items left out; object or array items left
     * out and reported); a single string is read as a list of one ({@code "amr": "PASSWORD"}).
     */
    static final class TextList extends StdDeserializer<List<String>> {
        private static final long serialVersionUID = 1L;

        TextList() {
            super(List.class);
        }

        @Override
        public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token.isScalarValue()) {
                return List.of(p.getText());
            }
            if (token != JsonToken.START_ARRAY) {
                Leftovers.of(ctxt).ignore(p);
                return null;
            }
            List<String> items = new ArrayList<>(4);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String item = text(p, ctxt);
                if (item != null) {
                    items.add(item);
                }
            }
            return items;
        }
    }
}
