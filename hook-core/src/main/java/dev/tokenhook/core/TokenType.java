package dev.tokenhook.core;

/** The two tokens a token inline hook can patch, with the command type Okta expects for each. */
public enum TokenType {
    /** The OpenID Connect ID token ({@code data.identity}). */
    ID_TOKEN("com.okta.identity.patch", "id_token"),
    /** The OAuth 2.0 access token ({@code data.access}). */
    ACCESS_TOKEN("com.okta.access.patch", "access_token");

    private final String commandType;
    private final String label;

    TokenType(String commandType, String label) {
        this.commandType = commandType;
        this.label = label;
    }

    /** @return the {@code commands[].type} value for this token */
    public String commandType() {
        return commandType;
    }

    /** @return the OAuth name of the token, as used in messages and logs ({@code id_token}, {@code access_token}) */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
