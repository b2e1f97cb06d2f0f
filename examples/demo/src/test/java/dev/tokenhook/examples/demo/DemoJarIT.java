package dev.tokenhook.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar, run as {@code ./demo} runs it: {@code java -jar target/example-demo.jar}. */
class DemoJarIT {

    private static final Path JAR = Path.of(System.getProperty("example.jar", "target/example-demo.jar"));

    @Test
    void playsTheThreeScenariosQuietlyAndExitsZero() throws Exception {
        Launched demo = launch();
        try {
            assertThat(demo.process.waitFor(60, TimeUnit.SECONDS)).as("finishes").isTrue();
            assertThat(demo.process.exitValue()).as(demo.stdout()).isZero();
            assertThat(demo.stdout()).contains("All 3 scenarios behaved as expected")
                    .contains("\"extPatientId\": \"1234\",   " + Demo.ADDED).endsWith("tokenhook: stopped\n");
            assertThat(demo.stderr()).as("no logging noise").isEmpty();
        } finally {
            demo.process.destroyForcibly();
        }
    }

    @Test
    void keepRunningServesTheCurlCommandItPrintsUntilSigterm() throws Exception {
        Launched demo = launch("--keep-running");
        try {
            String text = demo.awaitStdout("Serving;");
            URI hook = URI.create(find(text, "\nURL {12}(\\S+)"));
            String secret = find(text, "\nHeader {9}Authorization: (\\S+)");
            Path sample = Path.of(find(text, "--data-binary @(\\S+)"));
            assertThat(sample).exists();

            HookCall call = new OktaHookCaller(hook, "Authorization", secret).call(Files.readAllBytes(sample));
            assertThat(call.status()).isEqualTo(200);
            JsonNode op = JsonText.MAPPER.readTree(call.body()).at("/commands/0/value/0");
            assertThat(op.path("path").asText()).isEqualTo("/claims/extPatientId");
            assertThat(op.path("value").asText()).isEqualTo("1234");

            demo.process.destroy(); // SIGTERM, as Ctrl-C
            assertThat(demo.process.waitFor(20, TimeUnit.SECONDS)).as("stops").isTrue();
            assertThat(demo.stdout()).endsWith("tokenhook: stopped\n");
            assertThat(demo.stderr()).as("one log line per call").contains("outcome=patched").doesNotContain("Exception");
            assertThat(sample).as("removed on exit").doesNotExist();
        } finally {
            demo.process.destroyForcibly();
        }
    }

    @Test
    void refusesAnUnknownOptionWithTheUsage() throws Exception {
        Launched demo = launch("--frobnicate");
        try {
            assertThat(demo.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(demo.process.exitValue()).isEqualTo(Demo.USAGE_OR_START_ERROR);
            assertThat(demo.stderr()).startsWith("demo: unknown option '--frobnicate'").contains("Usage: ./demo");
        } finally {
            demo.process.destroyForcibly();
        }
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in%n%s", regex, text).isTrue();
        return m.group(1);
    }

    private static Launched launch(String... args) throws IOException {
        assertThat(JAR).as("run 'package' first").exists();
        Path logs = Files.createDirectories(Path.of("target", "jar-it"));
        Path out = Files.createTempFile(logs, "stdout", ".log");
        Path err = Files.createTempFile(logs, "stderr", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.equals("PORT") || name.startsWith("TOKENHOOK_"));
        return new Launched(builder.start(), out, err);
    }

    private record Launched(Process process, Path out, Path err) {

        String awaitStdout(String marker) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process.isAlive()) {
                String text = stdout();
                if (text.contains(marker)) {
                    return text;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no '" + marker + "'; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }

        String stdout() throws IOException {
            return Files.readString(out);
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }
    }
}
