package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.Json;
import dev.tokenhook.core.TokenType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TokenHookResponse} and its encoder, compared as parsed JSON, never as strings. */
class TokenHookResponseTest {

    private static Object json(TokenHookResponse response) {
        return Json.parse(response.toJson());
    }

    private static TokenHookResponse of(TokenPatch patch) {
        return TokenHookResponse.of(patch.operations(), patch.debugContext());
    }

    @Test
    void toJsonEncodesOnceAndHandsOutCopies() {
        TokenPatch patch = new TokenPatch();
        patch.idToken().add("extPatientId", "1234");
        TokenHookResponse response = of(patch);

        byte[] first = response.toJson();
        first[0] = 'X'; // a caller scribbling on its copy
        byte[] second = response.toJson();

        assertThat(second).isNotSameAs(first);
        assertThat(new String(second, StandardCharsets.UTF_8)).startsWith("{\"commands\":");
        assertThat(TokenHookResponse.noChange().toJson()).isNotSameAs(TokenHookResponse.noChange().toJson())
                .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noChangeIsAnEmptyObject() {
        assertThat(json(TokenHookResponse.noChange())).isEqualTo(Map.of());
        assertThat(json(TokenHookResponse.of(List.of(), Map.of()))).isEqualTo(Map.of());
        assertThat(json(TokenHookResponse.of(List.of(), null))).isEqualTo(Map.of());
        assertThat(TokenHookResponse.noChange().isNoChange()).isTrue();
        assertThat(TokenHookResponse.noChange().isDenied()).isFalse();
        assertThat(TokenHookResponse.noChange().commands()).isEmpty();
        assertThat(TokenHookResponse.noChange().error()).isEmpty();
        assertThat(TokenHookResponse.noChange().debugContext()).isEmpty();
    }

    @Test
    void removeHasNoValueField() {
        TokenPatch patch = new TokenPatch();
        patch.idToken().remove("birthdate").remove(ClaimPath.claim("preferred_airports").index(1));

        assertThat(json(of(patch))).isEqualTo(Json.parse("""
                {"commands": [{"type": "com.okta.identity.patch", "value": [
                  {"op": "remove", "path": "/claims/birthdate"},
                  {"op": "remove", "path": "/claims/preferred_airports/1"}]}]}"""));
    }

    @Test
    void removeWithAValueCannotBeBuilt() {
        // Okta fails the whole patch for a remove with a non-null value (SPEC 5.2).
        assertThatThrownBy(() -> new PatchOperation(TokenType.ACCESS_TOKEN, Operation.REMOVE,
                ClaimPath.claim("external_guid"), "leftover"))
                .isInstanceOf(InvalidPatchException.class).hasMessage("remove carries no value, at /claims/external_guid");
    }

    @Test
    void oneCommandPerTokenInTheOrderTokensWereFirstWritten() {
        TokenPatch patch = new TokenPatch();
        patch.accessToken().add("a", "1");
        patch.idToken().add("b", "2");
        patch.accessToken().remove("c");
        patch.idToken().lifetime(Duration.ofMinutes(30));

        TokenHookResponse response = of(patch);

        assertThat(json(response)).isEqualTo(Json.parse("""
                {"commands": [
                  {"type": "com.okta.access.patch", "value": [
                    {"op": "add", "path": "/claims/a", "value": "1"},
                    {"op": "remove", "path": "/claims/c"}]},
                  {"type": "com.okta.identity.patch", "value": [
                    {"op": "add", "path": "/claims/b", "value": "2"},
                    {"op": "replace", "path": "/token/lifetime/expiration", "value": 1800}]}]}"""));
        assertThat(response.commands().keySet()).containsExactly(TokenType.ACCESS_TOKEN, TokenType.ID_TOKEN);
        assertThat(response.operations()).extracting(PatchOperation::describe).containsExactly(
                "add access_token /claims/a", "remove access_token /claims/c", "add id_token /claims/b",
                "replace id_token /token/lifetime/expiration");
        assertThatThrownBy(() -> response.commands().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> response.commands().get(TokenType.ID_TOKEN).clear())
                .isInstanceOf(UnsupportedOperationException.class);

        TokenPatch idFirst = new TokenPatch();
        idFirst.idToken().add("b", "2");
        idFirst.accessToken().add("a", "1");
        assertThat(of(idFirst).commands().keySet()).containsExactly(TokenType.ID_TOKEN, TokenType.ACCESS_TOKEN);
    }

    @Test
    void lifetimeIsAJsonInteger() {
        TokenPatch patch = new TokenPatch();
        patch.accessToken().lifetime(Duration.ofHours(10));

        Object encoded = json(of(patch));

        assertThat(encoded).isEqualTo(Json.parse("""
                {"commands": [{"type": "com.okta.access.patch", "value": [
                  {"op": "replace", "path": "/token/lifetime/expiration", "value": 36000}]}]}"""));
    }

    @Test
    void everyValueTypeIsWrittenAsJson() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("s", "Zoë \uD83D\uDE42 \"quoted\" \\ \n");
        object.put("n", null);
        object.put("list", List.of(1, 2L, (short) 3, (byte) 4, 0.5, 1.5f, new BigDecimal("1.25"),
                new BigInteger("123456789012345678901234567890"), true, false));
        object.put("nested", Map.of("deeper", List.of(Map.of())));
        TokenPatch patch = new TokenPatch();
        patch.accessToken().add("tenant", object);

        assertThat(json(of(patch))).isEqualTo(Json.parse("""
                {"commands": [{"type": "com.okta.access.patch", "value": [{"op": "add", "path": "/claims/tenant",
                  "value": {"s": "Zoë \\uD83D\\uDE42 \\"quoted\\" \\\\ \\n", "n": null,
                            "list": [1, 2, 3, 4, 0.5, 1.5, 1.25, 123456789012345678901234567890, true, false],
                            "nested": {"deeper": [{}]}}}]}]}"""));
        assertThat(new String(of(patch).toJson(), StandardCharsets.UTF_8)).contains("Zoë");
    }

