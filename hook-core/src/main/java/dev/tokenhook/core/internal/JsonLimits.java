package dev.tokenhook.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/** The one hardened {@link JsonFactory} every tokenhook parser, reader and generator comes from. */
public final class JsonLimits {

    /** Deepest nesting accepted in a request (the envelope itself uses six levels). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Longest object key accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Largest document accepted, in bytes; the endpoint's configurable body limit may not exceed it. */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxDocumentLength(MAX_DOCUMENT_BYTES)
            .build();

    /** Shared, thread-safe factory with the limits above and strict duplicate-key detection. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonLimits() {
    }
}
