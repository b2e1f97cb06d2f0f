package dev.tokenhook.spring.boot3;

import dev.tokenhook.core.http.HookHealth;
import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Spring Boot 3.5 health indicator of the token hook: UP, or DOWN when the recent ratio of failed calls
 * reaches the threshold (Okta fails open, so users then sign in without the hook's claims). Details:
 * {@code calls}, {@code failedCalls}, {@code failureRatio}, {@code threshold},
 * {@code staleAnswerCalls}, {@code unknownAnswerCalls}. The same as hook-spring's
 * {@code dev.tokenhook.spring.TokenHookHealthIndicator} on Spring Boot 4.
 */
public final class TokenHookHealthIndicator implements HealthIndicator {

    private final HookHealth health;

    /** @param health the tracker the endpoint feeds */
    public TokenHookHealthIndicator(HookHealth health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public Health health() {
        HookHealth.Snapshot snapshot = health.snapshot();
        return (snapshot.up() ? Health.up() : Health.down()).withDetails(snapshot.details()).build();
    }
}
