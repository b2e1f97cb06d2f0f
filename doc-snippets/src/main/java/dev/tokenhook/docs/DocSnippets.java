package dev.tokenhook.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps code shown in documentation identical to code that compiles and runs. Mark a region of a
 * source file with {@code // tag::name[]} and {@code // end::name[]}; {@link #tagged(Path, String)}
 * returns it without its common indentation, ready to compare with a Markdown file:
 *
 * <pre>{@code
 * assertThat(Files.readString(Path.of("README.md"))).contains(DocSnippets.tagged(source, "rule"));
 * }</pre>
 */
public final class DocSnippets {

    private DocSnippets() {
    }

    /**
     * @param source a source file
     * @param tag the region's name
     * @return the lines between the tag markers, de-indented, each ending with a newline
     * @throws IllegalArgumentException if the file lacks either marker
     */
    public static String tagged(Path source, String tag) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = text.indexOf("// tag::" + tag + "[]");
        int end = text.indexOf("// end::" + tag + "[]");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("No region '" + tag + "' in " + source);
        }
        String body = text.substring(text.indexOf('\n', start) + 1, text.lastIndexOf('\n', end) + 1);
        String indent = body.substring(0, body.length() - body.stripLeading().length());
        StringBuilder out = new StringBuilder(body.length());
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty() || out.length() < body.length()) {
                out.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }
}
