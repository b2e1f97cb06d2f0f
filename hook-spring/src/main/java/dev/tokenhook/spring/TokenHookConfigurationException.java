package dev.tokenhook.spring;

/**
 * The token hook cannot start as configured. Spring Boot reports it as "APPLICATION FAILED TO START"
 * with {@link #action()} as the action to take.
 */
public final class TokenHookConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    private TokenHookConfigurationException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** @return what the user should change */
    public String action() {
        return action;
    }

    static TokenHookConfigurationException noAuthentication() {
        return new TokenHookConfigurationException("The token hook has no authentication configured: "
                + "tokenhook.auth.header.secrets is empty, tokenhook.auth.oauth2.issuer is not set and there is no "
                + "HookAuthenticator bean. Anyone who can reach the hook could shape your tokens' claims, so it "
                + "refuses to start.",
                "Set tokenhook.auth.header.secrets to the secret Okta sends in the tokenhook.auth.header.name header "
                        + "(default Authorization), e.g. from an environment variable; or set tokenhook.auth.oauth2.issuer "
                        + "and tokenhook.auth.oauth2.audience; or define a HookAuthenticator bean. Only for tests or a "
                        + "network where nothing but Okta can reach the hook: set "
                        + "tokenhook.auth.allow-unauthenticated=true.",
                null);
    }

    static TokenHookConfigurationException oauth2WithoutNimbus() {
        return new TokenHookConfigurationException("The token hook is configured for OAuth 2.0 "
                + "(tokenhook.auth.oauth2.issuer is set), but com.nimbusds:nimbus-jose-jwt, which verifies the "
                + "tokens, is not on the class path.",
                "Add the dependency com.nimbusds:nimbus-jose-jwt (version 10.x), or unset "
                        + "tokenhook.auth.oauth2.issuer to authenticate Okta with tokenhook.auth.header.secrets only.",
                null);
    }

    static TokenHookConfigurationException invalid(RuntimeException cause) {
        return new TokenHookConfigurationException("Invalid token hook configuration: " + cause.getMessage(),
                "Correct the tokenhook.* property named above.", cause);
    }
}
