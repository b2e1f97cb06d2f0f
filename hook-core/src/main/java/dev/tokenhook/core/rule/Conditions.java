package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Conditions on the request for {@link ClaimRule#when(Predicate)}. Combine them with
 * {@link Predicate#and(Predicate)}, {@link Predicate#or(Predicate)} and {@link Predicate#negate()}.
 */
public final class Conditions {

    private Conditions() {
    }

    /** @return true when a user is bound to the request (not client credentials) */
    public static Predicate<TokenHookRequest> userPresent() {
        return request -> request.user().isPresent();
    }

    /**
     * @param logins user logins, compared ignoring case
     * @return true when the user's login is one of them
     */
    public static Predicate<TokenHookRequest> userLoginIn(String... logins) {
        Set<String> wanted = Arrays.stream(logins).map(String::toLowerCase).collect(java.util.stream.Collectors.toSet());
        return request -> request.userLogin().map(login -> wanted.contains(login.toLowerCase())).orElse(false);
    }

    /**
     * @param group a group name
     * @return true when the {@code groups} claim of either token contains it
     */
    public static Predicate<TokenHookRequest> inGroup(String group) {
        return request -> request.groups().contains(group);
    }

    /**
     * @param clientIds OAuth client ids
     * @return true when the request's client is one of them
     */
    public static Predicate<TokenHookRequest> clientIdIn(String... clientIds) {
        Set<String> wanted = Set.of(clientIds);
        return request -> request.clientId().map(wanted::contains).orElse(false);
    }

    /**
     * @param scope a scope name
     * @return true when the scope is granted (or, without an access token, requested)
     */
    public static Predicate<TokenHookRequest> hasScope(String scope) {
        return request -> request.grantedScopes().contains(scope);
    }

    /**
     * @param grantTypes grant types, e.g. {@code authorization_code}, {@code client_credentials},
     *     {@code refresh_token}, {@code implicit} (see {@link TokenHookRequest#grantType()})
     * @return true when the request's grant is one of them
     */
    public static Predicate<TokenHookRequest> grantTypeIn(String... grantTypes) {
        Set<String> wanted = Set.of(grantTypes);
        return request -> request.grantType().map(wanted::contains).orElse(false);
    }

    /** @return true when Okta is minting an ID token */
    public static Predicate<TokenHookRequest> mintsIdToken() {
        return request -> request.mints(TokenType.ID_TOKEN);
    }

    /** @return true when Okta is minting an access token */
    public static Predicate<TokenHookRequest> mintsAccessToken() {
        return request -> request.mints(TokenType.ACCESS_TOKEN);
    }
}
