package dev.tokenhook.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.release.Reactor.Xml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A user's build against the staged bundle: the project in {@code release-check/consumer} imports the BOM,
 * depends on hook-servlet and tests a rule with hook-testkit. A nested, offline Maven builds it with its own
 * local repository (where our artifacts land, from the staging repository only) chained to the shared one
 * (read-only: third-party artifacts this build already resolved), so a broken POM, a missing transitive
 * dependency or a test library that leaked into a published POM fails here.
 */
class ConsumerProjectTest {

    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void aUserProjectResolvesTheBomAndAnAdapterFromTheStagedBundleAndRunsARule() throws Exception {
        Path work = Path.of(System.getProperty("consumer.work"));
        deleteRecursively(work);
        copyRecursively(Path.of(System.getProperty("consumer.source")), work.resolve("project"));
        Path ownRepository = work.resolve("repository");
        Path log = work.resolve("build.log");

        Process maven = new ProcessBuilder(command(work.resolve("project"), ownRepository))
                .directory(work.resolve("project").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        maven.getOutputStream().close();
        boolean finished = maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly().waitFor();
        }

        assertThat(finished).as("consumer build finished within %d minutes; log: %s", TIMEOUT_MINUTES, log).isTrue();
        assertThat(maven.exitValue()).as("consumer build failed:%n%s", tail(log)).isZero();
        assertThat(testsRun(work.resolve("project/target/surefire-reports")))
                .as("consumer tests run, by class (none failed)")
                .containsOnlyKeys("com.example.hook.PatientIdRuleTest", "com.example.hook.ClassPathTest")
                .allSatisfy((suite, run) -> assertThat(run).as(suite).isPositive());
        assertThat(ownRepository.resolve("dev/tokenhook/hook-servlet/" + StagedModule.version()))
                .as("our artifacts come from the staging repository into the consumer's own local repository")
                .isDirectory();
    }

    private static List<String> command(Path project, Path ownRepository) {
        String mavenHome = System.getProperty("maven.home");
        assertThat(mavenHome).as("maven.home (set by Maven's launcher)").isNotBlank();
        List<String> command = new ArrayList<>(List.of(
                Path.of(mavenHome, "bin", "mvn").toString(),
                "-B", "-o", "-U", "-ntp",
                "-f", project.resolve("pom.xml").toString(),
                "-s", project.resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + ownRepository,
                "-Dmaven.repo.local.tail=" + System.getProperty("maven.local.repository"),
                // Offline, yet the file: staging repository is readable: no network, no ~/.m2 writes of ours.
                "-Daether.offline.protocols=file",
                "-Dtokenhook.version=" + StagedModule.version(),
                "-Dtokenhook.staging.url=" + StagedModule.stagingDirectory().toUri()));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("consumer.property."))
                .sorted()
                .forEach(name -> command.add("-D" + name.substring("consumer.property.".length()) + "="
                        + System.getProperty(name)));
        command.add("test");
        return command;
    }

    private static Map<String, Integer> testsRun(Path reports) throws IOException {
        Map<String, Integer> run = new TreeMap<>();
        if (!Files.isDirectory(reports)) {
            return run;
        }
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.filter(file -> file.getFileName().toString().endsWith(".xml")).toList()) {
                Element suite = Xml.parse(report);
                assertThat(suite.getAttribute("failures") + suite.getAttribute("errors")).as("%s", report)
                        .isEqualTo("00");
                run.put(suite.getAttribute("name"), Integer.parseInt(suite.getAttribute("tests")));
            }
        }
        return run;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.filter(path -> !path.toString().contains("/target")).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
