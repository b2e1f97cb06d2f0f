package dev.tokenhook.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedSecretAuthenticatorTest {

    private final SharedSecretAuthenticator rotating =
            new SharedSecretAuthenticator("X-Okta-Secret", List.of("old-secret-value", "new-secret-value"));

    private static HookHeaders headers(String name, String... values) {
        return HookHeaders.of(Map.of(name, List.of(values)));
    }

    @Test
    void acceptsEveryConfiguredSecretForRotation() {
        assertThat(rotating.authenticate(headers("X-Okta-Secret", "old-secret-value")).authenticated()).isTrue();
        assertThat(rotating.authenticate(headers("x-okta-secret", "new-secret-value")).authenticated()).isTrue();
    }

    @Test
    void refusesWrongMissingPrefixedAndRepeatedValues() {
        assertThat(rotating.authenticate(headers("X-Okta-Secret", "new-secret-valu")).authenticated()).isFalse();
        assertThat(rotating.authenticate(headers("X-Okta-Secret", "new-secret-value ")).authenticated()).isFalse();
        assertThat(rotating.authenticate(headers("X-Okta-Secret", "")).authenticated()).isFalse();
        assertThat(rotating.authenticate(headers("Authorization", "new-secret-value")).authenticated()).isFalse();
        assertThat(rotating.authenticate(headers("X-Okta-Secret", "new-secret-value", "new-secret-value"))
                .authenticated()).isFalse();
    }

    @Test
    void failureDetailNamesTheHeaderButNeverTheValue() {
        AuthResult result = rotating.authenticate(headers("X-Okta-Secret", "guess-123"));

        assertThat(result.detail()).contains("X-Okta-Secret").doesNotContain("guess-123").doesNotContain("secret-value");
    }

    @Test
    void basicAuthValueIsComparedWhole() {
        SharedSecretAuthenticator basic = SharedSecretAuthenticator.authorizationHeader("Basic dXNlcjpwYXNz");

        assertThat(basic.authenticate(headers("authorization", "Basic dXNlcjpwYXNz")).authenticated()).isTrue();
        assertThat(basic.authenticate(headers("authorization", "dXNlcjpwYXNz")).authenticated()).isFalse();
        assertThat(basic.headerName()).isEqualTo("Authorization");
    }

    @Test
    void refusesEmptyConfiguration() {
        assertThatThrownBy(() -> new SharedSecretAuthenticator("Authorization", List.of()))
                .hasMessageContaining("tokenhook.auth.header.secrets");
        assertThatThrownBy(() -> new SharedSecretAuthenticator("Authorization", List.of(" ")))
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new SharedSecretAuthenticator(" ", List.of("s")))
                .hasMessageContaining("tokenhook.auth.header.name");
    }

    @Test
    void anyOfAcceptsWhenOneAccepts() {
        HookAuthenticator either = HookAuthenticator.anyOf(List.of(
                SharedSecretAuthenticator.authorizationHeader("a-secret"), rotating));

        assertThat(either.authenticate(headers("X-Okta-Secret", "old-secret-value")).authenticated()).isTrue();
        AuthResult none = either.authenticate(headers("X-Other", "x"));
        assertThat(none.authenticated()).isFalse();
        assertThat(none.detail()).contains("Authorization").contains("X-Okta-Secret");
        assertThatThrownBy(() -> HookAuthenticator.anyOf(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnsetSecretGetsAPreciseMessageNotANullPointerException() {
        assertThatThrownBy(() -> SharedSecretAuthenticator.authorizationHeader(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The shared secret is null (an unset environment variable?)");
        assertThatThrownBy(() -> SharedSecretAuthenticator.authorizationHeader(" "))
                .hasMessageContaining("blank");
    }
}