    @Test
    void claimNamesAreEscapedInPaths() {
        TokenPatch patch = new TokenPatch();
        patch.accessToken().add("https://example.com/claims/role", "clinician")
                .add(ClaimPath.claim("a~b").member("c/d"), 1);

        assertThat(json(of(patch))).isEqualTo(Json.parse("""
                {"commands": [{"type": "com.okta.access.patch", "value": [
                  {"op": "add", "path": "/claims/https:~1~1example.com~1claims~1role", "value": "clinician"},
                  {"op": "add", "path": "/claims/a~0b/c~1d", "value": 1}]}]}"""));
    }

    @Test
    void errorWithCauses() {
        HookError error = new HookError("Consent missing", List.of(
                new ErrorCause("Scope not consented", "CONSENT_MISMATCH", "body", "data.context.protocol.request.scope",
                        "external-service"),
                new ErrorCause("Second cause", null, null, null, null)));

        TokenHookResponse response = TokenHookResponse.deny(error, Map.of());

        assertThat(json(response)).isEqualTo(Json.parse("""
                {"error": {"errorSummary": "Consent missing", "errorCauses": [
                  {"errorSummary": "Scope not consented", "reason": "CONSENT_MISMATCH", "locationType": "body",
                   "location": "data.context.protocol.request.scope", "domain": "external-service"},
                  {"errorSummary": "Second cause"}]}}"""));
        assertThat(response.isDenied()).isTrue();
        assertThat(response.isNoChange()).isFalse();
        assertThat(response.error()).contains(error);
        assertThat(response.commands()).isEmpty();
        assertThat(response.toString()).isEqualTo("TokenHookResponse[denied]");
    }

    @Test
    void errorWithoutCausesHasNoCausesField() {
        assertThat(json(TokenHookResponse.deny(HookError.of("Nope"), null)))
                .isEqualTo(Json.parse("{\"error\": {\"errorSummary\": \"Nope\"}}"));
        assertThatThrownBy(() -> TokenHookResponse.deny(null, Map.of()))
                .isInstanceOf(InvalidPatchException.class).hasMessage("A denial needs an error");
    }

    @Test
    void debugContextWithCommandsWithADenialOrAlone() {
        TokenPatch patch = new TokenPatch();
        patch.idToken().add("extPatientId", "1234");
        patch.debug("lookupSource", "patient-db").debug("lookupMillis", 37).debug("cache", Map.of("hit", false));

        assertThat(json(of(patch))).isEqualTo(Json.parse("""
                {"commands": [{"type": "com.okta.identity.patch", "value": [
                   {"op": "add", "path": "/claims/extPatientId", "value": "1234"}]}],
                 "debugContext": {"lookupSource": "patient-db", "lookupMillis": 37, "cache": {"hit": false}}}"""));
        assertThat(json(TokenHookResponse.deny(HookError.of("No patient"), patch.debugContext())))
                .isEqualTo(Json.parse("""
                        {"error": {"errorSummary": "No patient"},
                         "debugContext": {"lookupSource": "patient-db", "lookupMillis": 37, "cache": {"hit": false}}}"""));
        assertThat(json(TokenHookResponse.of(List.of(), Map.of("rule", "skipped"))))
                .isEqualTo(Json.parse("{\"debugContext\": {\"rule\": \"skipped\"}}"));
    }

    @Test
    void toStringNamesOperationsButNeverValues() {
        TokenPatch patch = new TokenPatch();
        patch.idToken().add("ssn", "123-45-6789").remove("birthdate");

        assertThat(of(patch).toString())
                .contains("add id_token /claims/ssn", "remove id_token /claims/birthdate")
                .doesNotContain("123-45-6789");
    }
}
