package dev.tokenhook.servlet;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookAdapterContract;
import java.net.URI;
import java.util.List;
import org.apache.catalina.startup.Tomcat;

/** The adapter contract on a real embedded Tomcat 11, the servlet registered by the helper from an initializer. */
class TomcatContractTest extends TokenHookAdapterContract {

    private Tomcat tomcat;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) throws Exception {
        tomcat = EmbeddedTomcat.create();
        return EmbeddedTomcat.serve(tomcat, config.endpoint(rules), config.path());
    }

    @Override
    protected void stop() throws Exception {
        EmbeddedTomcat.destroy(tomcat);
    }
}
