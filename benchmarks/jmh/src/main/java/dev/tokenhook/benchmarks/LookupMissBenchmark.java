package dev.tokenhook.benchmarks;

import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.lookup.ClaimLookup;
import dev.tokenhook.lookup.LookupResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A claim lookup's miss as a rule meets it: the key is not cached, so the lookup hands the call to its own
 * source thread (through the circuit breaker, with the wait-limit and interrupt-after timers) and waits for an
 * in-memory source's answer. What a key not in the cache costs the library besides the source itself; the
 * cached answer every later call gets is in {@link PipelineBenchmark}'s patient scenario.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class LookupMissBenchmark {

    private final InMemoryPatients patients = new InMemoryPatients(1_000);
    private ClaimLookup<String, String> lookup;

    /** A lookup with the default settings over the in-memory patients. */
    @Setup(Level.Trial)
    public void setUp() {
        lookup = ClaimLookup.builder("patients", patients::patientIdFor).settings(LookupSettings.defaults()).build();
    }

    /** Stops the lookup's source thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
        lookup.close();
    }

    /** @return the patient's id, read from the source again: the key was just invalidated */
    @Benchmark
    public LookupResult<String> miss() {
        lookup.invalidate(InMemoryPatients.PATIENT_LOGIN);
        return lookup.lookup(InMemoryPatients.PATIENT_LOGIN);
    }
}
