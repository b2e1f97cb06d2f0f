package dev.tokenhook.examples.micronaut;

import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.config.ConfigException;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.runtime.Micronaut;

/**
 * Starts the example: the token hook at {@code /okta/token-hook} on port {@code PORT} (8080), accepting
 * the shared secret in {@code TOKENHOOK_AUTH_SECRET}. Without a secret it refuses to start.
 */
public final class Application {

    private Application() {
    }

    /**
     * @param args Micronaut's command line (e.g. {@code -micronaut.server.port=9090})
     */
    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .mapError(BeanInstantiationException.class, Application::refuse)
                .start();
    }

    /** One clear line before Micronaut's own report; the exit status is 1. */
    private static Integer refuse(BeanInstantiationException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (cause instanceof MissingAuthenticationException || cause instanceof ConfigException) {
            message = message + ". This example reads tokenhook.auth.header.secrets from TOKENHOOK_AUTH_SECRET.";
        }
        System.err.println("example-micronaut refuses to start: " + message);
        return 1;
    }
}
