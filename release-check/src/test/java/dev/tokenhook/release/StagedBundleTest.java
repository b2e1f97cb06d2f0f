package dev.tokenhook.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.release.Reactor.Module;
import dev.tokenhook.release.Reactor.Xml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The bundle this build staged (what {@code -Prelease deploy} would publish): every published module with
 * its POM, jar, sources and javadoc, checksums (and signatures under -Prelease), Central's required POM
 * metadata, the licence in every jar, and nothing that is not published.
 */
class StagedBundleTest {

    static Stream<Module> published() {
        return Reactor.published().stream();
    }

    static Stream<Module> publishedJars() {
        return published().filter(Module::hasJar);
    }

    @Test
    void exactlyThePublishedModulesAreStaged() {
        List<String> expected = published().map(Module::artifactId).sorted().toList();

        assertThat(StagedModule.stagedArtifactIds())
                .as("modules staged under %s (examples, benchmarks and test-only modules never are;"
                        + " a missing one may be listed after release-check in the root POM)",
                        StagedModule.groupDirectory())
                .isEqualTo(expected);
        assertThat(expected).contains("tokenhook-parent", "hook-bom", "hook-core", "hook-testkit");
    }

    @ParameterizedTest
    @MethodSource("published")
    void everyFileHasItsChecksumsAndUnderReleaseItsSignature(Module module) throws IOException {
        StagedModule staged = StagedModule.of(module.artifactId());
        List<String> kinds = module.hasJar() ? List.of("pom", "jar", "sources", "javadoc") : List.of("pom");

        assertThat(staged.files().keySet()).as("files staged for %s", module.artifactId())
                .containsExactlyInAnyOrderElementsOf(kinds);
        for (Path file : staged.files().values()) {
            assertThat(Files.readString(sibling(file, ".md5")).trim()).as("%s.md5", file.getFileName())
                    .isEqualTo(digest(file, "MD5"));
            assertThat(Files.readString(sibling(file, ".sha1")).trim()).as("%s.sha1", file.getFileName())
                    .isEqualTo(digest(file, "SHA-1"));
            if (Boolean.getBoolean("tokenhook.staging.signed")) {
                assertThat(sibling(file, ".asc")).as("signature of %s", file.getFileName()).isRegularFile();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("published")
    void everyPomCarriesWhatCentralRequires(Module module) {
        Element pom = Xml.parse(StagedModule.of(module.artifactId()).pom());
        Element parent = Xml.child(pom, "parent") == null ? null
                : Xml.parse(StagedModule.of(Xml.text(Xml.child(pom, "parent"), "artifactId")).pom());

        assertThat(Xml.text(pom, "name")).as("name").isNotBlank();
        assertThat(Xml.text(pom, "description")).as("description").isNotBlank();
        Element own = Xml.child(pom, "licenses") != null ? pom : parent;
        assertThat(own).as("a POM with <licenses> (own or parent)").isNotNull();
        assertThat(Xml.text(Xml.child(Xml.child(own, "licenses"), "license"), "name"))
                .isEqualTo("Apache License, Version 2.0");
        Element metadata = Xml.child(pom, "scm") != null ? pom : parent;
        assertThat(metadata).as("a POM with <scm> (own or parent)").isNotNull();
        assertThat(Xml.text(metadata, "url")).startsWith("https://github.com/");
        assertThat(Xml.text(Xml.child(metadata, "scm"), "connection")).startsWith("scm:git:");
        assertThat(Xml.text(Xml.child(metadata, "scm"), "url")).startsWith("https://github.com/");
        assertThat(Xml.text(Xml.child(Xml.child(metadata, "developers"), "developer"), "name")).isNotBlank();
        assertThat(Xml.text(Xml.child(metadata, "issueManagement"), "url")).startsWith("https://github.com/");
    }

    @ParameterizedTest
    @MethodSource("publishedJars")
    void everyJarCarriesTheLicenceAndNoticeAndTheSourcesAndJavadocAreReal(Module module) throws IOException {
        StagedModule staged = StagedModule.of(module.artifactId());
        byte[] licence = Files.readAllBytes(Reactor.root().resolve("LICENSE"));
        byte[] notice = Files.readAllBytes(Reactor.root().resolve("NOTICE"));

        for (String kind : List.of("jar", "sources")) {
            try (JarFile jar = new JarFile(staged.file(kind).orElseThrow().toFile())) {
                assertThat(read(jar, "META-INF/LICENSE")).as("%s %s: META-INF/LICENSE", module.artifactId(), kind)
                        .isEqualTo(licence);
                assertThat(read(jar, "META-INF/NOTICE")).as("%s %s: META-INF/NOTICE", module.artifactId(), kind)
                        .isEqualTo(notice);
            }
        }
        try (JarFile jar = new JarFile(staged.file("jar").orElseThrow().toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name")).startsWith("dev.tokenhook.");
            assertThat(jar.stream().map(ZipEntry::getName)).anyMatch(name -> name.endsWith(".class"));
        }
        try (JarFile sources = new JarFile(staged.file("sources").orElseThrow().toFile())) {
            assertThat(sources.stream().map(ZipEntry::getName)).anyMatch(name -> name.endsWith(".java"));
        }
        try (JarFile javadoc = new JarFile(staged.file("javadoc").orElseThrow().toFile())) {
            assertThat(javadoc.getEntry("index.html")).as("%s javadoc index.html", module.artifactId()).isNotNull();
        }
    }

    @Test
    void theBomStandsAloneAndManagesEveryPublishedJar() {
        Element bom = Xml.parse(StagedModule.of("hook-bom").pom());

        assertThat(Xml.child(bom, "parent")).as("the published BOM has no parent (users inherit nothing)").isNull();
        assertThat(Xml.text(bom, "version")).isEqualTo(StagedModule.version());
        List<Element> managed = Xml.children(Xml.child(Xml.child(bom, "dependencyManagement"), "dependencies"),
                "dependency");
        assertThat(managed).allSatisfy(dependency -> {
            assertThat(Xml.text(dependency, "groupId")).isEqualTo("dev.tokenhook");
            assertThat(Xml.text(dependency, "version")).isIn(StagedModule.version(), "${project.version}");
        });
        assertThat(managed.stream().map(dependency -> Xml.text(dependency, "artifactId")))
                .as("hook-bom's dependencyManagement against the published jar modules"
                        + " (a new published module goes into hook-bom/pom.xml)")
                .containsExactlyInAnyOrderElementsOf(publishedJars().map(Module::artifactId).toList());
        assertThat(Xml.child(bom, "build")).as("no build section in the published BOM").isNull();
        assertThat(Xml.child(bom, "properties")).as("no properties in the published BOM").isNull();
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String digest(Path file, String algorithm) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        if (entry == null) {
            return new byte[0];
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
