package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TokenHookRequests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * Filters in front of the hook (Spring Security's header writer, for one) still touch the response after the hook's
 * handler returns, and the response is not thread-safe. When the last rule to end runs on a rule thread, the
 * answer must not be written from there while those filters run: the container's thread leaves the hook only once
 * the answer is sent, so a filter finds it committed when the chain returns. (Written from the rule thread at that
 * moment, Tomcat's header table broke, and the call got no answer at all.)
 */
class AnswerBeforeFiltersTest {

    private static final String SECRET = "Basic ZmlsdGVyczpzZWNyZXQ=";

    private final BlockingQueue<Boolean> committedWhenTheChainReturned = new LinkedBlockingQueue<>();

    private TokenHookEndpoint endpoint() {
        TokenHookConfig d = TokenHookConfig.defaults();
        TokenHookConfig config = new TokenHookConfig(true, d.path(), "Authorization", List.of(SECRET), false,
                d.timeBudget(), d.maxBodySize(), d.onRuleFailure());
        return config.endpoint(List.of(
                ClaimRule.named("on-the-caller", (request, patch) -> patch.accessToken().add("first", true)),
                ClaimRule.named("on-a-rule-thread", (request, patch) -> {
                    Thread.sleep(300);
                    patch.accessToken().add("last", true);
                })));
    }

    /** A filter that, like a header writer, looks at the response once the rest of the chain has returned. */
    private void filterInFront(ServletContext context) {
        Filter watcher = (request, response, chain) -> {
            chain.doFilter(request, response);
            committedWhenTheChainReturned.add(((HttpServletResponse) response).isCommitted());
        };
        FilterRegistration.Dynamic registration = context.addFilter("watcher", watcher);
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }

    private void signInAndCheck(URI hook) throws InterruptedException {
        HookCall call = new OktaHookCaller(hook, "Authorization", SECRET)
                .call(TokenHookRequests.authorizationCode().user("ann@example.com").build().json());

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.bodyText()).contains("/claims/first").contains("/claims/last");
        // The filter looks once the answer has left, so the caller may read it first: wait for the filter's word.
        assertThat(committedWhenTheChainReturned.poll(5, TimeUnit.SECONDS)).isTrue();
        assertThat(committedWhenTheChainReturned).isEmpty();
    }

    @Test
    void onJetty() throws Exception {
        Server server = new Server();
        try (TokenHookEndpoint endpoint = endpoint()) {
            signInAndCheck(EmbeddedJetty.serve(server, endpoint, "/okta/token-hook", this::filterInFront));
        } finally {
            server.stop();
        }
    }

    @Test
    void onTomcat() throws Exception {
        Tomcat tomcat = EmbeddedTomcat.create();
        try (TokenHookEndpoint endpoint = endpoint()) {
            signInAndCheck(EmbeddedTomcat.serve(tomcat, endpoint, "/okta/token-hook", this::filterInFront));
        } finally {
            EmbeddedTomcat.destroy(tomcat);
        }
    }
}
