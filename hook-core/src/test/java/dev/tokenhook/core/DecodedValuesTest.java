package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Decoded string values are exactly what the JSON says, however it spells them, and safe to share between threads. */
class DecodedValuesTest {

    /** Known values, near-misses, escapes, non-ASCII, lengths around the sharing bounds (8 and 64). */
    private static final List<String> POOL = List.of("GRANT", "GRANT ", "grant", "GRAXT", "PASSWORD", "PASSWXRD", "code", "cod",
            "com.okta.oauth2.tokens.transform", "com.okta.oauth2.tokens.transforn", "en_US", "en-US", "1234567",
            "12345678", "x".repeat(64), "x".repeat(65), "y".repeat(63), "jessie@example.com", "jessie@example.con",
            "Zoë Müller", "日本語のテキスト値です", "tab\there", "quote\"inside", "back\\slash", "", "Aa", "BB",
            "AaAaAaAa", "BBBBBBBB", "AaAaBBBB", "\u0000\u0001control", "emoji \uD83D\uDE00 value");

    /** Up to 40 claims with short alphabetic names: mostly strings from the pool, some lists, nulls, booleans. */
    private static Map<String, Object> claims(Random random) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (int i = random.nextInt(41); i > 0; i--) {
            StringBuilder name = new StringBuilder();
            for (int c = 1 + random.nextInt(6); c > 0; c--) {
                name.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
            }
            int kind = random.nextInt(9);
            Object value;
            if (kind < 6) {
                value = POOL.get(random.nextInt(POOL.size()));
            } else if (kind == 6) {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(7); n > 0; n--) {
                    list.add(POOL.get(random.nextInt(POOL.size())));
                }
                value = list;
            } else {
                value = kind == 7 ? null : (Object) random.nextBoolean();
            }
            claims.put(name.toString(), value);
        }
        return claims;
    }

    @Seeded(300)
    void valuesAreWhatTheJsonSays(long seed) {
        Random random = new Random(seed);
        Map<String, Object> claims = claims(random);
        boolean escapeAll = random.nextBoolean();
        String json = Json.write(Map.of("data", Map.of("identity", Map.of("claims", claims),
                "access", Map.of("claims", claims))));
        if (escapeAll) {
            json = escapeNonAscii(json);
        }

        TokenHookRequest request = TokenHookRequest.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertThat(request.identity().orElseThrow().claims()).isEqualTo(claims);
        assertThat(request.access().orElseThrow().claims()).isEqualTo(claims);
        assertThat(new ArrayList<>(request.identity().orElseThrow().claims().keySet()))
                .isEqualTo(new ArrayList<>(claims.keySet()));
    }

    @Test
    void manyRepeatedValuesAreRight() {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            claims.put("c" + i, "value-number-" + i);
        }
        byte[] json = Json.bytes(Map.of("data", Map.of("identity", Map.of("claims", claims),
                "access", Map.of("claims", claims))));

        TokenHookRequest request = TokenHookRequest.fromJson(json);

        assertThat(request.identity().orElseThrow().claims()).isEqualTo(claims);
        assertThat(request.access().orElseThrow().claims()).isEqualTo(claims);
    }

    @Test
    void valuesThatHashAlikeAreStillToldApart() {
        // same length and same characters where the known-value hash samples them (first, last, middle, quarter)
        Map<String, Object> claims = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String middle = String.format("%03d", i);
            String value = "a" + middle + "b" + middle + "c" + middle + "d" + middle + "e"; // 17 characters
            claims.put("c" + i, value);
            claims.put("d" + i, new String(value.toCharArray()));
        }
        byte[] json = Json.bytes(Map.of("data", Map.of("access", Map.of("claims", claims))));

        assertThat(TokenHookRequest.fromJson(json).access().orElseThrow().claims()).isEqualTo(claims);
    }

    @Test
    void theEventTypeIsTheSharedConstantAndOtherValuesAreNotShared() {
        String json = """
                {"eventType": "com.okta.oauth2.tokens.transform",
                 "data": {"context": {"session": {"login": "jessie@example.com", "status": "ACTIVE"},
                                      "user": {"profile": {"login": "jessie@example.com"}}},
                          "identity": {"claims": {"preferred_username": "jessie@example.com"}}}}""";

        TokenHookRequest first = SampleRequests.decode(json);
        TokenHookRequest second = SampleRequests.decode(json);

        assertThat(first.eventType()).isSameAs(TokenHookRequest.EVENT_TYPE).isSameAs(second.eventType());
        String login = first.context().session().orElseThrow().login();
        assertThat(second.context().session().orElseThrow().login()).isEqualTo(login).isNotSameAs(login);
    }

    @Test
    void aDecodedRequestReadsTheSameFromManyThreads() throws Exception {
        TokenHookRequest request = TokenHookRequest.fromJson(SampleRequests.fullBytes());
        TokenHookRequest reference = TokenHookRequest.fromJson(SampleRequests.fullBytes());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reads.add(pool.submit(() -> request.equals(reference)
                        && request.identity().orElseThrow().claims().equals(reference.identity().orElseThrow().claims())
                        && request.groups().equals(reference.groups())));
            }
            for (Future<Boolean> read : reads) {
                assertThat(read.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String escapeNonAscii(String json) {
        // escapes every letter inside strings too: the decoder must compare text, not bytes
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\' || json.charAt(i - 2) == '\\')) {
                inString = !inString;
                out.append(c);
            } else if (inString && (c > 0x7e || Character.isLetter(c)) && json.charAt(i - 1) != '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
