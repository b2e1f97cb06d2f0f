package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookHostileCallersContract;
import java.net.URI;
import java.util.List;
import org.apache.catalina.startup.Tomcat;

/** The hostile-callers contract on a real embedded Tomcat 11 with 4 worker threads, fewer than the slow callers. */
class TomcatHostileCallersTest extends TokenHookHostileCallersContract {

    private Tomcat tomcat;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception {
        tomcat = EmbeddedTomcat.create();
        tomcat.getConnector().setProperty("maxThreads", "4");
        tomcat.getConnector().setProperty("minSpareThreads", "1");
        return EmbeddedTomcat.serve(tomcat, config.endpoint(rules), config.path());
    }

    @Override
    protected void stop() throws Exception {
        EmbeddedTomcat.destroy(tomcat);
    }
}
