package dev.tokenhook.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/** The one hardened {@link JsonFactory} every tokenhook parser, reader and generator comes from. */
final class JsonLimits {

    /** Deepest nesting accepted in a request (the envelope itself uses six levels). */
    static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value accepted, in characters. */
    static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Longest object key accepted, in characters. */
    static final int MAX_NAME_LENGTH = 1024;
    /** Longest number accepted, in characters. */
    static final int MAX_NUMBER_LENGTH = 64;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxDocumentLength(TokenHookRequest.MAX_DOCUMENT_BYTES)
            .build();

    /**
     * Shared, thread-safe factory with the limits above. Repeated keys are refused by
     * {@link DuplicateKeyCheck}, which wraps every parser the decoder reads, not by Jackson's
     * {@code STRICT_DUPLICATE_DETECTION}: the same verdicts without its 5 KB per typical request.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .build();

    private JsonLimits() {
    }
}
