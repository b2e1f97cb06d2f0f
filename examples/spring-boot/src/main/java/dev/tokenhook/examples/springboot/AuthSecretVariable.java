package dev.tokenhook.examples.springboot;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Hands {@code TOKENHOOK_AUTH_SECRET}, when it is set and not blank, to the hook as
 * {@code tokenhook.auth.header.secrets}. Unset, no secret is configured at all, so the hook may run on OAuth 2.0
 * alone ({@code TOKENHOOK_AUTH_OAUTH2_*}); hook-core still refuses a configured secret that is blank.
 */
final class AuthSecretVariable implements EnvironmentPostProcessor {

    static final String VARIABLE = "TOKENHOOK_AUTH_SECRET";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String secret = environment.getProperty(VARIABLE);
        if (secret != null && !secret.isBlank()) { // lowest precedence: tokenhook.auth.header.secrets itself wins
            environment.getPropertySources().addLast(
                    new MapPropertySource(VARIABLE, Map.of("tokenhook.auth.header.secrets", secret)));
        }
    }
}
