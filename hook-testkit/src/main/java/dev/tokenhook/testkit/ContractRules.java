package dev.tokenhook.testkit;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.rule.ClaimRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The rules the adapter contract registers: one per behaviour the wire contract must show. */
final class ContractRules {

    static final String BLOCKED_USER = "blocked@example.com";
    static final String BROKEN_USER = "broken@example.com";
    static final String SLOW_USER = "slow@example.com";
    /** The patient lookup stalls for this user and ignores interrupts, like a JDBC driver waiting on a lock. */
    static final String STALLED_USER = "stalled@example.com";
    static final Duration STALL = Duration.ofSeconds(2);
    static final String DENIAL = "This account may not use this application";

    private static final Map<String, String> PATIENTS = Map.of(
            "isaac.brock@example.com", "1234",
            "jane.roe@example.com", "5678");

    /** The thread each call's patient lookup ran on, by eventId. */
    private static final Map<String, String> PATIENT_RULE_THREADS = new ConcurrentHashMap<>();

    private ContractRules() {
    }

    /** @return the name of the thread the patient rule ran on for that call, if it ran */
    static String patientRuleThread(String eventId) {
        return PATIENT_RULE_THREADS.get(eventId);
    }

    static List<ClaimRule> all() {
        return List.of(
                ClaimRule.named("patient-id", (request, patch) -> {
                    if (request.eventId() != null) {
                        PATIENT_RULE_THREADS.put(request.eventId(), Thread.currentThread().getName());
                    }
                    if (request.userLogin().filter(STALLED_USER::equals).isPresent()) {
                        stallIgnoringInterrupts();
                        patch.idToken().add("too-late", true);
                    }
                    if (request.user().isPresent() && request.mints(TokenType.ID_TOKEN)) {
                        request.userLogin().map(PATIENTS::get).ifPresent(id -> patch.idToken().add("extPatientId", id));
                    }
                }),
                ClaimRule.named("contract-event", (request, patch) -> {
                    if (request.mints(TokenType.ACCESS_TOKEN) && request.eventId() != null) {
                        patch.accessToken().add("contract_event", request.eventId());
                    }
                }),
                ClaimRule.named("gate", (request, patch) -> {
                    if (request.userLogin().filter(BLOCKED_USER::equals).isPresent()) {
                        patch.deny(DENIAL);
                    }
                }),
                ClaimRule.named("broken", (request, patch) -> {
                    if (request.userLogin().filter(BROKEN_USER::equals).isPresent()) {
                        patch.idToken().add("half-written", true);
                        throw new IllegalStateException("the contract's broken rule");
                    }
                }),
                ClaimRule.named("slow", (request, patch) -> {
                    if (request.userLogin().filter(SLOW_USER::equals).isPresent()) {
                        Thread.sleep(10_000);
                        patch.idToken().add("too-late", true);
                    }
                }));
    }

    private static void stallIgnoringInterrupts() {
        long end = System.nanoTime() + STALL.toNanos();
        for (long left = STALL.toNanos(); left > 0; left = end - System.nanoTime()) {
            try {
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException ignored) {
                // like a driver that does not answer interrupts
            }
        }
    }
}
