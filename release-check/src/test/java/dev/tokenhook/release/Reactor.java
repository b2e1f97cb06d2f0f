package dev.tokenhook.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The modules the root POM lists, read from their pom.xml files, and which of them are published. */
final class Reactor {

    /** One module: its artifactId, packaging and whether it is deployed (no {@code maven.deploy.skip}). */
    record Module(String artifactId, String packaging, boolean published) {

        boolean hasJar() {
            return !packaging.equals("pom");
        }
    }

    private Reactor() {
    }

    static Path root() {
        return Path.of(System.getProperty("tokenhook.root"));
    }

    /** The root project and every module it lists. */
    static List<Module> modules() {
        List<Module> modules = new ArrayList<>();
        Element root = Xml.parse(root().resolve("pom.xml"));
        modules.add(module(root));
        for (Element module : Xml.children(Xml.child(root, "modules"), "module")) {
            modules.add(module(Xml.parse(root().resolve(module.getTextContent().trim()).resolve("pom.xml"))));
        }
        return modules;
    }

    static List<Module> published() {
        return modules().stream().filter(Module::published).toList();
    }

    private static Module module(Element project) {
        Element properties = Xml.child(project, "properties");
        Element skip = properties == null ? null : Xml.child(properties, "maven.deploy.skip");
        Element packaging = Xml.child(project, "packaging");
        return new Module(Xml.text(project, "artifactId"),
                packaging == null ? "jar" : packaging.getTextContent().trim(),
                skip == null || !skip.getTextContent().trim().equals("true"));
    }

    /** Small DOM helpers: direct children only, so a dependency's artifactId is never the project's. */
    static final class Xml {

        private Xml() {
        }

        static Element parse(Path file) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document document = factory.newDocumentBuilder().parse(Files.newInputStream(file));
                return document.getDocumentElement();
            } catch (IOException | ParserConfigurationException | SAXException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        static Element child(Element parent, String name) {
            List<Element> found = children(parent, name);
            return found.isEmpty() ? null : found.get(0);
        }

        static List<Element> children(Element parent, String name) {
            List<Element> found = new ArrayList<>();
            if (parent == null) {
                return found;
            }
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals(name)) {
                    found.add(element);
                }
            }
            return found;
        }

        /** The text of the direct child {@code name}, or "" when it is missing. */
        static String text(Element parent, String name) {
            Element child = child(parent, name);
            return child == null ? "" : child.getTextContent().trim();
        }
    }
}
