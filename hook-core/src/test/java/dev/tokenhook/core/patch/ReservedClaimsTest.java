package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReservedClaimsTest {

    /** SPEC 6.1: the union of Okta's ID-token, access-token and both-token lists (reserved-claims.json). */
    private static final Set<String> UNION = Set.of(
            "acr", "active", "aid", "amr", "app_id", "app_type", "as_uri", "at_hash", "aud", "auth_time",
            "authorization_details", "c_hash", "cid", "client_id", "client_ip", "client_req_id", "client_type",
            "client_user_agent", "cnf", "device_compliance", "device_id", "device_known", "device_managed",
            "device_name", "device_trust", "did", "dst", "exp", "group", "groups", "hotk", "iat", "idp", "idp_iss",
            "iss", "jti", "mac_key", "may_act", "nonce", "oid", "okta_emailVerified", "okta_lastUpdated", "orig",
            "permissions", "purpose", "pwd_exp_days", "pwd_exp_time", "rid", "role", "rpt", "rsi", "scope", "scopes",
            "scp", "sid", "sub", "term", "token_type", "uid", "user_ip", "username", "ver");

    @Test
    void defaultsRefuseTheUnionInBothTokensExceptAccessTokenAudAndSub() {
        ReservedClaims defaults = ReservedClaims.defaults();
        Set<String> access = new HashSet<>(UNION);
        access.removeAll(Set.of("aud", "sub"));

        assertThat(UNION).hasSize(62);
        assertThat(defaults.names(TokenType.ID_TOKEN)).containsExactlyInAnyOrderElementsOf(UNION);
        assertThat(defaults.names(TokenType.ACCESS_TOKEN)).containsExactlyInAnyOrderElementsOf(access);
        assertThat(defaults.isReserved(TokenType.ID_TOKEN, "aud")).isTrue();
        assertThat(defaults.isReserved(TokenType.ID_TOKEN, "sub")).isTrue();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "aud")).isFalse();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "sub")).isFalse();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "amr")).as("amr moved between tokens in 2023").isTrue();
        assertThat(defaults.isReserved(TokenType.ID_TOKEN, "birthdate")).isFalse();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "Groups")).as("names are case-sensitive").isFalse();
        assertThat(ReservedClaims.defaults()).isSameAs(defaults);
    }

    @Test
    void allowAndReserveReturnChangedCopies() {
        ReservedClaims defaults = ReservedClaims.defaults();

        ReservedClaims allowed = defaults.allow(TokenType.ID_TOKEN, "groups");
        ReservedClaims reserved = defaults.reserve(TokenType.ACCESS_TOKEN, "tenant");

        assertThat(allowed.isReserved(TokenType.ID_TOKEN, "groups")).isFalse();
        assertThat(allowed.isReserved(TokenType.ACCESS_TOKEN, "groups")).isTrue();
        assertThat(allowed.names(TokenType.ID_TOKEN)).hasSize(61);
        assertThat(reserved.isReserved(TokenType.ACCESS_TOKEN, "tenant")).isTrue();
        assertThat(reserved.isReserved(TokenType.ID_TOKEN, "tenant")).isFalse();
        assertThat(defaults.isReserved(TokenType.ID_TOKEN, "groups")).as("defaults unchanged").isTrue();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "tenant")).isFalse();
        assertThat(defaults.allow(TokenType.ID_TOKEN, "not-reserved").names(TokenType.ID_TOKEN))
                .isEqualTo(defaults.names(TokenType.ID_TOKEN));
        assertThat(defaults.reserve(TokenType.ID_TOKEN, "iss").names(TokenType.ID_TOKEN))
                .isEqualTo(defaults.names(TokenType.ID_TOKEN));
    }

    @Test
    void explicitLists() {
        ReservedClaims claims = ReservedClaims.of(List.of("a", "b"), List.of("c"));

        assertThat(claims.names(TokenType.ID_TOKEN)).containsExactlyInAnyOrder("a", "b");
        assertThat(claims.names(TokenType.ACCESS_TOKEN)).containsExactly("c");
        assertThat(ReservedClaims.of(List.of(), List.of()).isReserved(TokenType.ID_TOKEN, "iss")).isFalse();
    }

    @Test
    void namesAreReadOnly() {
        assertThatThrownBy(() -> ReservedClaims.defaults().names(TokenType.ID_TOKEN).remove("iss"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ReservedClaims.of(new java.util.ArrayList<>(List.of("a")), List.of())
                .names(TokenType.ID_TOKEN).add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
