package dev.tokenhook.micronaut;

import dev.tokenhook.core.http.HookHealth;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Objects;
import org.reactivestreams.Publisher;

/**
 * The token hook's indicator in micronaut-management's {@code /health}, named {@value #NAME}: UP, or DOWN when
 * the recent ratio of failed calls reaches {@code tokenhook.health.failure-threshold} (Okta fails open, so users
 * then sign in without the hook's claims). Details: {@code calls}, {@code failedCalls}, {@code failureRatio},
 * {@code threshold}, {@code staleAnswerCalls}, {@code unknownAnswerCalls}. Reads the {@link HookHealth} bean the
 * endpoint feeds; {@code tokenhook.health.enabled=false}
 * removes both.
 */
@Singleton
@Requires(classes = HealthIndicator.class)
@Requires(property = TokenHookFactory.ENABLED, pattern = TokenHookFactory.NOT_FALSE, defaultValue = "true")
@Requires(property = TokenHookHealthIndicator.ENABLED, pattern = TokenHookFactory.NOT_FALSE, defaultValue = "true")
@Requires(beans = HookHealth.class)
public class TokenHookHealthIndicator implements HealthIndicator {

    /** The indicator's name in {@code /health}. */
    public static final String NAME = "tokenHook";

    static final String ENABLED = "tokenhook.health.enabled";

    private final HookHealth health;

    /** @param health the tracker the endpoint feeds */
    public TokenHookHealthIndicator(HookHealth health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HookHealth.Snapshot snapshot = health.snapshot();
        return Publishers.just(HealthResult.builder(NAME, snapshot.up() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(snapshot.details())
                .build());
    }
}
