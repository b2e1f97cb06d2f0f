package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** RFC 6901 escaping in {@link ClaimPath} round-trips. */
class ClaimPathPropertiesTest {

    private static final String TRICKY = "~/01-a:.";
    private static final String POINTER_LIKE = "~/012-a";

    @Seeded(10)
    void pointerParsesBackToTheSamePath(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            List<String> segments = segments(random);
            ClaimPath path = new ClaimPath(segments);

            String pointer = path.pointer();

            assertThat(ClaimPath.parse(pointer)).as("%s", segments).isEqualTo(path);
            assertThat(pointer.split("/", -1)).as("one '/' per segment, none from inside a name")
                    .hasSize(segments.size() + 2);
            assertThat(pointer.replace("~0", "").replace("~1", "")).as("every '~' is an escape").doesNotContain("~");
        }
    }

    @Seeded(10)
    void parseAcceptsOnlyCanonicalPointers(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            String pointer = "/claims/" + text(random, POINTER_LIKE, random.nextInt(13));
            ClaimPath path;
            try {
                path = ClaimPath.parse(pointer);
            } catch (InvalidPatchException refused) {
                continue;
            }
            assertThat(path.pointer()).isEqualTo(pointer);
        }
    }

    /** One to five names, of the characters that need escaping or of any characters; '-' only last. */
    private static List<String> segments(Random random) {
        List<String> segments = new ArrayList<>();
        int size = 1 + random.nextInt(5);
        while (segments.size() < size) {
            String segment = random.nextBoolean() ? text(random, TRICKY, 1 + random.nextInt(8)) : anyText(random);
            boolean middle = !segments.isEmpty() && segments.size() < size - 1;
            if (!(middle && segment.equals("-"))) { // '-' (append) may only end a path: ClaimPath refuses it inside
                segments.add(segment);
            }
        }
        return segments;
    }

    private static String text(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** 1 to 12 characters of any kind, lone surrogates included. */
    private static String anyText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return text.toString();
    }
}
