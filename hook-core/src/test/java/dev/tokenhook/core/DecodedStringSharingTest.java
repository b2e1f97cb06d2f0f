package dev.tokenhook.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The decoder shares the string values that recur in every request (one instance for the process, found
 * by a hash of the text's length and four characters): the values are exactly what the JSON says.
 */
class DecodedStringSharingTest {

    /** Known values, near-misses, escapes, non-ASCII, lengths around the sharing bounds (8 and 64). */
    private static final List<String> POOL = List.of("GRANT", "GRANT ", "grant", "GRAXT", "PASSWORD", "PASSWXRD", "code", "cod",
            "com.okta.oauth2.tokens.transform", "com.okta.oauth2.tokens.transforn", "en_US", "en-US", "1234567",
            "12345678", "x".repeat(64), "x".repeat(65), "y".repeat(63), "jessie@example.com", "jessie@example.con",
            "Zoë Müller", "日本語のテキスト値です", "tab\there", "quote\"inside", "back\\slash", "", "Aa", "BB",
            "AaAaAaAa", "BBBBBBBB", "AaAaBBBB", "\u0000\u0001control", "emoji \uD83D\uDE00 value");

    @Provide
    Arbitrary<Map<String, Object>> claims() {
        Arbitrary<Object> text = Arbitraries.of(POOL).map(s -> (Object) s);
        Arbitrary<Object> list = Arbitraries.of(POOL).list().ofMaxSize(6).map(l -> (Object) l);
        Arbitrary<Object> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, text), net.jqwik.api.Tuple.of(1, list),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)), net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false)));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), value)
                .ofMaxSize(40).map(LinkedHashMap::new);
    }

    @Property(tries = 300)
    void valuesAreWhatTheJsonSays(@ForAll("claims") Map<String, Object> claims, @ForAll boolean escapeAll) {
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
    void knownValuesAreSharedAndOtherValuesNot() {
        String json = """
                {"eventType": "com.okta.oauth2.tokens.transform",
                 "data": {"context": {"session": {"login": "jessie@example.com", "status": "ACTIVE"},
                                      "user": {"profile": {"login": "jessie@example.com"}}},
                          "identity": {"claims": {"preferred_username": "jessie@example.com"}}}}""";

        TokenHookRequest first = SampleRequests.decode(json);
        TokenHookRequest second = SampleRequests.decode(json);

        assertThat(first.eventType()).isSameAs(TokenHookRequest.EVENT_TYPE).isSameAs(second.eventType());
        assertThat(first.context().session().orElseThrow().status())
                .isSameAs(second.context().session().orElseThrow().status());
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
