package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReservedClaimsTest {

    /** SPEC §6.1, Okta's table (S2 @ 58f3aed8c7): reserved in the ID token only. */
    private static final Set<String> ID_TOKEN_ONLY = Set.of(
            "active", "aid", "amr", "app_id", "app_type", "at_hash", "aud", "c_hash", "client_id", "client_ip",
            "client_req_id", "client_type", "client_user_agent", "device_compliance", "device_id", "device_known",
            "device_managed", "device_name", "device_trust", "did", "dst", "group", "hotk", "idp", "idp_iss",
            "mac_key", "may_act", "nonce", "oid", "okta_emailVerified", "okta_lastUpdated", "orig", "permissions",
            "purpose", "pwd_exp_days", "pwd_exp_time", "rid", "role", "scope", "scopes", "sub", "term", "user_ip");
    /** Reserved in the access token only. */
    private static final Set<String> ACCESS_TOKEN_ONLY = Set.of(
            "as_uri", "authorization_details", "rpt", "rsi", "scp", "uid", "username");
    /** Reserved in both; {@code cnf} read conservatively (Okta: access token only with DPoP). */
    private static final Set<String> BOTH = Set.of(
            "acr", "auth_time", "cid", "exp", "groups", "iat", "iss", "jti", "sid", "token_type", "ver", "cnf");

    @Test
    void defaultsAreOktasTablePerToken() {
        ReservedClaims defaults = ReservedClaims.defaults();
        Set<String> id = new HashSet<>(ID_TOKEN_ONLY);
        id.addAll(BOTH);
        Set<String> access = new HashSet<>(ACCESS_TOKEN_ONLY);
        access.addAll(BOTH);

        assertThat(ID_TOKEN_ONLY).hasSize(43);
        assertThat(defaults.names(TokenType.ID_TOKEN)).containsExactlyInAnyOrderElementsOf(id);
        assertThat(defaults.names(TokenType.ACCESS_TOKEN)).containsExactlyInAnyOrderElementsOf(access);
        assertThat(ReservedClaims.defaults()).isSameAs(defaults);
    }

    @Test
    void rolePermissionsScopeAndAmrMayGoIntoTheAccessTokenButNotTheIdToken() {
        ReservedClaims defaults = ReservedClaims.defaults();

        for (String claim : List.of("role", "permissions", "scope", "scopes", "amr", "group", "idp", "client_id",
                "nonce", "device_id")) {
            assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, claim)).as(claim).isFalse();
            assertThat(defaults.isReserved(TokenType.ID_TOKEN, claim)).as(claim).isTrue();
        }
        for (String claim : ACCESS_TOKEN_ONLY) {
            assertThat(defaults.isReserved(TokenType.ID_TOKEN, claim)).as(claim).isFalse();
            assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, claim)).as(claim).isTrue();
        }
    }

    @Test
    void audAndSubAreReservedInTheIdTokenOnlyAndCnfInBoth() {
        ReservedClaims defaults = ReservedClaims.defaults();

        assertThat(defaults.isReserved(TokenType.ID_TOKEN, "aud")).isTrue();
        assertThat(defaults.isReserved(TokenType.ID_TOKEN, "sub")).isTrue();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "aud")).isFalse();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "sub")).isFalse();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "cnf")).as("DPoP read conservatively").isTrue();
        assertThat(defaults.isReserved(TokenType.ID_TOKEN, "birthdate")).isFalse();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "Groups")).as("names are case-sensitive").isFalse();
    }

    @Test
    void allowAndReserveReturnChangedCopies() {
        ReservedClaims defaults = ReservedClaims.defaults();

        ReservedClaims allowed = defaults.allow(TokenType.ID_TOKEN, "groups", "role");
        ReservedClaims reserved = defaults.reserve(TokenType.ACCESS_TOKEN, "tenant", "amr");

        assertThat(allowed.isReserved(TokenType.ID_TOKEN, "groups")).isFalse();
        assertThat(allowed.isReserved(TokenType.ID_TOKEN, "role")).isFalse();
        assertThat(allowed.isReserved(TokenType.ACCESS_TOKEN, "groups")).isTrue();
        assertThat(allowed.names(TokenType.ID_TOKEN)).hasSize(defaults.names(TokenType.ID_TOKEN).size() - 2);
        assertThat(reserved.isReserved(TokenType.ACCESS_TOKEN, "tenant")).isTrue();
        assertThat(reserved.isReserved(TokenType.ACCESS_TOKEN, "amr")).isTrue();
        assertThat(reserved.isReserved(TokenType.ID_TOKEN, "tenant")).isFalse();
        assertThat(defaults.isReserved(TokenType.ID_TOKEN, "groups")).as("defaults unchanged").isTrue();
        assertThat(defaults.isReserved(TokenType.ACCESS_TOKEN, "tenant")).isFalse();
        assertThat(defaults.allow(TokenType.ID_TOKEN, "not-reserved")).isEqualTo(defaults);
        assertThat(defaults.reserve(TokenType.ID_TOKEN, "iss")).isEqualTo(defaults);
        assertThatThrownBy(() -> defaults.allow(TokenType.ID_TOKEN, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
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
