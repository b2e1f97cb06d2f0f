package dev.tokenhook.micrometer;

import dev.tokenhook.core.http.HookEvent;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.HookOutcome;
import dev.tokenhook.core.patch.PatchViolation;
import dev.tokenhook.core.rule.RuleNote;
import dev.tokenhook.core.rule.RuleOutcome;
import dev.tokenhook.core.rule.RuleStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Records every hook call as meters with low-cardinality tags only (rule names come from code, never
 * from requests; no claim, user or client appears):
 *
 * <ul>
 *   <li>{@code tokenhook.requests} (timer): {@code outcome} (patched, no-change, denied, unauthenticated,
 *       rejected, engine-failure), {@code status}, {@code grant_type} (known grants, else {@code other});</li>
 *   <li>{@code tokenhook.rule.failures} (counter): {@code rule}, {@code exception} (simple class name);</li>
 *   <li>{@code tokenhook.rule.timeouts} (counter): {@code rule}, {@code status} (timed-out, skipped);</li>
 *   <li>{@code tokenhook.rule.violations} (counter): {@code rule}, {@code kind} (e.g. RESERVED_CLAIM);</li>
 *   <li>{@code tokenhook.denials} (counter): {@code source} ({@code rule} or {@code failure-policy});</li>
 *   <li>{@code tokenhook.lookups} (counter): one per lookup a rule noted ({@link RuleNote}, e.g. from a
 *       {@code ClaimLookup}): {@code lookup} (its name), {@code outcome} (hit, miss, refreshed, stale-served,
 *       source-failed, timed-out, circuit-open, busy), {@code answer} (found, not-found, stale, unknown).</li>
 * </ul>
 *
 * <p>A claim lookup's own cache and circuit statistics come from {@link ClaimLookupMetrics}.
 */
public final class TokenHookMetrics implements HookListener {

    /** Grant types reported as themselves; anything else is {@code other}. */
    private static final Set<String> KNOWN_GRANTS = Set.of("authorization_code", "implicit", "client_credentials",
            "refresh_token", "password", "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:token-exchange", "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "urn:ietf:params:oauth:grant-type:saml2-bearer", "urn:openid:params:grant-type:ciba", "interaction_code");

    private final MeterRegistry registry;

    /**
     * @param registry where the meters go
     */
    public TokenHookMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onEvent(HookEvent event) {
        Timer.builder("tokenhook.requests")
                .description("Token hook calls by outcome")
                .tag("outcome", event.outcome().tag())
                .tag("status", Integer.toString(event.status()))
                .tag("grant_type", event.grantType().map(g -> KNOWN_GRANTS.contains(g) ? g : "other").orElse("none"))
                .register(registry)
                .record(event.duration());
        boolean ruleDenied = false;
        for (RuleOutcome rule : event.rules()) {
            ruleDenied |= rule.status() == RuleStatus.DENIED;
            switch (rule.status()) {
                case FAILED -> counter("tokenhook.rule.failures", "Rules that threw", "rule", rule.rule(),
                        "exception", rule.error().map(e -> e.getClass().getSimpleName()).orElse("unknown"));
                case TIMED_OUT, SKIPPED -> counter("tokenhook.rule.timeouts", "Rules cut off by the time budget",
                        "rule", rule.rule(), "status", rule.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                case REJECTED -> rule.violations().stream().map(PatchViolation::kind).distinct().forEach(kind ->
                        counter("tokenhook.rule.violations", "Rule operations Okta would reject", "rule", rule.rule(),
                                "kind", kind.name()));
                default -> {
                }
            }
        }
        for (RuleOutcome rule : event.rules()) {
            for (RuleNote note : rule.notes()) {
                counter("tokenhook.lookups", "Claim lookups by outcome and answer", "lookup", note.source(),
                        "outcome", note.outcome(), "answer", note.answer().tag());
            }
        }
        if (event.outcome() == HookOutcome.DENIED) {
            counter("tokenhook.denials", "Tokens the hook denied", "source", ruleDenied ? "rule" : "failure-policy");
        }
    }

    private void counter(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }
}
