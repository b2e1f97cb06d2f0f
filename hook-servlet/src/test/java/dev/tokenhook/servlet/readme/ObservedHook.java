package dev.tokenhook.servlet.readme;

// tag::observability[]
import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.micrometer.TokenHookMetrics;
import dev.tokenhook.servlet.TokenHookServlets;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import java.util.List;

public final class ObservedHook {

    private ObservedHook() {
    }

    /** Call it from your listener or initializer; report the returned health from your own health check. */
    public static HookHealth register(ServletContext servletContext, List<ClaimRule> rules, MeterRegistry registry) {
        HookHealth health = HookHealth.from(TokenHookServlets.settings(servletContext));
        TokenHookServlets.register(servletContext, rules, List.of(new TokenHookMetrics(registry), health));
        return health;
    }
}
// end::observability[]
