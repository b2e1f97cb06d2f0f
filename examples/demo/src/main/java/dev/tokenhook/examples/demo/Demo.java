package dev.tokenhook.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.examples.jetty.JettyHookApp;
import dev.tokenhook.examples.patient.PatientSchema;
import dev.tokenhook.testkit.EmulatedOutcome;
import dev.tokenhook.testkit.EmulatedToken;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaEmulator;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TokenHookRequests;
import dev.tokenhook.testkit.TokenMinter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's main path: starts the hook, plays the {@linkplain Scenario scenarios} against it as Okta,
 * prints what happens and returns the exit code. Output is plain ASCII, at most about 95 columns.
 */
final class Demo {

    /** Exit code: every scenario went as expected. */
    static final int OK = 0;
    /** Exit code: a scenario went otherwise. */
    static final int SCENARIO_FAILED = 1;
    /** Exit code: a wrong command line, or the hook did not start. */
    static final int USAGE_OR_START_ERROR = 2;

    /** Marks a claim that the hook added or changed. */
    static final String ADDED = "<== added by the hook";
    static final String CHANGED = "<== changed by the hook";

    private static final int WIDTH = 88;
    private static final String LABEL = "%-15s";
    private static final String INDENT = " ".repeat(15);
    private static final int SHOWN_JWT_CHARS = 40;
    /** Set by Okta (here: the minter) when it mints, not by the hook. */
    private static final Set<String> MINTING_CLAIMS = Set.of("iat", "exp");

    private final PrintStream out;
    private final OktaHookCaller caller;
    private final OktaEmulator okta = new OktaEmulator();
    private final TokenMinter minter = new TokenMinter();
    private final JWKSet keys;

    private Demo(PrintStream out, OktaHookCaller caller) {
        this.out = out;
        this.caller = caller;
        try {
            this.keys = JWKSet.parse(minter.jwks());
        } catch (ParseException e) {
            throw new IllegalStateException("The minter's JWKS does not parse", e);
        }
    }

    /**
     * Runs the demo.
     *
     * @param out where everything is printed
     * @param options the command line
     * @return {@link #OK}, {@link #SCENARIO_FAILED} or {@link #USAGE_OR_START_ERROR}
     */
    static int run(PrintStream out, DemoOptions options) {
        String secret = options.secret() == null ? randomSecret() : options.secret();
        JettyHookApp app;
        try {
            app = JettyHookApp.start(options.port(), secret);
        } catch (Exception e) {
            out.println("demo: the hook service did not start on port " + options.port() + ": " + e.getMessage());
            if (options.port() != 0) {
                out.println("demo: is the port in use? Choose another with --port N, or leave --port out for a free one.");
            }
            return USAGE_OR_START_ERROR;
        }
        try {
            Demo demo = new Demo(out, new OktaHookCaller(app.hookUri(), "Authorization", secret));
            int code = demo.play(secret, options.secret() == null);
            if (options.keepRunning()) {
                printHowToCallIt(out, app.port(), app.hookUri(), secret, sampleRequest());
                out.flush();
                app.join();
            } else {
                out.println();
                out.println("Run it with --keep-running to keep the hook service up and call it yourself:");
                out.println("curl, Okta's Preview tab or a tunnel.");
            }
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SCENARIO_FAILED;
        } finally {
            out.flush();
            app.close();
        }
    }

    private int play(String secret, boolean random) {
        out.println("tokenhook demo: the Okta token inline hook of the patient scenario, end to end, offline");
        out.println("=".repeat(WIDTH));
        out.println("The example hook service (examples/servlet-jetty: embedded Jetty, H2 patient store) is");
        out.println("running. This program plays Okta: it builds the request Okta sends, POSTs it over HTTP,");
        out.println("applies the answer as Okta does and signs the resulting tokens as JWTs.");
        out.println();
        label("Hook URL", caller.hookUri().toString());
        label("Secret", "Authorization: " + secret);
        label("", (random ? "(random for this run: " : "(") + "Okta sends this header in every call, the hook");
        label("", " answers 401 without it)");
        String patients = "Patients";
        for (Map.Entry<String, String> patient : PatientSchema.SEED_PATIENTS.entrySet()) {
            label(patients, patient.getKey() + " -> " + patient.getValue());
            patients = "";
        }
        label("Tokens", "signed RS256 with a key made for this run (not Okta's)");

        List<Scenario> scenarios = Scenario.all();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String number = (i + 1) + "/" + scenarios.size();
            for (String problem : play(number, scenarios.get(i))) {
                failures.add(number + " " + scenarios.get(i).title() + ": " + problem);
            }
        }

