package dev.tokenhook.spring;

import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.TokenHookHostileCallersContract;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The hostile-callers contract on a real Spring Boot application on embedded Tomcat with 4 worker
 * threads, configured only through {@code tokenhook.*} properties (the shared secret and OAuth 2.0).
 * Runs on Boot 4.0 here and on Boot 3.5 in hook-spring-boot3-it.
 */
class SpringBootHostileCallersTest extends TokenHookHostileCallersContract {

    private ConfigurableApplicationContext context;

    @Override
    protected URI start(TokenHookConfig config, List<ClaimRule> rules) {
        Map<String, Object> properties = SpringBootContractTest.properties(config);
        properties.put("server.tomcat.threads.max", "4");
        properties.put("server.tomcat.threads.min-spare", "1");
        OAuth2Settings oauth2 = config.oauth2();
        properties.put("tokenhook.auth.oauth2.issuer", oauth2.issuer());
        properties.put("tokenhook.auth.oauth2.audience", oauth2.audience());
        properties.put("tokenhook.auth.oauth2.jwks-uri", oauth2.jwksUri());
        context = new SpringApplicationBuilder(TestHookApplication.class)
                .properties(properties)
                .initializers(ctx -> {
                    for (int i = 0; i < rules.size(); i++) {
                        ClaimRule rule = rules.get(i);
                        ((GenericApplicationContext) ctx).registerBean("hostileRule" + i, ClaimRule.class, () -> rule);
                    }
                })
                .run();
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + config.path());
    }

    @Override
    protected void stop() {
        if (context != null) {
            context.close();
        }
    }
}
