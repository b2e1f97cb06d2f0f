package dev.tokenhook.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.config.ConfigException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one nimbus-jose-jwt presence check, hook-core's, which every adapter relies on: hook-core's classes
 * are loaded again by a class loader that cannot see {@code com.nimbusds}, as in an application that
 * configured OAuth 2.0 but forgot the dependency.
 */
class NimbusPresenceCheckTest {

    @Test
    void oauth2WithoutNimbusNamesTheKeyAndTheDependencyToAdd() throws Exception {
        URL core = OAuth2Settings.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader parent = NimbusPresenceCheckTest.class.getClassLoader();
        try (URLClassLoader withoutNimbus = new URLClassLoader(new URL[] {core}, parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("com.nimbusds.")) {
                    throw new ClassNotFoundException(name);
                }
                if (name.startsWith("dev.tokenhook.core.")) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : findClass(name);
                    }
                }
                return super.loadClass(name, resolve);
            }
        }) {
            Class<?> config = withoutNimbus.loadClass("dev.tokenhook.core.http.TokenHookConfig");
            Object settings = config.getMethod("fromProperties", Map.class).invoke(null, Map.of(
                    "tokenhook.auth.oauth2.issuer", "https://example.okta.com/oauth2/default",
                    "tokenhook.auth.oauth2.audience", "api://tokenhook"));
            Method endpoint = config.getMethod("endpoint", List.class);

            assertThatThrownBy(() -> endpoint.invoke(settings, List.of()))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause()
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(ConfigException.class.getName()))
                    .hasMessageContaining("tokenhook.auth.oauth2.issuer")
                    .hasMessageContaining("com.nimbusds:nimbus-jose-jwt");
        }
    }
}