        out.println();
        out.println("=".repeat(WIDTH));
        if (failures.isEmpty()) {
            out.println("All " + scenarios.size() + " scenarios behaved as expected: extPatientId \"" + Scenario.PATIENT_ID
                    + "\" is in the patient's");
            out.println("ID token only.");
            return OK;
        }
        out.println("FAILED: not as expected:");
        failures.forEach(failure -> out.println("  - " + failure));
        return SCENARIO_FAILED;
    }

    /** Plays one scenario; returns its problems. */
    private List<String> play(String number, Scenario scenario) {
        out.println();
        String title = "== " + number + "  " + scenario.title() + " ";
        out.println(title + "=".repeat(Math.max(2, WIDTH - title.length())));
        scenario.story().forEach(out::println);
        out.println();

        TokenHookRequest request = scenario.request().request();
        label("Okta -> hook", "POST " + caller.hookUri().getPath() + "   (event " + request.eventId() + ", "
                + scenario.request().json().length + " bytes of JSON)");
        label("", "grant " + request.grantType().orElse("-") + ", "
                + request.userLogin().map(login -> "user " + login).orElse("no user"));
        label("", "minting " + minting(request));

        HookCall call = caller.call(scenario.request().json());
        EmulatedOutcome outcome = okta.apply(request, call);

        label("hook -> Okta", call.timedOut() ? "no answer within 3 s"
                : "HTTP " + call.status() + " in " + call.elapsed().toMillis() + " ms");
        JsonNode answer = JsonText.parseOrNull(call.body());
        if (answer != null) {
            JsonText.pretty(answer).forEach(line -> out.println(INDENT + line));
        } else if (call.body().length > 0) {
            out.println(INDENT + "(not JSON, " + call.body().length + " bytes)");
        }
        boolean usual = outcome.result() == EmulatedOutcome.Result.PATCHED
                || outcome.result() == EmulatedOutcome.Result.UNCHANGED;
        label("Okta", outcome.result() + ": " + meaning(outcome.result()) + (usual ? "" : " (" + outcome.reason() + ")"));

        Map<TokenType, ObjectNode> payloads = new EnumMap<>(TokenType.class);
        List<TokenType> unverified = new ArrayList<>();
        token(TokenType.ID_TOKEN, outcome.idToken(), request, outcome, payloads, unverified);
        token(TokenType.ACCESS_TOKEN, outcome.accessToken(), request, outcome, payloads, unverified);

        List<String> problems = scenario.problems(call.status(), outcome.result(), payloads, unverified);
        out.println();
        if (problems.isEmpty()) {
            label("Check", "OK: " + scenario.expectation());
        } else {
            label("Check", "FAILED: expected " + scenario.expectation());
            problems.forEach(problem -> label("", "- " + problem));
        }
        return problems;
    }

    /** Mints one token, prints it shortened with its decoded header and claims, and keeps its payload. */
    private void token(TokenType type, Optional<EmulatedToken> token, TokenHookRequest request,
            EmulatedOutcome outcome, Map<TokenType, ObjectNode> payloads, List<TokenType> unverified) {
        out.println();
        String name = Character.toUpperCase(name(type).charAt(0)) + name(type).substring(1);
        if (token.isEmpty()) {
            label(name, outcome.tokensIssued() ? "none: Okta is not minting one in this flow"
                    : "none: Okta refuses to mint tokens");
            return;
        }
        String jwt = minter.mint(token.get());
        ObjectNode header = JsonText.jwtPart(jwt, 0);
        ObjectNode payload = inClaimOrder(JsonText.jwtPart(jwt, 1), token.get());
        boolean verified = verifies(jwt);
        if (!verified) {
            unverified.add(type);
        }
        payloads.put(type, payload);
        label(name, jwt.substring(0, Math.min(SHOWN_JWT_CHARS, jwt.length())) + "...");
        label("", header.path("alg").asText() + ", kid " + header.path("kid").asText() + ", " + jwt.length()
                + " chars, signature " + (verified ? "verified" : "DOES NOT VERIFY") + ". Claims:");
        ObjectNode sent = request.token(type).map(t -> JsonText.tree(t.claims())).orElse(null);
        for (String line : JsonText.pretty(payload)) {
            out.println(INDENT + line + marker(line, payload, sent));
        }
    }

    /** The decoded claims in the order Okta computed them, then {@code iat} and {@code exp}: easier to read. */
    private static ObjectNode inClaimOrder(ObjectNode payload, EmulatedToken token) {
        ObjectNode ordered = JsonText.MAPPER.createObjectNode();
        token.claims().keySet().stream().filter(payload::has).forEach(name -> ordered.set(name, payload.get(name)));
        payload.properties().forEach(claim -> {
            if (!ordered.has(claim.getKey())) {
                ordered.set(claim.getKey(), claim.getValue());
            }
        });
        return ordered;
    }

    /** The marker for a line of the pretty claims: on a top-level claim the hook added or changed. */
    private static String marker(String line, ObjectNode payload, ObjectNode sent) {
        if (!line.startsWith("  \"") || line.startsWith("   ")) {
            return "";
        }
        for (Map.Entry<String, JsonNode> claim : payload.properties()) {
            String name = claim.getKey();
            if (MINTING_CLAIMS.contains(name) || !line.startsWith("  " + JsonText.quoted(name) + ":")) {
                continue;
            }
            if (sent == null || !sent.has(name)) {
                return "   " + ADDED;
            }
            return sent.get(name).equals(claim.getValue()) ? "" : "   " + CHANGED;
        }
        return "";
    }

    private boolean verifies(String jwt) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            JWK key = keys.getKeyByKeyId(signed.getHeader().getKeyID());
            return key != null && signed.verify(new RSASSAVerifier(key.toRSAKey()));
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    private void label(String label, String text) {
        out.println((String.format(LABEL, label) + text).stripTrailing());
    }

    /**
     * Prints how to call the running hook: URL, secret, a curl command, Okta's Preview tab and a tunnel.
     *
     * @param out where to print
     * @param port the port the hook listens on
     * @param hookUri the hook's loopback URL
     * @param secret the {@code Authorization} value it accepts
     * @param sampleRequest a file with a sign-in request of the patient
     */
    static void printHowToCallIt(PrintStream out, int port, URI hookUri, String secret, Path sampleRequest) {
        String title = "== The hook keeps running: call it yourself (Ctrl-C stops it) ";
        out.println();
        out.println(title + "=".repeat(Math.max(2, WIDTH - title.length())));
        out.println(String.format(LABEL, "URL") + hookUri + "   (port " + port + " on every interface)");
        out.println(String.format(LABEL, "Header") + "Authorization: " + secret);
        out.println();
        out.println("With curl: the file holds " + Scenario.PATIENT + "'s sign-in as Okta sends it; the");
        out.println("answer adds extPatientId \"" + Scenario.PATIENT_ID + "\" (change context.user.profile.login"
                + " to try another).");
        out.println();
        out.println("  curl -sS " + hookUri + " \\");
        out.println("    -H 'Authorization: " + secret + "' \\");
        out.println("    -H 'Content-Type: application/json' \\");
        out.println("    --data-binary @" + sampleRequest);
        out.println();
        out.println("From Okta, which calls only public HTTPS URLs: open a tunnel to port " + port + ", e.g.");
        out.println();
        out.println("  cloudflared tunnel --url http://localhost:" + port + "      or      ngrok http " + port);
        out.println();
        out.println("then in the Admin Console: Workflow > Inline Hooks > Add Inline Hook > Token, with");
        out.println("  URL                    https://<tunnel host>" + hookUri.getPath());
        out.println("  Authentication field   Authorization");
        out.println("  Authentication secret  " + secret);
        out.println("Its Preview tab: pick a user whose login is one of the patients above, an app, the");
        out.println("authorization server and the Authorization Code grant with scope openid, then Generate");
        out.println("Request and View Response. For real sign-ins, pick the hook in a rule of the");
        out.println("authorization server's access policy (\"Use this inline hook\"). A restart picks a new");
        out.println("port and secret unless you pass --port N --secret VALUE.");
        out.println();
        out.println("Serving; each call is logged on stderr. Ctrl-C stops it.");
    }

    /** @return a file holding the patient's sign-in request, deleted when the demo exits */
    private static Path sampleRequest() {
        try {
            Path file = Files.createTempFile("tokenhook-demo-signin-", ".json");
            file.toFile().deleteOnExit();
            JsonNode request = JsonText.MAPPER.readTree(
                    TokenHookRequests.authorizationCode().user(Scenario.PATIENT).build().json());
            Files.writeString(file, String.join("\n", JsonText.pretty(request)) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sample request", e);
        }
    }

    /**
     * @param type a token type
     * @return its name in prose: {@code ID token} or {@code access token}
     */
    static String name(TokenType type) {
        return type == TokenType.ID_TOKEN ? "ID token" : "access token";
    }

    private static String minting(TokenHookRequest request) {
        List<String> tokens = new ArrayList<>();
        for (TokenType type : TokenType.values()) {
            if (request.mints(type)) {
                tokens.add("an " + name(type));
            }
        }
        return tokens.isEmpty() ? "no token" : String.join(" and ", tokens);
    }

    private static String meaning(EmulatedOutcome.Result result) {
        return switch (result) {
            case PATCHED -> "applies the commands to the tokens it mints";
            case UNCHANGED -> "mints the tokens as they were";
            case DISCARDED -> "discards the whole patch, mints the tokens unmodified";
            case DENIED -> "refuses the tokens, the client gets server_error";
            case HOOK_FAILED -> "ignores the hook, mints the tokens unmodified";
        };
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
