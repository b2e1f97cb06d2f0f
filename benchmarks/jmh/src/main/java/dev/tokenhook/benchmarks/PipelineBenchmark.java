package dev.tokenhook.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.auth.HookHeaders;
import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.patch.EncoderAccess;
import dev.tokenhook.core.patch.PatchValidator;
import dev.tokenhook.core.patch.PatchViolation;
import dev.tokenhook.core.patch.ResponseAssembler;
import dev.tokenhook.core.patch.TokenHookResponse;
import dev.tokenhook.core.patch.TokenPatch;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.TokenHook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One hook call, whole and in parts, against the least a hand-written Jackson hook does with the same
 * bytes.
 *
 * <ul>
 *   <li>{@code jacksonFloor}: {@code ObjectMapper.readTree} of the request plus {@code writeValueAsBytes}
 *       of the same answer the pipeline sends (a tree built once): the floor of any JSON hook.</li>
 *   <li>{@code jacksonHook}: the floor plus what a naive hook adds: read the login from the tree, look it
 *       up, build the answer tree. No validation, no limits, no authentication.</li>
 *   <li>{@code endpoint}: the real call as the adapters make it, {@code TokenHookEndpoint.handle(request,
 *       respond)}: shared-secret authentication, content type and size checks, bounded body read, decode,
 *       the engine (the rule on the calling thread, watched by the watchdog; merge, validation, size
 *       check), encode, the per-call event (the log line is at DEBUG, off; see {@link LoggingBenchmark}).</li>
 *   <li>{@code endpointWaiting}: the same through the returning form, {@code handle(request)}: the rule is
 *       handed to a rule thread while the caller waits.</li>
 *   <li>{@code decode} (from an array), {@code decodeStream} (from the body stream, as the endpoint does),
 *       {@code process}/{@code processWaiting}, {@code encode}: the parts; {@code rulesInline}
 *       is the engine's own work (fresh patch, rule, validation, answer) without any engine.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class PipelineBenchmark {

    /** The shared secret Okta would send in {@code Authorization}. */
    static final String SECRET = "Basic b2t0YTpiZW5jaG1hcmstc2VjcmV0";

    @Param({"SMALL", "TYPICAL", "LARGE"})
    RequestSize size;

    byte[] body;
    HookHeaders headers;
    InMemoryPatients patients;
    ClaimRule rule;
    TokenHook hook;
    TokenHookEndpoint endpoint;
    TokenHookRequest request;
    HookHttpResponse answered;
    HookResult processed;
    final Consumer<HookHttpResponse> respond = response -> answered = response;
    final BiConsumer<HookResult, Throwable> whenDone = (result, error) -> processed = result;
    TokenHookResponse answerToEncode;
    PatchValidator validator;
    ObjectMapper mapper;
    JsonNode responseTree;

    /** Builds the endpoint and checks it answers with the patient's claim. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Logging.quiet();
        body = size.body();
        // An adapter passes its container's header lookup; this one is built once, as a container's is.
        headers = HookHeaders.of(Map.of("Content-Type", List.of("application/json"), "Authorization", List.of(SECRET),
                "Content-Length", List.of(Integer.toString(body.length))));
        patients = new InMemoryPatients(10_000);
        rule = patients.rule();
        hook = TokenHook.builder().rule(rule).build();
        endpoint = TokenHookEndpoint.builder(hook).authenticator(SharedSecretAuthenticator.authorizationHeader(SECRET))
                .build();
        request = TokenHookRequest.fromJson(body);
        validator = PatchValidator.withDefaults();
        HookHttpResponse answer = endpoint();
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        if (answer.status() != 200 || !text.contains("\"path\":\"/claims/extPatientId\",\"value\":\"1234\"")) {
            throw new IllegalStateException("The endpoint did not add the patient's claim: " + answer.status() + " "
                    + text);
        }
        if (!java.util.Arrays.equals(endpointWaiting().body(), answer.body())) {
            throw new IllegalStateException("The returning form answers differently");
        }
        answerToEncode = hook.process(request).response();
        mapper = new ObjectMapper();
        responseTree = mapper.readTree(answer.body());
        if (!mapper.readTree(jacksonHook()).equals(responseTree)) {
            throw new IllegalStateException("The Jackson hook answers differently: " + new String(jacksonHook(),
                    StandardCharsets.UTF_8));
        }
        System.out.printf("%n[setup] %s request: %d bytes; answer: %d bytes%n", size, body.length, answer.body().length);
    }

    /** Stops the rule executor. */
    @TearDown(Level.Trial)
    public void tearDown() {
        endpoint.close();
    }

    /**
     * @param blackhole sinks the parsed tree
     * @return the answer's bytes
     * @throws IOException never, on these bytes
     */
    @Benchmark
    public byte[] jacksonFloor(Blackhole blackhole) throws IOException {
        blackhole.consume(mapper.readTree(body));
        return mapper.writeValueAsBytes(responseTree);
    }

    /**
     * @return the answer's bytes
     * @throws IOException never, on these bytes
     */
    @Benchmark
    public byte[] jacksonHook() throws IOException {
        JsonNode tree = mapper.readTree(body);
        String login = tree.path("data").path("context").path("user").path("profile").path("login").asText("");
        Optional<String> id = patients.patientIdFor(login);
        ObjectNode answer = mapper.createObjectNode();
        if (id.isPresent()) {
            ArrayNode commands = answer.putArray("commands");
            ObjectNode command = commands.addObject();
            command.put("type", "com.okta.identity.patch");
            command.putArray("value").addObject().put("op", "add").put("path", "/claims/extPatientId")
                    .put("value", id.get());
        }
        return mapper.writeValueAsBytes(answer);
    }

    /** @return the whole call, as the adapters make it: answered on this thread, no hand-off */
    @Benchmark
    public HookHttpResponse endpoint() {
        answered = null;
        endpoint.handle(new HookHttpRequest("POST", headers, new ByteArrayInputStream(body)), respond);
        if (answered == null) {
            throw new IllegalStateException("Not answered on the calling thread");
        }
        return answered;
    }

    /** @return the whole call through the returning form: the rule on a rule thread, this thread waiting */
    @Benchmark
    public HookHttpResponse endpointWaiting() {
        return endpoint.handle(new HookHttpRequest("POST", headers, new ByteArrayInputStream(body)));
    }

    /** @return the engine's result, the rule run on this thread under the watchdog */
    @Benchmark
    public HookResult process() {
        processed = null;
        hook.process(request, System.nanoTime() + hook.timeBudget().toNanos(), whenDone);
        return processed;
    }

    /** @return the decoded request */
    @Benchmark
    public TokenHookRequest decode() {
        return TokenHookRequest.fromJson(body);
    }

    /**
     * @return the request decoded straight from the body stream within the size limit, as the endpoint
     *     does (the stream, a {@code ByteArrayInputStream}, is counted: 32 bytes)
     * @throws Exception never: the body decodes
     */
    @Benchmark
    public TokenHookRequest decodeStream() throws Exception {
        return TokenHookRequest.fromJson(new ByteArrayInputStream(body), TokenHookConfig.DEFAULT_MAX_BODY_SIZE);
    }

    /** @return the engine's result: the rule on a rule thread, merge, validation, size check */
    @Benchmark
    public HookResult processWaiting() {
        return hook.process(request);
    }

    /** @return the engine's work on the calling thread: patch, rule, validation, answer */
    @Benchmark
    public TokenHookResponse rulesInline() throws Exception {
        TokenPatch patch = new TokenPatch();
        rule.apply(request, patch);
        ResponseAssembler answer = new ResponseAssembler(validator, request);
        List<PatchViolation> violations = answer.offer(patch);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(violations.toString());
        }
        return answer.build();
    }

    /** @return the answer's bytes, encoded afresh (a response caches its own encoding) */
    @Benchmark
    public byte[] encode() {
        return EncoderAccess.encode(answerToEncode);
    }
}
