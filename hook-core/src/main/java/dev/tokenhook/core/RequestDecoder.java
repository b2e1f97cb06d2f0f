package dev.tokenhook.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Decodes a token inline hook request with jackson-databind into {@link RequestBody} and maps it to the
 * public model. The parser comes from {@link JsonLimits#FACTORY} (limits on nesting, strings, names, numbers
 * and document size), wrapped in a {@link DuplicateKeyCheck} (repeated keys refused). Lenient field by
 * field: unknown members are kept aside, a known field of an unexpected JSON type is coerced where
 * unambiguous and otherwise left out, and both are reported with the request
 * ({@link TokenHookRequest#ignoredFields()}, {@link TokenHookRequest#unmappedFields()}). What is refused (not JSON, not an object, a repeated key, a
 * limit passed, another event type) becomes a {@link RequestDecodingException} naming the location, never
 * quoting the input.
 */
final class RequestDecoder {

    private static final ObjectReader READER = JsonMapper.builder(JsonLimits.FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // exceptions pass as thrown: a limit, a read failure or a refusal is told apart by its type
            .disable(DeserializationFeature.WRAP_EXCEPTIONS)
            .disable(MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS,
                    MapperFeature.AUTO_DETECT_SETTERS, MapperFeature.AUTO_DETECT_FIELDS)
            .addHandler(new Leftovers.KeepUnknown())
            .addModule(new SimpleModule("tokenhook-request")
                    .addDeserializer(String.class, new LenientScalars.Text())
                    .addDeserializer(Boolean.class, new LenientScalars.Flag())
                    .setDeserializerModifier(new LenientShape.Everywhere()))
            .build()
            .readerFor(RequestBody.class);

    private RequestDecoder() {
    }

    /**
     * @param json the request body
     * @return the decoded request
     * @throws RequestDecodingException if the body is not a readable token inline hook request
     */
    static TokenHookRequest decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new RequestDecodingException("Request body is empty");
        }
        if (json.length > TokenHookRequest.MAX_DOCUMENT_BYTES) {
            throw new RequestDecodingException("Request body exceeds " + TokenHookRequest.MAX_DOCUMENT_BYTES + " bytes");
        }
        try (JsonParser parser = new DuplicateKeyCheck(JsonLimits.FACTORY.createParser(json))) {
            return readDocument(parser, parser.nextToken());
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /**
     * Decodes a request body straight from the stream, without copying it into an array first (the parser
     * reads it through its own recycled buffer). Reads at most {@code maxBytes + 1} bytes. The outcome is
     * the same as reading the whole body into an array (refusing more than {@code maxBytes}) and then
     * calling {@link #decode(byte[])}: a body that fails to read or is too long is reported as such even when its
     * beginning is already undecodable (the rest is then read, up to the limit, to find out), and a body
     * that decodes is read to its end.
     *
     * @param body the request body; not closed
     * @param maxBytes the most bytes accepted, at most {@link TokenHookRequest#MAX_DOCUMENT_BYTES}
     * @return the decoded request
     * @throws BodyTooLargeException if the body is longer than {@code maxBytes} (answer 413)
     * @throws IOException the exception {@code body} threw, if reading it failed (answer 400)
     * @throws RequestDecodingException if the body is not a readable token inline hook request (answer 400
     *     with the message), with the same message as {@link #decode(byte[])} gives for the same bytes
     */
    static TokenHookRequest decode(InputStream body, int maxBytes) throws IOException, BodyTooLargeException {
        if (maxBytes < 0 || maxBytes > TokenHookRequest.MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("maxBytes must be between 0 and " + TokenHookRequest.MAX_DOCUMENT_BYTES);
        }
        BoundedInput in = new BoundedInput(Objects.requireNonNull(body, "body"), maxBytes);
        RequestDecodingException refused;
        try (JsonParser parser = new DuplicateKeyCheck(JsonLimits.FACTORY.createParser(in))) {
            JsonToken first = parser.nextToken();
            if (first == null && in.count() == 0) {
                throw new RequestDecodingException("Request body is empty");
            }
            return readDocument(parser, first);
        } catch (IOException e) {
            refused = in.limitPassed() || in.failure() != null ? null : refusal(e);
        } catch (RequestDecodingException e) {
            refused = e;
        }
        in.drain();
        if (in.limitPassed()) {
            throw new BodyTooLargeException(maxBytes);
        }
        if (in.failure() != null) {
            throw in.failure();
        }
        throw refused;
    }

    /** The whole document: one object, then nothing but whitespace. */
    private static TokenHookRequest readDocument(JsonParser parser, JsonToken first) throws IOException {
        if (first != JsonToken.START_OBJECT) {
            throw new RequestDecodingException("Request body must be a JSON object");
        }
        RequestBody body = READER.readValue(parser);
        if (parser.nextToken() != null) {
            throw new RequestDecodingException("Unexpected content after the JSON object");
        }
        return body.toModel();
    }

    /** @return what a parser's exception means for the caller, without quoting the input */
    private static RequestDecodingException refusal(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return new RequestDecodingException("Request exceeds a JSON limit (nesting depth, string, name, number "
                    + "or document length)", e);
        }
        if (e instanceof JsonProcessingException j) {
            return new RequestDecodingException("Malformed JSON at " + location(j), e);
        }
        return new RequestDecodingException("Unreadable request body", e);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? "an unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
