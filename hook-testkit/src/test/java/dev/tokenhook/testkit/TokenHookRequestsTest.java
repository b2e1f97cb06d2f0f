package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenHookRequestsTest {

    @Test
    void authorizationCodeCarriesUserSessionAndBothTokens() {
        TokenHookRequests.Built built = TokenHookRequests.authorizationCode()
                .user("alice@example.com").idTokenClaim("x", 1).groups("Patients").build();
        TokenHookRequest request = built.request();

        assertThat(request.userLogin()).hasValue("alice@example.com");
        assertThat(request.grantType()).hasValue("authorization_code");
        assertThat(request.context().session()).isPresent();
        assertThat(request.mints(TokenType.ID_TOKEN)).isTrue();
        assertThat(request.identity().orElseThrow().claims()).containsEntry("x", 1);
        assertThat(request.groups()).containsExactly("Patients");
        assertThat(TokenHookRequest.fromJson(built.json())).isEqualTo(request);
    }

    @Test
    void clientCredentialsHasNoUserAndNoIdToken() {
        TokenHookRequest request = TokenHookRequests.clientCredentials().scopes("orders.read").build().request();

        assertThat(request.user()).isEmpty();
        assertThat(request.userLogin()).isEmpty();
        assertThat(request.mints(TokenType.ID_TOKEN)).isFalse();
        assertThat(request.grantType()).hasValue("client_credentials");
        assertThat(request.grantedScopes()).containsExactly("orders.read");
    }

    @Test
    void refreshTokenCarriesTheOriginalGrant() {
        TokenHookRequest request = TokenHookRequests.refreshToken().refreshTokenJti("oarX").build().request();

        assertThat(request.grantType()).hasValue("refresh_token");
        assertThat(request.refreshTokenJti()).hasValue("oarX");
        assertThat(request.context().protocol().originalGrant().orElseThrow().refreshTokenJti()).hasValue("oarX");
        assertThat(request.context().session()).isEmpty();
    }

    @Test
    void implicitAndPreviewVariations() {
        TokenHookRequest implicit = TokenHookRequests.implicit().withoutAccessToken().lifetimeSeconds(600).build().request();
        TokenHookRequest preview = TokenHookRequests.preview().accessTokenClaim("tier", Map.of("gold", true)).build()
                .request();

        assertThat(implicit.grantType()).hasValue("implicit");
        assertThat(implicit.access()).isEmpty();
        assertThat(implicit.identity().orElseThrow().lifetime()).hasValueSatisfying(
                d -> assertThat(d.toSeconds()).isEqualTo(600));
        assertThat(preview.identity()).isEmpty();
        assertThat(preview.access().orElseThrow().claims().get("tier")).isEqualTo(Map.of("gold", true));
        assertThat(TokenHookRequests.authorizationCode().noUser().build().request().user()).isEmpty();
        assertThat(TokenHookRequests.authorizationCode().eventId("e-1").build().request().eventId()).isEqualTo("e-1");
        assertThat(List.of(TokenHookRequests.authorizationCode().build().request().eventId(),
                TokenHookRequests.authorizationCode().build().request().eventId())).doesNotHaveDuplicates();
    }
}
