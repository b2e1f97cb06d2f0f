package dev.tokenhook.benchmarks;

import dev.tokenhook.testkit.Fixtures;
import dev.tokenhook.testkit.TokenHookRequests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three request bodies benchmarked; each is a sign-in of the patient, so the rule adds a claim. */
public enum RequestSize {

    /** A minimal authorization-code request from the testkit's builder: compact JSON, no extra claims. */
    SMALL {
        @Override
        byte[] body() {
            return TokenHookRequests.authorizationCode().user(InMemoryPatients.PATIENT_LOGIN).eventId("evt-small")
                    .build().json();
        }
    },

    /** The testkit's authorization-code fixture as it is (pretty-printed, like the load test's body). */
    TYPICAL {
        @Override
        byte[] body() {
            return Fixtures.bytes("request-authorization-code");
        }
    },

    /** 100 groups in both tokens and large object claims (nested objects and arrays) in both tokens. */
    LARGE {
        @Override
        byte[] body() {
            String[] groups = new String[100];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = "app-" + (i % 7 == 0 ? "admins-" : "users-") + "region-" + i;
            }
            return TokenHookRequests.authorizationCode().user(InMemoryPatients.PATIENT_LOGIN).eventId("evt-large")
                    .groups(groups)
                    .idTokenClaim("employee_profile", profile(40))
                    .idTokenClaim("entitlements", entitlements(60))
                    .accessTokenClaim("employee_profile", profile(40))
                    .accessTokenClaim("entitlements", entitlements(60))
                    .build().json();
        }
    };

    abstract byte[] body();

    private static Map<String, Object> profile(int members) {
        Map<String, Object> profile = new LinkedHashMap<>();
        for (int i = 0; i < members; i++) {
            switch (i % 4) {
                case 0 -> profile.put("attribute" + i, "value of attribute " + i + " for this employee");
                case 1 -> profile.put("attribute" + i, 1_000_000L + i);
                case 2 -> profile.put("attribute" + i, i % 3 == 0);
                default -> profile.put("attribute" + i, Map.of("code", "C" + i, "label", "Cost centre " + i,
                        "levels", List.of(1, 2, 3)));
            }
        }
        return profile;
    }

    private static List<Object> entitlements(int count) {
        List<Object> entitlements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entitlements.add(Map.of("resource", "urn:example:resource:" + i, "actions", List.of("read", "write"),
                    "expires", 1_900_000_000L + i));
        }
        return entitlements;
    }
}
