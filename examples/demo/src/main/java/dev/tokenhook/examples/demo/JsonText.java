package dev.tokenhook.examples.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** JSON for people: pretty-printing, and reading the parts of a compact JWT. */
final class JsonText {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT));

    private JsonText() {
    }

    /**
     * @param node any JSON
     * @return it pretty-printed, one line per member and element, two spaces per level
     */
    static List<String> pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node).lines().toList();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param body bytes that should be JSON
     * @return the JSON, or {@code null} if the bytes are not JSON
     */
    static JsonNode parseOrNull(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @param claims claims as the request model holds them
     * @return the same claims as a JSON object
     */
    static ObjectNode tree(Map<String, Object> claims) {
        return MAPPER.valueToTree(claims);
    }

    /**
     * @param name a member name
     * @return how {@link #pretty} writes it: quoted and escaped
     */
    static String quoted(String name) {
        try {
            return MAPPER.writeValueAsString(name);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes one part of a compact JWS ({@code header.payload.signature}) without trusting it.
     *
     * @param jwt the compact JWS
     * @param part 0 for the header, 1 for the payload
     * @return the part's JSON object
     * @throws IllegalArgumentException if the token does not have three parts or the part is not a JSON object
     */
    static ObjectNode jwtPart(String jwt, int part) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[part]), StandardCharsets.UTF_8);
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException("JWT part " + part + " is not a JSON object");
    }
}
