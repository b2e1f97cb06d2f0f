package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request-independent checks {@link TokenEditor} and {@link TokenPatch} make at once. */
class TokenEditorTest {

    private final TokenPatch patch = new TokenPatch();

    @Test
    void recordsOperationsInOrderForTheRightToken() {
        patch.idToken().add("a", "1").replace("b", 2).remove("c");
        patch.accessToken().append("list", true).lifetime(Duration.ofMinutes(5));

        assertThat(patch.operations()).extracting(PatchOperation::describe).containsExactly(
                "add id_token /claims/a", "replace id_token /claims/b", "remove id_token /claims/c",
                "add access_token /claims/list/-", "replace access_token /token/lifetime/expiration");
        assertThat(patch.operations().get(2).value()).isNull();
        assertThat(patch.operations().get(4).value()).isEqualTo(300L);
        assertThat(patch.operations().get(4).target()).isEqualTo(TokenLifetime.EXPIRATION);
        assertThat(patch.idToken().token()).isEqualTo(TokenType.ID_TOKEN);
        assertThat(patch.token(TokenType.ACCESS_TOKEN)).isSameAs(patch.accessToken());
        assertThat(patch.isEmpty()).isFalse();
        assertThat(new TokenPatch().isEmpty()).isTrue();
        assertThatThrownBy(() -> patch.operations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptsEveryJsonValueType() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("s", "x");
        object.put("n", null);
        object.put("list", List.of(1, 2L, 1.5, 2.5f, BigDecimal.ONE, BigInteger.TEN, (short) 3, (byte) 4, false));

        patch.idToken().add("s", "text").add("i", 1).add("l", 2L).add("d", 0.5).add("b", true)
                .add("big", new BigInteger("123456789012345678901234567890")).add("dec", new BigDecimal("1.25"))
                .add("list", List.of("a", Map.of("k", "v"))).add("object", object);

        assertThat(patch.operations()).hasSize(9);
    }

    @Test
    void nullValueIsRefused() {
        assertThatThrownBy(() -> patch.idToken().add("nickname", null))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Value for /claims/nickname must not be null: use remove to delete a claim");
        assertThatThrownBy(() -> patch.accessToken().replace(ClaimPath.claim("p").member("m"), null))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Value for /claims/p/m must not be null: use remove to delete a claim");
        assertThat(patch.operations()).isEmpty();
    }

    @Test
    void nonJsonValueTypesAreRefused() {
        assertThatThrownBy(() -> patch.idToken().add("when", java.time.Instant.EPOCH))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Value for /claims/when is a java.time.Instant; use String, Boolean, a finite number, "
                        + "List or Map");
        assertThatThrownBy(() -> patch.idToken().add("c", 'c'))
                .isInstanceOf(InvalidPatchException.class).hasMessageContaining("java.lang.Character");
        assertThatThrownBy(() -> patch.idToken().add("n", new AtomicInteger(1)))
                .isInstanceOf(InvalidPatchException.class).hasMessageContaining("AtomicInteger");
        assertThatThrownBy(() -> patch.idToken().add("a", new String[] {"x"}))
                .isInstanceOf(InvalidPatchException.class);
        assertThatThrownBy(() -> patch.idToken().add("o", Optional.of("x")))
                .isInstanceOf(InvalidPatchException.class);
        assertThatThrownBy(() -> patch.idToken().add("nested", List.of(Map.of("k", new Object()))))
                .as("checked at any depth")
                .isInstanceOf(InvalidPatchException.class).hasMessageContaining("/claims/nested");
        Map<Object, Object> intKeys = new HashMap<>();
        intKeys.put(1, "x");
        assertThatThrownBy(() -> patch.idToken().add("m", intKeys))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Value for /claims/m has a map key that is not a string");
        assertThat(patch.operations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteNumbersAreRefused(double value) {
        assertThatThrownBy(() -> patch.idToken().add("score", value))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessageContaining("/claims/score")
                .hasMessageContaining("finite number");
        assertThatThrownBy(() -> patch.idToken().add("score", (float) value)).isInstanceOf(InvalidPatchException.class);
        assertThatThrownBy(() -> patch.idToken().add("scores", List.of(1.0, value)))
                .isInstanceOf(InvalidPatchException.class);
    }

    @Test
    void valueMessagesNeverContainTheValue() {
        assertThatThrownBy(() -> patch.idToken().add("ssn", List.of("123-45-6789", new Object())))
                .isInstanceOf(InvalidPatchException.class)
                .message().doesNotContain("123-45-6789");
    }

    @Test
    void tooDeepValuesAreRefused() {
        Object levels32 = "leaf";
        for (int i = 0; i < 32; i++) {
            levels32 = List.of(levels32);
        }
        Object levels33 = Map.of("k", levels32);

        assertThatThrownBy(() -> patch.idToken().add("deep", levels33))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Value for /claims/deep is nested deeper than 32 levels");
        patch.idToken().add("ok", levels32);
        assertThat(patch.operations()).hasSize(1);
    }

    @Test
    void valuesAreFrozenCopies() {
        List<Object> roles = new ArrayList<>(List.of("a"));
        Map<String, Object> profile = new LinkedHashMap<>(Map.of("roles", roles));

        patch.idToken().add("profile", profile);
        roles.add("b");
        profile.put("later", 1);

        Object written = patch.operations().get(0).value();
        assertThat(written).isEqualTo(Map.of("roles", List.of("a")));
        assertThatThrownBy(() -> ((Map<?, ?>) written).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {300, 301, 3600, 86_399, 86_400})
    void lifetimeInRange(long seconds) {
        patch.idToken().lifetime(Duration.ofSeconds(seconds));

        assertThat(patch.operations().get(0).value()).isEqualTo(seconds);
        assertThat(patch.operations().get(0).path()).isEqualTo("/token/lifetime/expiration");
        assertThat(patch.operations().get(0).op()).isEqualTo(Operation.REPLACE);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 299, 86_401, 1_000_000})
    void lifetimeOutOfRange(long seconds) {
        assertThatThrownBy(() -> patch.accessToken().lifetime(Duration.ofSeconds(seconds)))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Token lifetime must be between 300 and 86400 seconds, was " + seconds);
    }

    @Test
    void fractionalOrMissingLifetime() {
        assertThatThrownBy(() -> patch.accessToken().lifetime(Duration.ofMillis(300_500)))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Token lifetime must be whole seconds, was PT5M0.5S");
        assertThatThrownBy(() -> patch.accessToken().lifetime(Duration.ofSeconds(3600).plusNanos(1)))
                .isInstanceOf(InvalidPatchException.class).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> patch.accessToken().lifetime(null))
                .isInstanceOf(InvalidPatchException.class).hasMessage("Token lifetime must not be null");
        assertThat(patch.operations()).isEmpty();
    }

    @Test
    void appendOnlyWithAdd() {
        ClaimPath append = ClaimPath.claim("preferred_airports").append();

        assertThatThrownBy(() -> patch.idToken().replace(append, "lax"))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("'-' (append) is only valid with add, not replace, at /claims/preferred_airports/-");
        assertThatThrownBy(() -> patch.idToken().remove(append))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("'-' (append) is only valid with add, not remove, at /claims/preferred_airports/-");
        assertThat(patch.idToken().add(append, "lax").append("preferred_airports", "sfo")).isNotNull();
        assertThat(patch.operations()).extracting(PatchOperation::path)
                .containsExactly("/claims/preferred_airports/-", "/claims/preferred_airports/-");
    }

    @Test
    void claimNamesAreChecked() {
        assertThatThrownBy(() -> patch.idToken().add("", "x"))
                .isInstanceOf(InvalidPatchException.class).hasMessage("Claim name must not be empty");
        assertThatThrownBy(() -> patch.idToken().remove((String) null))
                .isInstanceOf(InvalidPatchException.class).hasMessage("Claim name must not be null");
    }

    @Test
    void denyNeedsASummary() {
        assertThatThrownBy(() -> patch.deny((String) null))
                .isInstanceOf(InvalidPatchException.class).hasMessage("deny(...) needs a non-blank errorSummary");
        assertThatThrownBy(() -> patch.deny("  "))
                .isInstanceOf(InvalidPatchException.class).hasMessage("deny(...) needs a non-blank errorSummary");
        assertThatThrownBy(() -> patch.deny((HookError) null))
                .isInstanceOf(InvalidPatchException.class).hasMessage("deny(...) needs an error");
        assertThatThrownBy(() -> new ErrorCause(" ", null, null, null, null))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("An error cause needs a non-blank errorSummary");
        assertThat(patch.denial()).isEmpty();

        patch.deny("x".repeat(1000));

        assertThat(patch.denial()).hasValueSatisfying(e -> assertThat(e.errorCauses()).isEmpty());
        assertThat(patch.deny("y".repeat(1500)).denial().orElseThrow().errorSummary())
                .as("a denial must not fail: a long summary is cut, not refused").isEqualTo("y".repeat(1000));
    }

    @Test
    void debugEntriesAreChecked() {
        assertThatThrownBy(() -> patch.debug(null, "x"))
                .isInstanceOf(InvalidPatchException.class).hasMessage("debugContext keys must not be empty");
        assertThatThrownBy(() -> patch.debug("", "x"))
                .isInstanceOf(InvalidPatchException.class).hasMessage("debugContext keys must not be empty");
        assertThatThrownBy(() -> patch.debug("k", null))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Value for debugContext.k must not be null: use remove to delete a claim");
        assertThatThrownBy(() -> patch.debug("k", Double.NaN)).isInstanceOf(InvalidPatchException.class);
        assertThat(patch.isEmpty()).isTrue();

        patch.debug("lookupMillis", 37).debug("source", "db");

        assertThat(patch.debugContext()).containsExactly(Map.entry("lookupMillis", 37), Map.entry("source", "db"));
        assertThatThrownBy(() -> patch.debugContext().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(patch.isEmpty()).isFalse();
    }
}
