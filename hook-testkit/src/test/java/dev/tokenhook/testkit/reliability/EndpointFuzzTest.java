package dev.tokenhook.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenhook.core.RequestDecodingException;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.patch.ClaimPath;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.TokenHook;
import dev.tokenhook.testkit.EmulatedOutcome;
import dev.tokenhook.testkit.Fixtures;
import dev.tokenhook.testkit.OktaEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random and mutated requests derived from every fixture, through the real endpoint with rules that
 * try everything: the answer is always 200 or a 4xx with a JSON reason, never a 5xx or an escaping
 * exception, and every 200 answer is one Okta applies rather than discards. Seeded: each case's seed is in
 * its name; {@code -Dtokenhook.seed=N} replays seed N alone. {@link #handle(byte[])} is a coverage-guided
 * Jazzer fuzz test of the same endpoint: every {@code ./mvnw verify} replays its corpus
 * ({@code src/test/resources/dev/tokenhook/testkit/reliability/EndpointFuzzTestInputs/handle}); to fuzz for new
 * inputs for at most its {@code maxDuration}: {@code JAZZER_FUZZ=1 ./mvnw -B -pl hook-testkit -am test
 * -Dtest=EndpointFuzzTest#handle -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EndpointFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OktaEmulator OKTA = new OktaEmulator();

    /** Rules that write whatever the request suggests, valid or not; the library must keep the answer valid. */
    private static final List<ClaimRule> GREEDY_RULES = List.of(
            ClaimRule.named("patient", (request, patch) ->
                    request.userLogin().ifPresent(login -> patch.idToken().add("extPatientId", "1234"))),
            ClaimRule.named("touch-every-claim", (request, patch) -> {
                for (TokenType type : TokenType.values()) {
                    request.token(type).ifPresent(token -> token.claims().forEach((name, value) -> {
                        if (!name.isEmpty()) {
                            patch.token(type).replace(name, "x");
                        }
                    }));
                }
            }),
            ClaimRule.named("nested", (request, patch) -> {
                patch.idToken().add(ClaimPath.claim("employee_profile").member("dept"), "7");
                patch.idToken().remove(ClaimPath.claim("preferred_airports").index(1));
                patch.accessToken().append("groups", "Admins");
            }),
            ClaimRule.named("lifetime", (request, patch) -> patch.accessToken()
                    .lifetime(java.time.Duration.ofMinutes(10))));

    private static final TokenHookEndpoint ENDPOINT = TokenHookEndpoint.builder(
            TokenHook.builder().rules(GREEDY_RULES).build()).allowUnauthenticated().maxBodySize(64 * 1024).build();

    @AfterAll
    static void close() {
        ENDPOINT.close();
    }

    private static HookHttpResponse post(byte[] body) {
        return ENDPOINT.handle(HookHttpRequest.of("POST", Map.of("Content-Type", List.of("application/json")), body));
    }

    private static void assertWellFormed(byte[] body, HookHttpResponse response) throws IOException {
        assertThat(response.status()).isIn(200, 400, 413, 415); // 415: a NUL among the first two bytes reads as UTF-16/32
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.isObject()).isTrue();
        assertThat(response.headers()).containsEntry("Cache-Control", "no-store");
        if (response.status() != 200) {
            assertThat(json.path("reason").isTextual()).isTrue();
            return;
        }
        TokenHookRequest request = TokenHookRequest.fromJson(body);
        EmulatedOutcome outcome = OKTA.apply(request, response.status(), response.body());
        assertThat(outcome.result()).as(outcome.reason())
                .isIn(EmulatedOutcome.Result.PATCHED, EmulatedOutcome.Result.UNCHANGED);
    }

    /**
     * @param count how many seeds
     * @return fixed seeds (the same cases every run), or the one given with {@code -Dtokenhook.seed}
     */
    static LongStream seeds(int count) {
        Long replay = Long.getLong("tokenhook.seed");
        return replay != null ? LongStream.of(replay) : LongStream.range(0, count).map(i -> 0x5EED_0000L + i * 7919);
    }

    static LongStream mutationSeeds() {
        return seeds(40);
    }

    static LongStream byteSeeds() {
        return seeds(20);
    }

    /** Any bytes through the endpoint: always a well-formed answer, and every 200 one Okta applies. */
    @FuzzTest(maxDuration = "60s")
    void handle(byte[] body) throws IOException {
        assertWellFormed(body, post(body));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("mutationSeeds")
    void mutatedFixturesAlwaysGetAWellFormedAnswer(long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            byte[] body = mutatedRequest(random);
            assertWellFormed(body, post(body));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("byteSeeds")
    void randomBytesAreRefusedCleanly(long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            byte[] body = new byte[random.nextInt(random.nextBoolean() ? 20 : 300)];
            random.nextBytes(body);
            HookHttpResponse response = post(body);
            assertThat(response.status()).isIn(200, 400, 415); // 415: a NUL among the first two bytes reads as UTF-16/32
            assertThat(JSON.readTree(response.body()).isObject()).isTrue();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("byteSeeds")
    void decodingNeverThrowsAnythingElse(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            try {
                TokenHookRequest.fromJson(mutatedRequest(random));
            } catch (RequestDecodingException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    /** A fixture with one of nine changes. */
    static byte[] mutatedRequest(Random random) {
        List<String> fixtures = Fixtures.requestNames();
        return mutate(fixtures.get(random.nextInt(fixtures.size())), random.nextInt(9), random.nextLong());
    }

    private static byte[] mutate(String fixture, int mutation, long seed) {
        java.util.Random random = new java.util.Random(seed);
        byte[] original = Fixtures.bytes(fixture);
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(original);
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> fields = new ArrayList<>();
            target.fieldNames().forEachRemaining(fields::add);
            String field = fields.isEmpty() ? "x" : fields.get(random.nextInt(fields.size()));
            switch (mutation) {
                case 0 -> target.remove(field);
                case 1 -> target.put(field, random.nextInt());
                case 2 -> target.putArray(field).add("wrong");
                case 3 -> target.put(field, "s".repeat(random.nextInt(70_000)));
                case 4 -> target.set(field, deep(random.nextInt(120)));
                case 5 -> target.put(field, new java.math.BigDecimal("1e" + (300 + random.nextInt(10_000))));
                case 6 -> {
                    return duplicateKey(JSON.writeValueAsString(root));
                }
                case 7 -> {
                    byte[] bytes = JSON.writeValueAsBytes(root);
                    bytes[random.nextInt(bytes.length)] = (byte) (0x80 | random.nextInt(0x40));
                    return bytes;
                }
                default -> target.putNull(field);
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collect(children.next(), objects);
        }
    }

    private static JsonNode deep(int depth) {
        ArrayNode root = JSON.createArrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    private static byte[] duplicateKey(String json) {
        return json.replaceFirst("\\{\"", "{\"eventId\":\"dup\",\"").replaceFirst("\"eventId\"", "\"eventId\"")
                .getBytes(StandardCharsets.UTF_8);
    }
}
