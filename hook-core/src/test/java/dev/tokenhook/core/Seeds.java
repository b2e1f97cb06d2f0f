package dev.tokenhook.core;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The seeds of a {@link Seeded} test: fixed by default (every run checks the same cases);
 * {@code -Dtokenhook.seed=N} replays seed N alone, {@code -Dtokenhook.seedBase=N} explores another set of
 * the same size.
 */
public final class Seeds extends AnnotationBasedArgumentsProvider<Seeded> {

    private static final long DEFAULT_BASE = 20_261_202L;

    /**
     * @param count how many seeds
     * @return {@code count} seeds, or the one given with {@code -Dtokenhook.seed}
     */
    public static LongStream seeds(int count) {
        Long replay = Long.getLong("tokenhook.seed");
        if (replay != null) {
            return LongStream.of(replay);
        }
        long base = Long.getLong("tokenhook.seedBase", DEFAULT_BASE);
        return LongStream.range(0, count).map(i -> mix(base + i));
    }

    @Override
    protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context,
            Seeded seeded) {
        return seeds(seeded.value()).mapToObj(Arguments::of);
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
