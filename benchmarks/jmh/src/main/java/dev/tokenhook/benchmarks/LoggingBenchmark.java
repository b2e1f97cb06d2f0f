package dev.tokenhook.benchmarks;

import dev.tokenhook.core.http.HookHttpResponse;
import java.io.IOException;
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
 * The typical request through the endpoint with its one line per call (a success's, at DEBUG) built and
 * handed to {@code java.util.logging} (a handler that drops it): what the log line costs besides its I/O
 * when an application turns successes' lines on.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class LoggingBenchmark {

    private final PipelineBenchmark pipeline = new PipelineBenchmark();

    /** Builds the endpoint for the typical request, then switches the per-call line on. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        pipeline.size = RequestSize.TYPICAL;
        pipeline.setUp();
        Logging.discarding();
    }

    /** Stops the rule executor. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.tearDown();
    }

    /** @return the whole call, logged */
    @Benchmark
    public HookHttpResponse endpointLogged() {
        return pipeline.endpoint();
    }
}
