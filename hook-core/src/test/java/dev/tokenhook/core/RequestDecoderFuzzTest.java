package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the decoder with Jazzer. In every {@code ./mvnw verify} this replays its corpus
 * ({@code src/test/resources/dev/tokenhook/core/RequestDecoderFuzzTestInputs/decode}: valid requests,
 * mistyped fields, broken JSON, limits, and every input the fuzzer ever found failing); to fuzz for new
 * inputs, for at most the {@code maxDuration} below:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl hook-core -am test -Dtest=RequestDecoderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * A failing input is written to the inputs directory and then replayed by every build.
 */
class RequestDecoderFuzzTest {

    /**
     * Whatever the bytes: a request or a {@link RequestDecodingException} (never another exception), never a
     * message longer than a sentence or quoting the body, the same outcome from the stream as from the array,
     * and the ignored fields among the unmapped ones.
     */
    @FuzzTest(maxDuration = "60s")
    void decode(byte[] body) throws IOException {
        Object fromArray;
        try {
            TokenHookRequest request = RequestDecoder.decode(body);
            assertThat(request.unmappedFields().keySet()).containsAll(request.ignoredFields());
            fromArray = request;
        } catch (RequestDecodingException refused) {
            assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(200);
            fromArray = "refused: " + refused.getMessage();
        }

        Object fromStream;
        try {
            fromStream = RequestDecoder.decode(new ByteArrayInputStream(body), TokenHookRequest.MAX_DOCUMENT_BYTES);
        } catch (RequestDecodingException refused) {
            fromStream = "refused: " + refused.getMessage();
        } catch (BodyTooLargeException e) {
            throw new AssertionError("a fuzzer input is never 4 MiB", e);
        }
        assertThat(fromStream).isEqualTo(fromArray);
    }
}
