package dev.tokenhook.core.patch;

/**
 * Lets {@code PipelineBenchmark.encode} measure hook-core's package-private response encoder on its own
 * (a {@link TokenHookResponse} caches its encoding, so {@code toJson()} would measure a copy). Lives in the
 * unpublished benchmarks jar, in hook-core's package, so the encoder stays out of the public API.
 */
public final class EncoderAccess {

    private EncoderAccess() {
    }

    /**
     * @param response the answer
     * @return its JSON, encoded afresh
     */
    public static byte[] encode(TokenHookResponse response) {
        return ResponseEncoder.encode(response);
    }
}
