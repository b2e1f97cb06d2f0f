package dev.tokenhook.core;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code data.context}: read-only facts about the token request. Nothing here can be patched.
 *
 * @param request the HTTP request Okta is processing
 * @param protocol the OAuth request, issuer and client
 * @param session the user's Okta session, absent for machine flows
 * @param user the user the tokens are for, absent for client credentials
 * @param policy the access policy and rule that called the hook
 */
public record HookContext(
        OktaRequest request,
        Protocol protocol,
        Optional<Session> session,
        Optional<User> user,
        Policy policy) {

    /** An empty context, for requests that carry none. */
    public static final HookContext EMPTY = new HookContext(
            OktaRequest.EMPTY, Protocol.EMPTY, Optional.empty(), Optional.empty(), Policy.EMPTY);

    /** Checks no component is null. */
    public HookContext {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(policy, "policy");
    }
}
