package dev.tokenhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.tokenhook.core.AccessToken;
import dev.tokenhook.core.GrantedScope;
import dev.tokenhook.core.IdentityToken;
import dev.tokenhook.core.OriginalGrant;
import dev.tokenhook.core.Session;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every request fixture decodes with the values it holds. */
class RequestFixturesTest {

    static List<String> requestNames() {
        return Fixtures.requestNames();
    }

    @ParameterizedTest
    @MethodSource("requestNames")
    void everyRequestDecodesAsATokenHookRequestWithReadOnlyClaims(String name) {
        TokenHookRequest request = Fixtures.request(name);

        assertThat(request.eventType()).isEqualTo(TokenHookRequest.EVENT_TYPE);
        assertThat(request.eventTypeVersion()).isEqualTo("1.0");
        assertThat(request.cloudEventVersion()).isEqualTo("0.1");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.eventId()).isNotBlank();
        assertThat(request.context().protocol().type()).isEqualTo("OAUTH2.0");
        assertThat(request.context().protocol().issuerUri()).startsWith("https://example.okta.com/oauth2/");
        assertThat(request.source()).startsWith(request.context().protocol().issuerUri() + "/v1/");
        assertThat(request.access()).as("every flow mints an access token").isPresent();
        request.identity().ifPresent(id -> assertDeeplyReadOnly(id.claims()));
        request.access().ifPresent(at -> assertDeeplyReadOnly(at.claims()));
    }

    @Test
    void authorizationCode() {
        TokenHookRequest request = Flow.AUTHORIZATION_CODE.request();

        assertThat(request.eventId()).isEqualTo("Hk3m0c9QTf-2pXq8yVt4aw");
        assertThat(request.eventTime()).isEqualTo("2024-06-11T14:03:27.000Z");
        assertThat(request.source()).isEqualTo("https://example.okta.com/oauth2/default/v1/authorize");
        assertThat(request.context().request().method()).isEqualTo("GET");
        assertThat(request.context().request().url())
                .startsWith("https://example.okta.com/oauth2/default/v1/authorize?")
                .contains("response_type=code");
        assertThat(request.context().request().ipAddress()).isEqualTo("203.0.113.44");

        assertThat(request.context().protocol().request().grantType()).isEmpty();
        assertThat(request.grantType()).contains("authorization_code");
        assertThat(request.context().protocol().request().responseTypes()).containsExactly("code");
        assertThat(request.context().protocol().request().scopes())
                .containsExactly("openid", "profile", "email", "offline_access");
        assertThat(request.context().protocol().request().parameter("redirect_uri"))
                .contains("https://portal.example.com/authorization-code/callback");
        assertThat(request.context().protocol().originalGrant()).isEmpty();
        assertThat(request.clientId()).contains("0oa8pt1portal9Xk5d7");
        assertThat(request.context().protocol().client().name()).isEqualTo("Patient Portal");
        assertThat(request.context().policy().id()).isEqualTo("00p8pt1policy0Aa5d7");
        assertThat(request.context().policy().ruleId()).isEqualTo("0pr8pt1rule00Bb5d7");

        Session session = request.context().session().orElseThrow();
        assertThat(session.login()).isEqualTo("isaac.brock@example.com");
        assertThat(session.status()).isEqualTo("ACTIVE");
        assertThat(session.amr()).containsExactly("PASSWORD");
        assertThat(session.idpType()).isEqualTo("OKTA");
        assertThat(session.mfaActive()).isFalse();
        assertThat(session.lastFactorVerification()).isNull();

        User user = request.user().orElseThrow();
        assertThat(user.id()).isEqualTo("00u9k2ib7XrQmW4Zt5d7");
        assertThat(user.profile().firstName()).isEqualTo("Isaac");
        assertThat(user.profile().timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(user.links()).containsEntry("groups",
                "https://example.okta.com/api/v1/users/00u9k2ib7XrQmW4Zt5d7/groups");
        assertThat(request.userLogin()).contains("isaac.brock@example.com");

        IdentityToken id = request.identity().orElseThrow();
        assertThat(id.lifetime()).contains(Duration.ofHours(1));
        assertThat(id.claims().get("ver")).isInstanceOf(Integer.class).isEqualTo(1);
        assertThat(id.claims().get("auth_time")).isInstanceOf(Integer.class).isEqualTo(1718114571);
        assertThat(id.claims().get("amr")).asInstanceOf(LIST).containsExactly("pwd");
        assertThat(id.stringClaim("birthdate")).contains("1985-04-12");
        assertThat(id.stringClaim("nonce")).contains("Zq81xLm2");
        assertThat(id.claims()).doesNotContainKeys("iat", "exp");

        AccessToken access = request.access().orElseThrow();
        assertThat(access.lifetime()).contains(Duration.ofSeconds(3600));
        assertThat(access.stringClaim("sub")).contains("isaac.brock@example.com");
        assertThat(access.stringClaim("external_guid")).contains("7C1F4A2E-5B3D-4E8A-9F06-2D7B8C9E1A34");
        assertThat(access.scopes().get("offline_access")).isEqualTo(new GrantedScope("scpq7e1offline0g3", "GRANT"));
        assertThat(request.grantedScopes()).isEqualTo(java.util.Set.of("openid", "profile", "email", "offline_access"));

        assertThat(request.mints(TokenType.ID_TOKEN)).isTrue();
        assertThat(request.mints(TokenType.ACCESS_TOKEN)).isTrue();
        assertThat(request.refreshTokenJti()).contains("oar9k2ib7codeflow5d7");
        assertThat(request.groups()).isEmpty();
    }

    @Test
    void implicitDocSample() {
        TokenHookRequest request = Flow.IMPLICIT.request();

        assertThat(request.eventId()).isEqualTo("3OWo4oo-QQ-rBWfRyTmQYw");
        assertThat(request.grantType()).contains("implicit");
        assertThat(request.context().protocol().request().responseTypes()).containsExactlyInAnyOrder("token", "id_token");
        assertThat(request.context().protocol().request().parameter("response_mode")).contains("fragment");
        assertThat(request.userLogin()).contains("administrator1@clouditude.net");
        assertThat(request.context().session().orElseThrow().idpId()).isEqualTo("00oq6kcVwvrDY2YsS0g3");
        assertThat(request.context().protocol().client().type()).isEqualTo("PUBLIC");
        assertThat(request.identity().orElseThrow().claims())
                .containsEntry("auth_time", 1547594229)
                .containsEntry("preferred_username", "administrator1@clouditude.net");
        assertThat(request.access().orElseThrow().claims()).containsEntry("firstName", "Add-Min");
        assertThat(request.grantedScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
        assertThat(request.refreshTokenJti()).contains("oarob4a0tckCkGcyo1d6");
    }

    @Test
    void clientCredentials() {
        TokenHookRequest request = Flow.CLIENT_CREDENTIALS.request();

        assertThat(request.eventId()).isEqualTo("kT0zq3YhRz2mXo8VvP1cWA");
        assertThat(request.context().request().method()).isEqualTo("POST");
        assertThat(request.grantType()).contains("client_credentials");
        assertThat(request.user()).isEmpty();
        assertThat(request.context().session()).isEmpty();
        assertThat(request.userLogin()).isEmpty();
        assertThat(request.identity()).isEmpty();
        assertThat(request.mints(TokenType.ID_TOKEN)).isFalse();
        assertThat(request.refreshTokenJti()).isEmpty();
        assertThat(request.context().protocol().client().type()).isEqualTo("CONFIDENTIAL");

        AccessToken access = request.access().orElseThrow();
        assertThat(access.claims().get("sub")).isEqualTo(access.claims().get("cid")).isEqualTo("0oa1svcclient9Xk5d7");
        assertThat(access.claims()).doesNotContainKey("uid");
        assertThat(access.scopes()).containsOnlyKeys("orders.read");
        assertThat(request.grantedScopes()).containsExactly("orders.read");
        assertThat(access.lifetime()).contains(Duration.ofSeconds(3600));
    }

    @Test
    void refreshTokenWithOriginalGrantAuthorization() {
        TokenHookRequest request = Flow.REFRESH_TOKEN.request();

        assertThat(request.eventId()).isEqualTo("Rf8tQ2mWS0-kLx4vYp7bNg");
        assertThat(request.source()).isEqualTo("https://example.okta.com/oauth2/default/v1/token");
        assertThat(request.context().request().method()).isEqualTo("POST");
        assertThat(request.grantType()).contains("refresh_token");
        assertThat(request.context().session()).as("no browser session on /token").isEmpty();
        assertThat(request.userLogin()).contains("isaac.brock@example.com");

        OriginalGrant original = request.context().protocol().originalGrant().orElseThrow();
        assertThat(original.authorization().responseTypes()).containsExactly("code");
        assertThat(original.authorization().scopes()).containsExactly("openid", "profile", "email", "offline_access");
        assertThat(original.authorization().parameter("state")).contains("aF3kQ9zX");
        assertThat(original.authorization().parameter("redirect_uri"))
                .contains("https://portal.example.com/authorization-code/callback");
        assertThat(original.authorization().clientId()).contains("0oa8pt1portal9Xk5d7");
        assertThat(original.refreshTokenJti()).contains("oar9k2ib7codeflow5d7");
        assertThat(request.refreshTokenJti()).contains("oar9k2ib7codeflow5d7");

        assertThat(request.identity()).as("openid was in the original scope").isPresent();
        assertThat(request.identity().orElseThrow().claims()).doesNotContainKey("nonce").containsEntry("ver", 1);
        assertThat(request.access().orElseThrow().claims()).containsEntry("uid", "00u9k2ib7XrQmW4Zt5d7");
    }

    @Test
    void refreshTokenWithLegacyOriginalGrantRequest() {
        TokenHookRequest request = Flow.REFRESH_TOKEN_LEGACY.request();

        assertThat(request.eventId()).isEqualTo("Lg2xP9cVR4-hNq7wZt1mKe");
        assertThat(request.grantType()).contains("refresh_token");
        assertThat(request.context().protocol().request().scopes()).as("no scope parameter on this refresh").isEmpty();

        OriginalGrant original = request.context().protocol().originalGrant().orElseThrow();
        assertThat(original.authorization().parameters())
                .containsEntry("redirect_uri", "com.example.orders:/callback")
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "0oa4ord3rsapp7Hk5d7");
        assertThat(original.authorization().scopes()).containsExactly("orders.read", "offline_access");
        assertThat(original.refreshTokenJti()).contains("oar4ord3rsorig01d7");
        assertThat(request.refreshTokenJti()).as("rotated refresh token").contains("oar4ord3rsrot8d02d7");

        assertThat(request.identity()).as("no openid in the original scope").isEmpty();
        assertThat(request.user().orElseThrow().profile().login()).isEqualTo("isaac.brock@example.com");
        assertThat(request.context().session()).isEmpty();
        assertThat(request.access().orElseThrow().lifetime()).contains(Duration.ofMinutes(30));
        assertThat(request.grantedScopes()).containsExactly("orders.read", "offline_access");
    }

    @Test
    void previewWithoutIdentity() {
        TokenHookRequest request = Flow.PREVIEW_WITHOUT_IDENTITY.request();

        assertThat(request.eventId()).isEqualTo("previewEventId000000000");
        assertThat(request.context().request().id()).isEqualTo("reqPreviewRequestId0000");
        assertThat(request.grantType()).contains("authorization_code");
        assertThat(request.context().protocol().request().scopes()).contains("openid");
        assertThat(request.identity()).as("Preview may omit the ID token even with openid").isEmpty();
        assertThat(request.mints(TokenType.ID_TOKEN)).isFalse();
        assertThat(request.mints(TokenType.ACCESS_TOKEN)).isTrue();
        assertThat(request.context().session()).isEmpty();
        assertThat(request.userLogin()).contains("casey.lee@example.com");
        assertThat(request.access().orElseThrow().stringClaim("external_guid"))
                .contains("00000000-0000-0000-0000-000000000000");
        assertThat(request.refreshTokenJti()).isEmpty();
    }

    @Test
    void groupsAndObjectClaims() {
        TokenHookRequest request = Flow.GROUPS_AND_OBJECT_CLAIMS.request();

        assertThat(request.eventId()).isEqualTo("b7Yx2K0sQ0uPj3m9V4rT6A");
        assertThat(request.grantType()).contains("authorization_code");
        assertThat(request.groups()).containsExactly("Everyone", "Patients", "Portal-Beta");
        Session session = request.context().session().orElseThrow();
        assertThat(session.lastFactorVerification()).isEqualTo("2024-05-02T19:11:58.000Z");
        assertThat(session.amr()).containsExactly("PASSWORD", "OTP");
        assertThat(session.mfaActive()).isTrue();

        Map<String, Object> claims = request.identity().orElseThrow().claims();
        assertThat(claims.get("employee_profile")).asInstanceOf(MAP)
                .containsExactlyEntriesOf(orderedMap("employee_id", "1234", "name", "Jessie",
                        "email", "jessie.s@example.com"));
        assertThat(claims.get("preferred_airports")).asInstanceOf(LIST).containsExactly("sjc", "lax", "sfo", "oak");
        assertThat(claims.get("auth_time")).isInstanceOf(Integer.class);
        assertThat(request.access().orElseThrow().claims()).containsEntry("external_guid",
                "F0384685-F87D-474B-848D-2058AC5655A7");
        assertThat(request.refreshTokenJti()).contains("oar1groupsflow9d7");
    }

    @Test
    void urlNamedClaims() {
        TokenHookRequest request = Flow.URL_NAMED_CLAIMS.request();

        assertThat(request.eventId()).isEqualTo("Ur1nMd4QSx-7bKp2vWz9Lc");
        assertThat(request.grantType()).contains("authorization_code");
        assertThat(request.context().protocol().issuerUri())
                .isEqualTo("https://example.okta.com/oauth2/aus5clinic0AS7Hk5d7");

        Map<String, Object> id = request.identity().orElseThrow().claims();
        assertThat(id).containsEntry("https://example.com/claims/tenant", "north-clinic");
        assertThat(id.get("https://example.com/claims/profile")).asInstanceOf(MAP)
                .containsEntry("dept/unit", "cardiology/ward-3")
                .containsEntry("on~call", Boolean.TRUE);

        Map<String, Object> access = request.access().orElseThrow().claims();
        assertThat(access.get("https://example.com/claims/roles")).asInstanceOf(LIST)
                .containsExactly("clinician", "scheduler");
        assertThat(access.get("https://example.com/~ops/flags")).asInstanceOf(MAP).containsEntry("beta/ui", true);
        assertThat(access).containsEntry("urn:example:legacy~id", "L-20417")
                .containsEntry("aud", "https://api.example.com/clinic");
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Every map and list in the claims, at any depth, refuses changes. */
    private static void assertDeeplyReadOnly(Object value) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            assertThatThrownBy(() -> typed.put("added", "x")).isInstanceOf(UnsupportedOperationException.class);
            if (!map.isEmpty()) {
                Object anyKey = map.keySet().iterator().next();
                assertThatThrownBy(() -> typed.remove(anyKey)).isInstanceOf(UnsupportedOperationException.class);
            }
            map.values().forEach(RequestFixturesTest::assertDeeplyReadOnly);
        } else if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> typed = (List<Object>) list;
            assertThatThrownBy(() -> typed.add("x")).isInstanceOf(UnsupportedOperationException.class);
            if (!list.isEmpty()) {
                assertThatThrownBy(() -> typed.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
            }
            list.forEach(RequestFixturesTest::assertDeeplyReadOnly);
        }
    }

    @Test
    void optionalPartsAreEmptyNotNull() {
        for (Flow flow : Flow.values()) {
            TokenHookRequest request = flow.request();
            assertThat(request.identity()).isNotNull();
            assertThat(request.context().protocol().originalGrant()).isNotNull();
            assertThat(request.context().protocol().originalGrant().isPresent())
                    .as(flow + " has an original grant only for refresh grants")
                    .isEqualTo(flow == Flow.REFRESH_TOKEN || flow == Flow.REFRESH_TOKEN_LEGACY);
            assertThat(request.refreshTokenJti()).isNotEqualTo(Optional.of(""));
        }
    }
}
