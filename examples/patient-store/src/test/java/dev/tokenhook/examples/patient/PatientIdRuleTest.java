package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.Operation;
import dev.tokenhook.core.patch.PatchOperation;
import dev.tokenhook.core.patch.TokenPatch;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.RuleStatus;
import dev.tokenhook.core.rule.TokenHook;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PatientIdRuleTest {

    /** Authorization code flow: a user, an ID token and an access token. */
    private static final String USER_WITH_ID_TOKEN = """
            {
              "eventId": "evt-auth-code",
              "eventType": "com.okta.oauth2.tokens.transform",
              "source": "https://example.okta.com/oauth2/default/v1/authorize",
              "data": {
                "context": {
                  "protocol": {
                    "request": {"response_type": "code", "scope": "openid profile", "client_id": "app"},
                    "client": {"id": "app"}
                  },
                  "user": {
                    "id": "00u1",
                    "profile": {"login": "%s", "firstName": "Test", "lastName": "User"}
                  }
                },
                "identity": {
                  "claims": {"sub": "00u1", "preferred_username": "%<s"},
                  "token": {"lifetime": {"expiration": 3600}}
                },
                "access": {
                  "claims": {"sub": "%<s", "uid": "00u1"},
                  "token": {"lifetime": {"expiration": 3600}},
                  "scopes": {"openid": {"id": "scp1", "action": "GRANT"}}
                }
              }
            }
            """;

    /** Client credentials: no user, no ID token, an access token only. */
    private static final String CLIENT_CREDENTIALS = """
            {
              "eventId": "evt-client-credentials",
              "eventType": "com.okta.oauth2.tokens.transform",
              "source": "https://example.okta.com/oauth2/default/v1/token",
              "data": {
                "context": {
                  "protocol": {
                    "request": {"grant_type": "client_credentials", "scope": "orders.read", "client_id": "svc"},
                    "client": {"id": "svc"}
                  }
                },
                "access": {
                  "claims": {"sub": "svc", "cid": "svc"},
                  "token": {"lifetime": {"expiration": 3600}},
                  "scopes": {"orders.read": {"id": "scp2", "action": "GRANT"}}
                }
              }
            }
            """;

    /** response_type=token: a patient is signing in, but only an access token is minted. */
    private static final String USER_WITHOUT_ID_TOKEN = """
            {
              "eventId": "evt-access-only",
              "eventType": "com.okta.oauth2.tokens.transform",
              "data": {
                "context": {
                  "protocol": {"request": {"response_type": "token", "scope": "orders.read", "client_id": "spa"}},
                  "user": {"id": "00u2", "profile": {"login": "isaac.brock@example.com"}}
                },
                "access": {
                  "claims": {"sub": "isaac.brock@example.com", "uid": "00u2"},
                  "token": {"lifetime": {"expiration": 3600}}
                }
              }
            }
            """;

    /** No user object, but an ID token whose preferred_username is a patient's login. */
    private static final String ID_TOKEN_WITHOUT_USER = """
            {
              "eventId": "evt-no-user",
              "eventType": "com.okta.oauth2.tokens.transform",
              "data": {
                "context": {"protocol": {"request": {"response_type": "id_token", "client_id": "app"}}},
                "identity": {
                  "claims": {"sub": "00u3", "preferred_username": "jane.roe@example.com"},
                  "token": {"lifetime": {"expiration": 3600}}
                }
              }
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PooledPatientStore pooled;
    private static PatientIdRule rule;

    @BeforeAll
    static void openSeededDatabase() {
        pooled = TestDatabases.freshSeededStore();
        rule = new PatientIdRule(pooled.store());
    }

    @AfterAll
    static void closePool() {
        pooled.close();
    }

    private static TokenHookRequest request(String json) {
        return TokenHookRequest.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    private static TokenHookRequest signIn(String login) {
        return request(USER_WITH_ID_TOKEN.formatted(login));
    }

    private static TokenPatch apply(TokenHookRequest request) {
        TokenPatch patch = new TokenPatch();
        rule.apply(request, patch);
        return patch;
    }

    @Test
    void isNamedPatientId() {
        assertThat(rule.name()).isEqualTo("patient-id");
    }

    @Test
    void addsThePatientIdToTheIdTokenOfAPatient() {
        TokenPatch patch = apply(signIn("isaac.brock@example.com"));

        assertThat(patch.operations()).singleElement().satisfies(op -> {
            assertThat(op.token()).isEqualTo(TokenType.ID_TOKEN);
            assertThat(op.op()).isEqualTo(Operation.ADD);
            assertThat(op.path()).isEqualTo("/claims/extPatientId");
            assertThat(op.value()).isInstanceOf(String.class).isEqualTo("1234");
        });
        assertThat(patch.denial()).isEmpty();
        assertThat(patch.debugContext()).isEmpty();
    }

    @Test
    void matchesThePatientsLoginIgnoringCase() {
        assertThat(apply(signIn("Maria.Garcia@Example.COM")).operations())
                .extracting(PatchOperation::value)
                .containsExactly("9012");
    }

    @Test
    void writesNothingForAUserWhoIsNoPatient() {
        assertThat(apply(signIn("john.doe@example.com")).isEmpty()).isTrue();
    }

    @Test
    void writesNothingWithoutAUser() {
        TokenHookRequest clientCredentials = request(CLIENT_CREDENTIALS);
        assertThat(clientCredentials.user()).isEmpty();

        assertThat(apply(clientCredentials).isEmpty()).isTrue();
    }

    @Test
    void writesNothingWithoutAUserEvenIfTheIdTokenNamesAPatient() {
        TokenHookRequest request = request(ID_TOKEN_WITHOUT_USER);
        assertThat(request.userLogin()).contains("jane.roe@example.com");

        assertThat(apply(request).isEmpty()).isTrue();
    }

    @Test
    void writesNothingWhenNoIdTokenIsMinted() {
        TokenHookRequest request = request(USER_WITHOUT_ID_TOKEN);
        assertThat(request.mints(TokenType.ID_TOKEN)).isFalse();

        assertThat(apply(request).isEmpty()).isTrue();
    }

    @Test
    void theEngineAnswersOktaWithTheIdTokenPatch() throws Exception {
        try (TokenHook hook = TokenHook.builder().rule(rule).build()) {
            HookResult result = hook.process(signIn("jane.roe@example.com"));

            assertThat(result.rules()).singleElement().satisfies(outcome -> {
                assertThat(outcome.rule()).isEqualTo("patient-id");
                assertThat(outcome.status()).isEqualTo(RuleStatus.APPLIED);
            });
            JsonNode expected = JSON.readTree("""
                    {
                      "commands": [
                        {
                          "type": "com.okta.identity.patch",
                          "value": [
                            {"op": "add", "path": "/claims/extPatientId", "value": "5678"}
                          ]
                        }
                      ]
                    }
                    """);
            assertThat(JSON.readTree(result.response().toJson())).isEqualTo(expected);
        }
    }

    @Test
    void theEngineAnswersNoChangeForClientCredentials() throws Exception {
        try (TokenHook hook = TokenHook.builder().rule(rule).build()) {
            HookResult result = hook.process(request(CLIENT_CREDENTIALS));

            assertThat(result.rules()).singleElement()
                    .satisfies(outcome -> assertThat(outcome.status()).isEqualTo(RuleStatus.NO_CHANGE));
            assertThat(JSON.readTree(result.response().toJson())).isEqualTo(JSON.readTree("{}"));
        }
    }
}
