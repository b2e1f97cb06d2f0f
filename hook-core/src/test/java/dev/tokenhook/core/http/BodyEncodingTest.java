package dev.tokenhook.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.BodyEncoding.Verdict;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict UTF-8 check in front of the decoder, against hand-picked bytes and the JDK's own strict decoder. */
class BodyEncodingTest {

    private static Verdict check(int... bytes) {
        byte[] body = new byte[bytes.length + 2];
        body[0] = '"';
        for (int i = 0; i < bytes.length; i++) {
            body[i + 1] = (byte) bytes[i];
        }
        body[body.length - 1] = '"';
        return BodyEncoding.check(body, body.length);
    }

    @Test
    void acceptsEveryLengthOfWellFormedSequence() {
        assertThat(check('a')).isEqualTo(Verdict.UTF_8);
        assertThat(check(0xC3, 0xA9)).as("é").isEqualTo(Verdict.UTF_8);
        assertThat(check(0xE2, 0x82, 0xAC)).as("€").isEqualTo(Verdict.UTF_8);
        assertThat(check(0xED, 0x9F, 0xBF)).as("U+D7FF, just below the surrogates").isEqualTo(Verdict.UTF_8);
        assertThat(check(0xEE, 0x80, 0x80)).as("U+E000, just above").isEqualTo(Verdict.UTF_8);
        assertThat(check(0xF0, 0x9D, 0x84, 0x9E)).as("U+1D11E").isEqualTo(Verdict.UTF_8);
        assertThat(check(0xF4, 0x8F, 0xBF, 0xBF)).as("U+10FFFF").isEqualTo(Verdict.UTF_8);
    }

    @Test
    void refusesOverlongFormsSurrogatesAndEverythingBeyondUnicode() {
        assertThat(check(0xC0, 0xAE)).as("overlong '.'").isEqualTo(Verdict.INVALID);
        assertThat(check(0xC1, 0xBF)).as("overlong").isEqualTo(Verdict.INVALID);
        assertThat(check(0xE0, 0x80, 0xAE)).as("3-byte overlong '.'").isEqualTo(Verdict.INVALID);
        assertThat(check(0xF0, 0x80, 0x80, 0xAE)).as("4-byte overlong '.'").isEqualTo(Verdict.INVALID);
        assertThat(check(0xED, 0xA0, 0x80)).as("U+D800").isEqualTo(Verdict.INVALID);
        assertThat(check(0xED, 0xBF, 0xBF)).as("U+DFFF").isEqualTo(Verdict.INVALID);
        assertThat(check(0xF4, 0x90, 0x80, 0x80)).as("U+110000").isEqualTo(Verdict.INVALID);
        assertThat(check(0xF5, 0x80, 0x80, 0x80)).isEqualTo(Verdict.INVALID);
        assertThat(check(0x80)).as("stray continuation").isEqualTo(Verdict.INVALID);
        assertThat(check(0xE2, 0x82)).as("cut short").isEqualTo(Verdict.INVALID);
        assertThat(BodyEncoding.check(new byte[] {'{', (byte) 0xE2, (byte) 0x82}, 3)).as("cut at the end")
                .isEqualTo(Verdict.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void recognisesWideEncodings(String charset) {
        byte[] body = "{\"eventId\":\"e\"}".getBytes(Charset.forName(charset));

        assertThat(BodyEncoding.check(body, body.length)).isEqualTo(Verdict.WIDE);
    }

    /**
     * Random bytes, biased towards the tricky lead bytes, some bodies with long runs of ASCII between them
     * (the check passes eight ASCII bytes at a time): the verdict is the JDK's strict decoder's.
     */
    @RepeatedTest(200)
    void agreesWithTheJdksStrictDecoder() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        byte[] body = new byte[2 + random.nextInt(64)];
        int oneIn = 2 + random.nextInt(14); // how rare the tricky bytes are in this body
        body[0] = '{';
        body[1] = '"';
        int[] interesting = {0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x9F, 0x90, 0x8F};
        for (int i = 2; i < body.length; i++) {
            body[i] = (byte) (random.nextInt(oneIn) == 0 ? interesting[random.nextInt(interesting.length)]
                    : 0x20 + random.nextInt(0x60));
        }
        boolean jdk;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            jdk = true;
        } catch (CharacterCodingException e) {
            jdk = false;
        }

        assertThat(BodyEncoding.check(body, body.length)).as("seed %d", seed)
                .isEqualTo(jdk ? Verdict.UTF_8 : Verdict.INVALID);
    }
}
