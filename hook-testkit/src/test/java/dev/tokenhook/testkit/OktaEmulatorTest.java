package dev.tokenhook.testkit;

import static dev.tokenhook.testkit.TokenHookAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.ReservedClaims;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of the emulator, with the SPEC section it mirrors. */
class OktaEmulatorTest {

    private final OktaEmulator okta = new OktaEmulator();
    private final TokenHookRequest groups = Flow.GROUPS_AND_OBJECT_CLAIMS.request();
    private final TokenHookRequest machine = Flow.CLIENT_CREDENTIALS.request();

    private EmulatedOutcome answer(TokenHookRequest request, String json) {
        return okta.apply(request, 200, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String identityOps(String ops) {
        return "{\"commands\":[{\"type\":\"com.okta.identity.patch\",\"value\":[" + ops + "]}]}";
    }

    @Test
    void validPatchIsAppliedInOrder() {
        // SPEC §5.2: add, replace, remove on claims, members and elements; §2.1 last row
        EmulatedOutcome outcome = answer(groups, identityOps("""
                {"op":"add","path":"/claims/extPatientId","value":"1234"},
                {"op":"add","path":"/claims/employee_profile/department_id","value":"4947"},
                {"op":"replace","path":"/claims/employee_profile/email","value":"jessie@example.com"},
                {"op":"remove","path":"/claims/preferred_airports/1"},
                {"op":"add","path":"/claims/preferred_airports/-","value":"sea"},
                {"op":"replace","path":"/token/lifetime/expiration","value":600}
                """));

        assertThat(outcome).isPatched().idToken()
                .hasClaim("extPatientId", "1234")
                .hasClaim("preferred_airports", List.of("sjc", "sfo", "oak", "sea"))
                .hasLifetime(Duration.ofSeconds(600));
        assertThat(outcome.idToken().orElseThrow().claims().get("employee_profile"))
                .isEqualTo(Map.of("employee_id", "1234", "name", "Jessie", "email", "jessie@example.com",
                        "department_id", "4947"));
        assertThat(outcome).accessToken().doesNotHaveClaim("extPatientId");
    }

    @Test
    void emptyObjectMintsTheTokensUnchanged() {
        // SPEC §5.4
        assertThat(answer(groups, "{}")).isUnchanged().idToken().doesNotHaveClaim("extPatientId");
    }

    @Test
    void errorDeniesTheTokenWithServerError() {
        // SPEC §5.3
        EmulatedOutcome outcome = answer(groups, "{\"error\":{\"errorSummary\":\"Not a patient\"}}");

        assertThat(outcome).isDeniedWith("Not a patient");
        assertThat(outcome.oauthError()).hasValue("server_error");
        assertThat(outcome.tokensIssued()).isFalse();
        assertThat(answer(groups, "{\"error\":{}}")).isDeniedWith(EmulatedOutcome.DEFAULT_ERROR_DESCRIPTION);
    }

    @Test
    void errorWinsOverCommands() {
        // SPEC §7: error together with commands (inferred: the error wins)
        assertThat(answer(groups, "{\"error\":{\"errorSummary\":\"x\"}," + identityOps("").substring(1)))
                .isDeniedWith("x");
    }

    @Test
    void commandForATokenNotMintedDiscardsTheWholePatch() {
        // SPEC §5.1 "Only patch tokens that are being minted", §6.4
        String json = """
                {"commands":[
                  {"type":"com.okta.access.patch","value":[{"op":"add","path":"/claims/ok","value":1}]},
                  {"type":"com.okta.identity.patch","value":[{"op":"add","path":"/claims/x","value":1}]}]}
                """;
        assertThat(answer(machine, json)).isDiscarded().hasReasonContaining("not being minted")
                .accessToken().doesNotHaveClaim("ok");
    }

    @Test
    void reservedClaimDiscardsTheWholePatch() {
        // SPEC §6.1: reserved per token; aud and sub may change in the access token only
        assertThat(answer(groups, identityOps("""
                {"op":"add","path":"/claims/fine","value":1},{"op":"replace","path":"/claims/sub","value":"x"}"""))).
                isDiscarded().hasReasonContaining("reserved claim 'sub'").idToken().doesNotHaveClaim("fine");
        assertThat(answer(groups, """
                {"commands":[{"type":"com.okta.access.patch","value":[{"op":"replace","path":"/claims/sub","value":"x"}]}]}
                """)).isPatched().accessToken().hasClaim("sub", "x");
    }

    @Test
    void missingTargetDiscardsTheWholePatch() {
        // SPEC §6.3: replace and remove need the target in the request's token
        assertThat(answer(groups, identityOps("{\"op\":\"replace\",\"path\":\"/claims/nope\",\"value\":1}")))
                .isDiscarded().hasReasonContaining("does not exist");
        assertThat(answer(groups, identityOps("{\"op\":\"remove\",\"path\":\"/claims/employee_profile/nope\"}")))
                .isDiscarded();
        assertThat(answer(groups, identityOps("{\"op\":\"add\",\"path\":\"/claims/nope/member\",\"value\":1}")))
                .isDiscarded().hasReasonContaining("no object or array");
    }

    @Test
    void badArrayIndexDiscardsTheWholePatch() {
        // SPEC §5.2 / §12.9: 0 <= i <= len for add, < len otherwise
        assertThat(answer(groups, identityOps("{\"op\":\"add\",\"path\":\"/claims/preferred_airports/4\",\"value\":\"x\"}")))
                .isPatched();
        assertThat(answer(groups, identityOps("{\"op\":\"add\",\"path\":\"/claims/preferred_airports/5\",\"value\":\"x\"}")))
                .isDiscarded().hasReasonContaining("index");
        assertThat(answer(groups, identityOps("{\"op\":\"remove\",\"path\":\"/claims/preferred_airports/4\"}")))
                .isDiscarded();
        assertThat(answer(groups, identityOps("{\"op\":\"remove\",\"path\":\"/claims/preferred_airports/01\"}")))
                .isDiscarded();
    }

    @Test
    void lifetimeOutOfRangeOrNotAnIntegerDiscardsTheWholePatch() {
        // SPEC §6.2
        for (String value : List.of("299", "86401", "\"3600\"", "3600.5")) {
            assertThat(answer(groups, identityOps(
                    "{\"op\":\"replace\",\"path\":\"/token/lifetime/expiration\",\"value\":" + value + "}")))
                    .as(value).isDiscarded().hasReasonContaining("lifetime");
        }
        assertThat(answer(groups, identityOps(
                "{\"op\":\"add\",\"path\":\"/token/lifetime/expiration\",\"value\":3600}"))).isDiscarded();
    }

    @Test
    void removeWithAValueDiscardsTheWholePatch() {
        // SPEC §6.5: value absent or null
        assertThat(answer(groups, identityOps("{\"op\":\"remove\",\"path\":\"/claims/name\",\"value\":\"\"}")))
                .isDiscarded().hasReasonContaining("remove with a value");
        assertThat(answer(groups, identityOps("{\"op\":\"remove\",\"path\":\"/claims/name\",\"value\":null}")))
                .isPatched().idToken().doesNotHaveClaim("name");
    }

    @Test
    void unknownOperationOrCommandTypeDiscardsTheWholePatch() {
        // SPEC §6.7 and §5.1 (legacy names are invalid)
        assertThat(answer(groups, identityOps("{\"op\":\"move\",\"path\":\"/claims/name\",\"from\":\"/claims/x\"}")))
                .isDiscarded().hasReasonContaining("invalid operation");
        assertThat(answer(groups, """
                {"commands":[{"type":"com.okta.tokens.id_token.patch","value":[{"op":"add","path":"/claims/x","value":1}]}]}
                """)).isDiscarded().hasReasonContaining("invalid command type");
    }

    @Test
    void urlNamedClaimsAreUnescaped() {
        // SPEC §5.2 Paths: ~1 is '/', ~0 is '~'
        assertThat(answer(groups, identityOps(
                "{\"op\":\"add\",\"path\":\"/claims/https:~1~1example.com~1role\",\"value\":\"clinician\"}")))
                .isPatched().idToken().hasClaim("https://example.com/role", "clinician");
        assertThat(answer(groups, identityOps("{\"op\":\"add\",\"path\":\"/claims/a~2b\",\"value\":1}"))).isDiscarded();
    }

    @Test
    void nonOkStatusTimeoutAndUnreadableAnswersSkipTheHook() {
        // SPEC §2.1 rows 1-2, §7
        assertThat(okta.apply(groups, 500, new byte[0])).hookFailed().hasReasonContaining("HTTP 500");
        assertThat(okta.apply(groups, 204, new byte[0])).hookFailed();
        assertThat(okta.apply(groups, new HookCall(0, Map.of(), new byte[0], Duration.ofSeconds(3)))).hookFailed()
                .hasReasonContaining("no answer");
        assertThat(answer(groups, "not json")).hookFailed();
        assertThat(answer(groups, "[]")).hookFailed();
        byte[] huge = ("{\"debugContext\":{\"x\":\"" + "y".repeat(256 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertThat(okta.apply(groups, 200, huge)).hookFailed().hasReasonContaining("256 KB")
                .idToken().doesNotHaveClaim("x");
    }

    @Test
    void less256KbIsReadAsUnder256000Bytes() {
        // SPEC §2 "smaller than 256 KB", which kilobyte unsaid: the conservative reading
        String frame = "{\"error\":{\"errorSummary\":\"No\"},\"debugContext\":{\"x\":\"\"}}";
        byte[] largest = debugOfSize(frame, 255_999);
        byte[] tooLarge = debugOfSize(frame, 256_000);

        assertThat(okta.apply(groups, 200, largest)).isDeniedWith("No");
        assertThat(okta.apply(groups, 200, tooLarge)).hookFailed().hasReasonContaining("256000");
        assertThat(OktaEmulator.MAX_RESPONSE_BYTES).isEqualTo(256_000);
    }

    private static byte[] debugOfSize(String frame, int size) {
        String filled = frame.replace("\"x\":\"\"", "\"x\":\"" + "y".repeat(size - frame.length()) + "\"");
        byte[] bytes = filled.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(size);
        return bytes;
    }

    @Test
    void anErrorThatIsNotAnObjectIsNoDenial() {
        // SPEC §5.3: error is an object; anything else does not match Okta's schema (the emulator's reading)
        for (String error : List.of("\"Not a patient\"", "42", "true", "[\"x\"]")) {
            assertThat(answer(groups, "{\"error\":" + error + "}")).as(error).hookFailed()
                    .hasReasonContaining("not an object");
        }
        assertThat(answer(groups, "{\"error\":null," + identityOps(
                "{\"op\":\"add\",\"path\":\"/claims/x\",\"value\":1}").substring(1)))
                .isPatched().idToken().hasClaim("x", 1);
    }

    @Test
    void operationsAreJudgedAgainstTheRequestsTokenNotAgainstEarlierOperations() {
        // SPEC §5.2, §6.3: targets must exist "in the token as sent in the request"
        assertThat(answer(groups, identityOps("""
                {"op":"remove","path":"/claims/name"},{"op":"remove","path":"/claims/name"}""")))
                .isPatched().idToken().doesNotHaveClaim("name");
        assertThat(answer(groups, identityOps("""
                {"op":"add","path":"/claims/fresh","value":1},{"op":"replace","path":"/claims/fresh","value":2}""")))
                .isDiscarded().hasReasonContaining("does not exist: /claims/fresh");
        assertThat(answer(groups, identityOps("""
                {"op":"add","path":"/claims/fresh","value":{"a":1}},{"op":"add","path":"/claims/fresh/b","value":2}""")))
                .isDiscarded().hasReasonContaining("no object or array");
        assertThat(answer(groups, identityOps("""
                {"op":"remove","path":"/claims/name"},{"op":"replace","path":"/claims/name","value":"J"}""")))
                .isPatched().idToken().hasClaim("name", "J");
        assertThat(answer(groups, identityOps("""
                {"op":"remove","path":"/claims/preferred_airports/3"},
                {"op":"replace","path":"/claims/preferred_airports/3","value":"bos"},
                {"op":"add","path":"/claims/preferred_airports/4","value":"sea"}""")))
                .as("index 4 is valid for add on the request's array of 4").isPatched().idToken()
                .hasClaim("preferred_airports", List.of("sjc", "lax", "sfo", "bos", "sea"));
    }

    @Test
    void reservedClaimsFollowOktasTablePerToken() {
        // SPEC §6.1: role and permissions are reserved in the ID token only; scp and uid in the access token only
        String accessOps = """
                {"commands":[{"type":"com.okta.access.patch","value":[
                  {"op":"add","path":"/claims/role","value":"nurse"},
                  {"op":"add","path":"/claims/permissions","value":["read"]},
                  {"op":"add","path":"/claims/scope","value":"x"},
                  {"op":"replace","path":"/claims/aud","value":"api://orders"}]}]}""";
        assertThat(answer(groups, accessOps)).isPatched().accessToken().hasClaim("role", "nurse")
                .hasClaim("permissions", List.of("read"));
        assertThat(answer(groups, identityOps("{\"op\":\"add\",\"path\":\"/claims/role\",\"value\":\"x\"}")))
                .isDiscarded().hasReasonContaining("reserved claim 'role' in the id_token");
        assertThat(answer(groups, identityOps("{\"op\":\"add\",\"path\":\"/claims/scp\",\"value\":\"x\"}")))
                .isPatched().idToken().hasClaim("scp", "x");
        assertThat(answer(groups, """
                {"commands":[{"type":"com.okta.access.patch","value":[{"op":"add","path":"/claims/uid","value":"x"}]}]}
                """)).isDiscarded().hasReasonContaining("reserved claim 'uid' in the access_token");
    }

    @Test
    void cnfIsReadConservativelyAsReservedInTheAccessTokenUnlessTheTableSaysOtherwise() {
        // SPEC §6.1: cnf in the access token "only when DPoP is enabled", which a hook request does not say
        String cnf = """
                {"commands":[{"type":"com.okta.access.patch","value":[{"op":"add","path":"/claims/cnf","value":{}}]}]}
                """;
        assertThat(answer(groups, cnf)).isDiscarded().hasReasonContaining("reserved claim 'cnf'");
        OktaEmulator withoutDpop = new OktaEmulator(
                ReservedClaims.defaults().allow(TokenType.ACCESS_TOKEN, "cnf"));
        assertThat(withoutDpop.apply(groups, 200, cnf.getBytes(StandardCharsets.UTF_8))).isPatched();
    }

    @Test
    void everyDocumentedResponseFixtureIsAcceptedForItsRequest() {
        // SPEC §14: the response fixtures are valid answers to the groups request (or deny it)
        for (String name : Fixtures.responseNames()) {
            if (name.contains("uri-claim") || name.contains("debug-context") || name.contains("remove-claims")
                    || name.contains("replace-access")) {
                continue; // they target claims (birthdate, external_guid) this request does not carry
            }
            EmulatedOutcome outcome = okta.apply(groups, 200, Fixtures.bytes(name));
            assertThat(outcome.result()).as(name).isIn(EmulatedOutcome.Result.PATCHED, EmulatedOutcome.Result.UNCHANGED,
                    EmulatedOutcome.Result.DENIED);
        }
    }

    @Test
    void mintedTokensAreSignedJwts() {
        TokenMinter minter = new TokenMinter();
        EmulatedOutcome outcome = answer(groups, identityOps("{\"op\":\"add\",\"path\":\"/claims/extPatientId\",\"value\":\"1234\"}"));

        String jwt = minter.mint(outcome.idToken().orElseThrow());

        assertThat(jwt.split("\\.")).hasSize(3);
        assertThat(minter.jwks()).contains("\"kid\":\"tokenhook-emulator\"").doesNotContain("\"d\"");
    }
}
