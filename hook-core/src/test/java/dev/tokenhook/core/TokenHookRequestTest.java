package dev.tokenhook.core;

import static dev.tokenhook.core.SampleRequests.decode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conveniences on {@link TokenHookRequest} that interpret what Okta sent. */
class TokenHookRequestTest {

    private static TokenHookRequest withProtocolRequest(String members) {
        return decode("{\"data\": {\"context\": {\"protocol\": {\"request\": {" + members + "}}}}}");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", nullValues = "-", textBlock = """
            "response_type": "code"                                         => authorization_code
            "response_type": " code "                                       => authorization_code
            "response_type": "code id_token"                                => implicit
            "response_type": "token id_token"                               => implicit
            "response_type": "id_token"                                     => implicit
            "response_type": "token"                                        => implicit
            "response_type": ""                                             => -
            "scope": "openid"                                               => -
            "grant_type": "client_credentials"                              => client_credentials
            "grant_type": "refresh_token", "response_type": "code"          => refresh_token
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code"    => urn:ietf:params:oauth:grant-type:device_code
            """)
    void grantTypeIsSentOrInferredFromTheResponseType(String members, String grantType) {
        assertThat(withProtocolRequest(members).grantType()).isEqualTo(java.util.Optional.ofNullable(grantType));
    }

    @Test
    void scopesAndResponseTypesAreSets() {
        ProtocolRequest request = withProtocolRequest(
                "\"scope\": \" openid  profile openid\\temail \", \"response_type\": \"token id_token token\"")
                .context().protocol().request();

        assertThat(request.scopes()).containsExactly("openid", "profile", "email");
        assertThat(request.responseTypes()).containsExactly("token", "id_token");
        assertThat(withProtocolRequest("\"scope\": \"   \"").context().protocol().request().scopes()).isEmpty();
    }

    @Test
    void grantedScopesFallBackToTheRequestedScope() {
        assertThat(withProtocolRequest("\"scope\": \"openid email\"").grantedScopes())
                .containsExactly("openid", "email");
        assertThat(decode("""
                {"data": {"context": {"protocol": {"request": {"scope": "openid email"}}},
                          "access": {"scopes": {"orders.read": {"id": "s1", "action": "GRANT"}}}}}""")
                .grantedScopes()).containsExactly("orders.read");
    }

    @Test
    void userLoginFallsBackToPreferredUsername() {
        assertThat(decode("""
                {"data": {"context": {"user": {"profile": {"login": "a@example.com"}}},
                          "identity": {"claims": {"preferred_username": "b@example.com"}}}}""")
                .userLogin()).contains("a@example.com");
        assertThat(decode("""
                {"data": {"context": {"user": {"profile": {"login": " "}}},
                          "identity": {"claims": {"preferred_username": "b@example.com"}}}}""")
                .userLogin()).contains("b@example.com");
        assertThat(decode("""
                {"data": {"context": {"user": {}}, "identity": {"claims": {"preferred_username": 5}}}}""")
                .userLogin()).isEmpty();
    }

    @Test
    void clientIdFallsBackToTheParameter() {
        assertThat(withProtocolRequest("\"client_id\": \"0oaParam\"").clientId()).contains("0oaParam");
        assertThat(decode("""
                {"data": {"context": {"protocol": {"request": {"client_id": "0oaParam"}, "client": {"id": "0oaClient"}}}}}""")
                .clientId()).contains("0oaClient");
    }

    @Test
    void groupsFromTheIdTokenElseTheAccessToken() {
        assertThat(decode("""
                {"data": {"identity": {"claims": {"groups": ["A", 1, "B"]}},
                          "access": {"claims": {"groups": ["C"]}}}}""").groups()).containsExactly("A", "B");
        assertThat(decode("""
                {"data": {"identity": {"claims": {}}, "access": {"claims": {"groups": ["C"]}}}}""").groups())
                .containsExactly("C");
        assertThat(decode("""
                {"data": {"access": {"claims": {"groups": "C"}}}}""").groups()).isEmpty();
    }

    @Test
    void tokenByType() {
        TokenHookRequest request = decode("{\"data\": {\"access\": {\"claims\": {\"cid\": \"0oa1\"}}}}");

        assertThat(request.token(TokenType.ACCESS_TOKEN)).hasValueSatisfying(
                t -> assertThat(t.stringClaim("cid")).contains("0oa1"));
        assertThat(request.token(TokenType.ID_TOKEN)).isEmpty();
        assertThat(request.access().orElseThrow().stringClaim("missing")).isEmpty();
    }
}
