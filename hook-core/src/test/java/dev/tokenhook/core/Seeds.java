package dev.tokenhook.core;

import java.util.stream.LongStream;

/**
 * Seeds for the randomised tests, which run under JUnit's {@code @ParameterizedTest(name = "seed {0}")}: the
 * seed is in every test's name, so a failure names the one to replay. Fixed by default (every run checks
 * the same cases); {@code -Dtokenhook.seed=N} replays seed N alone, {@code -Dtokenhook.seedBase=N} explores
 * another set of the same size.
 */
public final class Seeds {

    private static final long DEFAULT_BASE = 20_261_202L;

    private Seeds() {
    }

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

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
