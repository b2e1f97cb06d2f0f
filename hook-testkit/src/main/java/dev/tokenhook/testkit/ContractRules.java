package dev.tokenhook.testkit;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.rule.ClaimRule;
import java.util.List;
import java.util.Map;

/** The rules the adapter contract registers: one per behaviour the wire contract must show. */
final class ContractRules {

    static final String BLOCKED_USER = "blocked@example.com";
    static final String BROKEN_USER = "broken@example.com";
    static final String SLOW_USER = "slow@example.com";
    static final String DENIAL = "This account may not use this application";

    private static final Map<String, String> PATIENTS = Map.of(
            "isaac.brock@example.com", "1234",
            "jane.roe@example.com", "5678");

    private ContractRules() {
    }

    static List<ClaimRule> all() {
        return List.of(
                ClaimRule.named("patient-id", (request, patch) -> {
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
}
