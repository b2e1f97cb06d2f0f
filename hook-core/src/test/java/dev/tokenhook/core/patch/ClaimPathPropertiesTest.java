package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** RFC 6901 escaping in {@link ClaimPath} round-trips. */
class ClaimPathPropertiesTest {

    @Property(tries = 1000)
    void pointerParsesBackToTheSamePath(@ForAll("segmentLists") List<String> segments) {
        ClaimPath path = new ClaimPath(segments);

        String pointer = path.pointer();

        assertThat(ClaimPath.parse(pointer)).isEqualTo(path);
        assertThat(pointer.split("/", -1)).as("one '/' per segment, none from inside a name")
                .hasSize(segments.size() + 2);
        assertThat(pointer.replace("~0", "").replace("~1", "")).as("every '~' is an escape").doesNotContain("~");
    }

    @Property(tries = 1000)
    void parseAcceptsOnlyCanonicalPointers(@ForAll("pointerLikeText") String tail) {
        String pointer = "/claims/" + tail;
        ClaimPath path;
        try {
            path = ClaimPath.parse(pointer);
        } catch (InvalidPatchException refused) {
            return;
        }
        assertThat(path.pointer()).isEqualTo(pointer);
    }

    @Provide
    Arbitrary<List<String>> segmentLists() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars('~', '/', '0', '1', '-', 'a', ':', '.')
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(tricky, any).list().ofMinSize(1).ofMaxSize(5)
                // '-' (append) may only end a path; in the middle ClaimPath refuses it by design
                .filter(list -> list.subList(1, Math.max(1, list.size() - 1)).stream().noneMatch("-"::equals));
    }

    @Provide
    Arbitrary<String> pointerLikeText() {
        return Arbitraries.strings().withChars('~', '/', '0', '1', '2', '-', 'a').ofMaxLength(12);
    }
}
