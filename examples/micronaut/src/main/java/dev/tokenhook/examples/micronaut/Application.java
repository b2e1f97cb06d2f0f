package dev.tokenhook.examples.micronaut;

import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.config.ConfigException;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/**
 * Starts the example: the token hook at {@code /okta/token-hook} on port {@code PORT} (8080), accepting
 * the shared secret in {@code TOKENHOOK_AUTH_SECRET} and/or Okta's OAuth 2.0 bearer tokens
 * ({@code TOKENHOOK_AUTH_OAUTH2_ISSUER}, {@code TOKENHOOK_AUTH_OAUTH2_AUDIENCE}). With neither it refuses to start.
 */
public final class Application {

    /** The environment variable holding the exact {@code Authorization} value Okta sends. */
    static final String SECRET_VARIABLE = "TOKENHOOK_AUTH_SECRET";

    private Application() {
    }

    /**
     * @param args Micronaut's command line (e.g. {@code -micronaut.server.port=9090})
     */
    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .propertySources(secretFrom(System.getenv()))
                .mapError(BeanInstantiationException.class, Application::refuse)
                .start();
    }

    /**
     * @param environment the environment variables
     * @return {@code tokenhook.auth.header.secrets} from {@code TOKENHOOK_AUTH_SECRET} when that is set and not
     *     blank; otherwise nothing, so OAuth 2.0 alone may authenticate (hook-core still refuses a configured
     *     secret that is blank). Below the environment variables, so {@code TOKENHOOK_AUTH_HEADER_SECRETS} wins.
     */
    static PropertySource secretFrom(Map<String, String> environment) {
        String secret = environment.get(SECRET_VARIABLE);
        return PropertySource.of(SECRET_VARIABLE, secret == null || secret.isBlank()
                ? Map.<String, Object>of() : Map.<String, Object>of("tokenhook.auth.header.secrets", secret),
                EnvironmentPropertySource.POSITION - 50); // above application.properties (-300)
    }

    /** One clear line before Micronaut's own report; the exit status is 1. */
    private static Integer refuse(BeanInstantiationException e) {
        System.err.println(refusal(e));
        return 1;
    }

    /**
     * @param failure why the application context could not start
     * @return the line naming what to set
     */
    static String refusal(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (cause instanceof MissingAuthenticationException) {
            message = "the token hook has no authentication: set " + SECRET_VARIABLE + " to the exact Authorization"
                    + " value Okta sends, or TOKENHOOK_AUTH_OAUTH2_ISSUER and TOKENHOOK_AUTH_OAUTH2_AUDIENCE for Okta's"
                    + " OAuth 2.0 bearer tokens";
        } else if (cause instanceof ConfigException) {
            message = message + ". This example sets tokenhook.auth.header.secrets from " + SECRET_VARIABLE
                    + " when that is set.";
        }
        return "example-micronaut refuses to start: " + message;
    }
}
