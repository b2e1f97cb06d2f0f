package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.SampleRequests;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No public API builds an operation Okta would discard whatever the request (issue 17): the operations
 * that {@link PatchOperation}'s public constructor, {@link TokenEditor} and {@link TokenHookResponse}
 * used to let through.
 */
class PatchOperationTest {

    private static final ClaimPath CLAIM = ClaimPath.claim("tenant");

    private static PatchOperation lifetime(Operation op, Object value) {
        return new PatchOperation(TokenType.ACCESS_TOKEN, op, TokenLifetime.EXPIRATION, value);
    }

    @Test
    void lifetimeOnlyWithReplace() {
        assertThatThrownBy(() -> lifetime(Operation.ADD, 3600))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Okta only accepts replace on the token lifetime, not add");
        assertThatThrownBy(() -> lifetime(Operation.REMOVE, null))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Okta only accepts replace on the token lifetime, not remove");
    }

    @Test
    void lifetimeOnlyAnIntegerFrom300To86400() {
        for (Object value : List.of(10, 299, 86_401, 299L, Long.MAX_VALUE)) {
            assertThatThrownBy(() -> lifetime(Operation.REPLACE, value)).as(String.valueOf(value))
                    .isInstanceOf(InvalidPatchException.class).hasMessageContaining("between 300 and 86400");
        }
        for (Object value : List.of("3600", 3600.0, 3600.5f, true, List.of(3600),
                BigInteger.ONE.shiftLeft(70))) {
            assertThatThrownBy(() -> lifetime(Operation.REPLACE, value)).as(String.valueOf(value))
                    .isInstanceOf(InvalidPatchException.class).hasMessageContaining("must be an integer");
        }
        assertThatThrownBy(() -> lifetime(Operation.REPLACE, null)).isInstanceOf(InvalidPatchException.class);

        assertThat(lifetime(Operation.REPLACE, 300).value()).isEqualTo(300L);
        assertThat(lifetime(Operation.REPLACE, (short) 3600).value()).isEqualTo(3600L);
        assertThat(lifetime(Operation.REPLACE, BigInteger.valueOf(86_400)).value()).isEqualTo(86_400L);
    }

    @Test
    void addAndReplaceNeedAValueAndRemoveTakesNone() {
        for (Operation op : List.of(Operation.ADD, Operation.REPLACE)) {
            assertThatThrownBy(() -> new PatchOperation(TokenType.ID_TOKEN, op, CLAIM, null)).as(op.wireName())
                    .isInstanceOf(InvalidPatchException.class).hasMessageContaining("must not be null");
        }
        assertThatThrownBy(() -> new PatchOperation(TokenType.ID_TOKEN, Operation.REMOVE, CLAIM, ""))
                .isInstanceOf(InvalidPatchException.class).hasMessage("remove carries no value, at /claims/tenant");
        assertThat(new PatchOperation(TokenType.ID_TOKEN, Operation.REMOVE, CLAIM, null).value()).isNull();
    }

    @Test
    void valuesAreFiniteJsonEvenDeepInside() {
        List<Object> notJson = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Float.NaN, Float.POSITIVE_INFINITY, new Object(), List.of(1, Double.NaN),
                Map.of("a", Map.of("b", Double.NEGATIVE_INFINITY))));
        Map<Object, Object> nonStringKey = new HashMap<>();
        nonStringKey.put(1, "x");
        notJson.add(nonStringKey);
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        for (Object value : notJson) {
            assertThatThrownBy(() -> new PatchOperation(TokenType.ID_TOKEN, Operation.ADD, CLAIM, value))
                    .as(String.valueOf(value)).isInstanceOf(InvalidPatchException.class);
        }
        assertThat(new PatchOperation(TokenType.ID_TOKEN, Operation.ADD, CLAIM, withNull).value())
                .as("null inside an array is JSON").isEqualTo(withNull);
        assertThatThrownBy(() -> TokenHookResponse.deny(HookError.of("No"), Map.of("k", Double.NaN)))
                .isInstanceOf(InvalidPatchException.class);
    }

    @Test
    void valuesAreFrozenCopies() {
        List<Object> roles = new ArrayList<>(List.of("reader"));
        PatchOperation op = new PatchOperation(TokenType.ACCESS_TOKEN, Operation.ADD, ClaimPath.claim("role"), roles);
        roles.add("admin");

        assertThat(op.value()).isEqualTo(List.of("reader"));
        assertThatThrownBy(() -> ((List<?>) op.value()).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void appendOntoAnObjectClaimNeverReachesAnAnswer() {
        TokenHookRequest request = SampleRequests.minting(Map.of("profile", Map.of("dept", "x")), null);
        TokenPatch patch = new TokenPatch();
        patch.idToken().append("profile", "y");
        ResponseAssembler answer = new ResponseAssembler(PatchValidator.withDefaults(), request);

        assertThat(answer.offer(patch)).extracting(PatchViolation::kind)
                .containsExactly(PatchViolation.Kind.NOT_AN_ARRAY);
        assertThat(answer.build().isNoChange()).isTrue();
    }
}
