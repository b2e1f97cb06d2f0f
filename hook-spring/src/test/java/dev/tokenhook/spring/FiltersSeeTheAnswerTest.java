package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TokenHookRequests;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application's own servlet filter, behind Spring Security's chain, looks at the response once the hook has
 * returned, while the call's last rule ends on a rule thread: the answer is already written then, so no other
 * thread writes the response while the filters touch it (hook-servlet's {@code AnswerBeforeFiltersTest}; a rule
 * thread writing at that moment once left a call without an answer on Boot 3.5).
 */
class FiltersSeeTheAnswerTest {

    private static final String SECRET = "Basic ZmlsdGVyczpib290";
    private static final BlockingQueue<Boolean> COMMITTED_WHEN_THE_CHAIN_RETURNED = new LinkedBlockingQueue<>();

    @Test
    void aFilterFindsTheAnswerWrittenWhenTheHookReturns() throws InterruptedException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestHookApplication.class,
                SlowSecondRuleApp.class).properties(Map.of(
                        "server.port", "0", "server.address", "127.0.0.1", "spring.main.banner-mode", "off",
                        "tokenhook.auth.header.secrets", SECRET))
                .run()) {
            URI hook = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                    + "/okta/token-hook");

            HookCall call = new OktaHookCaller(hook, "Authorization", SECRET)
                    .call(TokenHookRequests.authorizationCode().user("ann@example.com").build().json());

            assertThat(call.status()).isEqualTo(200);
            assertThat(call.bodyText()).contains("/claims/first").contains("/claims/last");
            // The filter looks once the answer has left, so the caller may read it first: wait for its word.
            assertThat(COMMITTED_WHEN_THE_CHAIN_RETURNED.poll(5, TimeUnit.SECONDS)).isTrue();
            assertThat(COMMITTED_WHEN_THE_CHAIN_RETURNED).isEmpty();
        }
    }

    /** Two rules, the second ending last on a rule thread, and a filter as an application declares one. */
    @Configuration(proxyBeanMethods = false)
    static class SlowSecondRuleApp {

        @Bean
        ClaimRule onTheCaller() {
            return ClaimRule.named("on-the-caller", (request, patch) -> patch.accessToken().add("first", true));
        }

        @Bean
        ClaimRule onARuleThread() {
            return ClaimRule.named("on-a-rule-thread", (request, patch) -> {
                Thread.sleep(300);
                patch.accessToken().add("last", true);
            });
        }

        @Bean
        Filter committedWatcher() {
            return (request, response, chain) -> {
                chain.doFilter(request, response);
                COMMITTED_WHEN_THE_CHAIN_RETURNED.add(((HttpServletResponse) response).isCommitted());
            };
        }
    }
}
