package dev.tokenhook.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One module's files in the staging repository, by kind ("pom", "jar", "sources", "javadoc"). A SNAPSHOT is
 * deployed with a timestamp in its file names; the latest one counts.
 */
record StagedModule(String artifactId, Path directory, Map<String, Path> files) {

    static Path stagingDirectory() {
        return Path.of(System.getProperty("tokenhook.staging.directory"));
    }

    static String version() {
        return System.getProperty("tokenhook.version");
    }

    static Path groupDirectory() {
        return stagingDirectory().resolve("dev").resolve("tokenhook");
    }

    static StagedModule of(String artifactId) {
        String version = version();
        Path directory = groupDirectory().resolve(artifactId).resolve(version);
        String baseVersion = version.replace("-SNAPSHOT", "");
        Pattern name = Pattern.compile(Pattern.quote(artifactId + "-")
                + "(" + Pattern.quote(version) + "|" + Pattern.quote(baseVersion) + "-\\d{8}\\.\\d{6}-\\d+)"
                + "(?:-(sources|javadoc))?\\.(jar|pom)");
        Map<String, Path> files = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> listing = Files.list(directory)) {
                listing.sorted(Comparator.comparing(Path::toString)).forEach(file -> {
                    Matcher matcher = name.matcher(file.getFileName().toString());
                    if (matcher.matches()) {
                        String kind = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                        files.put(kind, file); // sorted: a later timestamp replaces an earlier one
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + directory, e);
            }
        }
        return new StagedModule(artifactId, directory, files);
    }

    Optional<Path> file(String kind) {
        return Optional.ofNullable(files.get(kind));
    }

    Path pom() {
        return file("pom").orElseThrow(() -> new AssertionError("no POM staged for " + artifactId + " in " + directory));
    }

    static List<String> stagedArtifactIds() {
        if (!Files.isDirectory(groupDirectory())) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(groupDirectory())) {
            return listing.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + groupDirectory(), e);
        }
    }
}
