package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.ClaimPath;
import dev.tokenhook.core.patch.PatchValidator;
import dev.tokenhook.core.patch.PatchViolation;
import dev.tokenhook.core.patch.TokenPatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The validator against the fixture requests: which tokens each flow lets a hook patch, and escaping. */
class FlowPatchingTest {

    private final PatchValidator validator = PatchValidator.withDefaults();

    @ParameterizedTest
    @EnumSource(Flow.class)
    void onlyTheTokensAFlowMintsMayBePatched(Flow flow) {
        TokenHookRequest request = flow.request();
        for (TokenType token : TokenType.values()) {
            TokenPatch patch = new TokenPatch();
            patch.token(token).add("tenant", "t-42").lifetime(Duration.ofMinutes(15));

            List<PatchViolation> violations = validator.validate(request, patch.operations());

            if (request.mints(token)) {
                assertThat(violations).as("%s %s", flow, token).isEmpty();
            } else {
                assertThat(violations).as("%s %s", flow, token).hasSize(2)
                        .allMatch(v -> v.kind() == PatchViolation.Kind.TOKEN_NOT_MINTED);
            }
        }
        boolean expectIdToken = switch (flow) {
            case CLIENT_CREDENTIALS, REFRESH_TOKEN_LEGACY, PREVIEW_WITHOUT_IDENTITY -> false;
            default -> true;
        };
        assertThat(request.mints(TokenType.ID_TOKEN)).isEqualTo(expectIdToken);
    }

    @Test
    void urlNamedClaimsAreFoundThroughEscapedPaths() {
        TokenHookRequest request = Flow.URL_NAMED_CLAIMS.request();
        ClaimPath profile = ClaimPath.claim("https://example.com/claims/profile");
        ClaimPath roles = ClaimPath.claim("https://example.com/claims/roles");
        TokenPatch patch = new TokenPatch();
        patch.idToken()
                .replace(profile.member("dept/unit"), "oncology/ward-1")
                .remove(profile.member("on~call"))
                .replace("https://example.com/claims/tenant", "south-clinic");
        patch.accessToken()
                .replace(roles.index(1), "admin")
                .remove(ClaimPath.claim("https://example.com/~ops/flags").member("beta/ui"))
                .remove("urn:example:legacy~id");

        assertThat(validator.validate(request, patch.operations())).isEmpty();
        assertThat(patch.operations()).extracting(op -> op.path()).containsExactly(
                "/claims/https:~1~1example.com~1claims~1profile/dept~1unit",
                "/claims/https:~1~1example.com~1claims~1profile/on~0call",
                "/claims/https:~1~1example.com~1claims~1tenant",
                "/claims/https:~1~1example.com~1claims~1roles/1",
                "/claims/https:~1~1example.com~1~0ops~1flags/beta~1ui",
                "/claims/urn:example:legacy~0id");
    }

    @Test
    void aClaimNamedLikeAnEscapeIsNotTheEscapedClaim() {
        TokenHookRequest request = Flow.URL_NAMED_CLAIMS.request();
        TokenPatch patch = new TokenPatch();
        patch.accessToken().remove("urn:example:legacy~0id").replace("https:~1~1example.com~1claims~1roles", "x");

        assertThat(validator.validate(request, patch.operations()))
                .extracting(PatchViolation::kind)
                .containsExactly(PatchViolation.Kind.TARGET_MISSING, PatchViolation.Kind.TARGET_MISSING);
    }
}
