package dev.tokenhook.servlet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/** An embedded Tomcat on a random loopback port, its base directory under {@code target/}, logging quiet. */
final class EmbeddedTomcat {

    /** Held so the level sticks: JUL keeps loggers weakly. */
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    private EmbeddedTomcat() {
    }

    static Tomcat create() throws IOException {
        TOMCAT_LOG.setLevel(Level.WARNING);
        Path target = Files.createDirectories(Path.of("target"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(target, "tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        return tomcat;
    }

    /** @return the root context, without the leak checks that need {@code --add-opens} */
    static Context rootContext(Tomcat tomcat) {
        StandardContext context = (StandardContext) tomcat.addContext("", null);
        context.setClearReferencesThreadLocals(false);
        context.setClearReferencesRmiTargets(false);
        return context;
    }

    static void destroy(Tomcat tomcat) throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
