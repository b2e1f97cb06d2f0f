package dev.tokenhook.micronaut;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.ContractProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts the real Netty server as a user's application would be configured. */
final class MicronautServers {

    private MicronautServers() {
    }

    /** @return the {@code tokenhook.*} properties a user would write for these settings */
    static Map<String, Object> properties(TokenHookConfig config) {
        return new HashMap<>(ContractProperties.of(config));
    }

    /** @return the properties of a server on a random loopback port */
    static Map<String, Object> server(Map<String, Object> props) {
        Map<String, Object> all = new HashMap<>(props);
        all.put("micronaut.server.host", "127.0.0.1");
        all.put("micronaut.server.port", -1);
        all.put("micronaut.server.netty.request-decompression-enabled", false); // as hook-micronaut's README asks
        return all;
    }

    /**
     * Starts an application context and its embedded server with these rules registered as beans, in
     * list order.
     */
    static EmbeddedServer start(Map<String, Object> props, List<? extends ClaimRule> rules) {
        return start(props, rules, new Object[0]);
    }

    /** As {@link #start(Map, List)}, with more beans of the application (a meter registry, say). */
    static EmbeddedServer start(Map<String, Object> props, List<? extends ClaimRule> rules, Object... singletons) {
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(server(props))
                .singletons(singletons)
                .build();
        for (int i = 0; i < rules.size(); i++) {
            ClaimRule rule = rules.get(i);
            context.registerSingleton(ClaimRule.class, new OrderedRule(rule, i), Qualifiers.byName(rule.name()));
        }
        try {
            context.start();
            return context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    static URI uri(EmbeddedServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    /** A rule registered with an explicit position, as {@code @Order} would give a bean class. */
    record OrderedRule(ClaimRule rule, int order) implements ClaimRule, Ordered {
        @Override
        public void apply(dev.tokenhook.core.TokenHookRequest request, dev.tokenhook.core.patch.TokenPatch patch)
                throws Exception {
            rule.apply(request, patch);
        }

        @Override
        public String name() {
            return rule.name();
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
