package dev.tokenhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A misconfigured hook fails the web application's start on a real Tomcat, in the {@code web.xml} form
 * (without {@code load-on-startup}) as in the programmatic one, and the message names the key.
 */
class ServletStartupFailureTest {

    private Tomcat tomcat;

    @AfterEach
    void stop() throws Exception {
        if (tomcat != null) {
            EmbeddedTomcat.destroy(tomcat);
        }
    }

    @Test
    void theContainerFindsTheInitializer() throws Exception {
        List<String> declared = new ArrayList<>();
        for (URL services : Collections.list(getClass().getClassLoader().getResources(
                "META-INF/services/" + ServletContainerInitializer.class.getName()))) {
            try (InputStream in = services.openStream()) {
                declared.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        }
        assertThat(declared).contains(TokenHookServletInitializer.class.getName());
    }

    /** A real web.xml, the initializer found by the container as in any deployment: the start fails. */
    @Test
    void webXmlWithoutSecretFailsTheDeployment() throws Exception {
        Path webapp = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "webapp");
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webapp.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet>
                    <servlet-name>tokenhook</servlet-name>
                    <servlet-class>dev.tokenhook.servlet.TokenHookServlet</servlet-class>
                    <init-param>
                      <param-name>tokenhook.rules</param-name>
                      <param-value>%s</param-value>
                    </init-param>
                    <async-supported>true</async-supported>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>tokenhook</servlet-name>
                    <url-pattern>/okta/token-hook</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(EventIdRule.class.getName()));
        tomcat = EmbeddedTomcat.create();
        Context context = tomcat.addWebapp("", webapp.toAbsolutePath().toString());
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);

        assertThatThrownBy(tomcat::start).isInstanceOf(LifecycleException.class)
                .hasStackTraceContaining("Token hook servlet 'tokenhook'")
                .hasStackTraceContaining("tokenhook.auth.header.secrets");
        assertThat(context.getState().isAvailable()).isFalse();
    }

    @Test
    void declaredServletWithoutSecretFailsTheStartEvenWithoutLoadOnStartup() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Context context = declared(EventIdRule.class.getName(), failure);

        assertThatThrownBy(tomcat::start).isInstanceOf(LifecycleException.class);
        assertThat(context.getState().isAvailable()).isFalse();
        assertThat(failure.get()).hasMessageContaining("Token hook servlet 'hook'")
                .hasMessageContaining("tokenhook.auth.header.secrets");
    }

    @Test
    void declaredServletWithAMistypedRuleClassFailsTheStartNamingIt() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Context context = declared("com.example.PatientIdRul", failure);
        context.addParameter("tokenhook.auth.header.secrets", "Basic c3RhcnQ6dXA=");

        assertThatThrownBy(tomcat::start).isInstanceOf(LifecycleException.class);
        assertThat(failure.get()).hasMessageContaining("tokenhook.rules: com.example.PatientIdRul is not a ClaimRule");
    }

    @Test
    void aWellConfiguredDeclaredServletStarts() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Context context = declared(EventIdRule.class.getName(), failure);
        context.addParameter("tokenhook.auth.header.secrets", "Basic c3RhcnQ6dXA=");

        tomcat.start();

        assertThat(failure.get()).isNull();
        assertThat(context.getState().isAvailable()).isTrue();
    }

    @Test
    void programmaticRegistrationWithATypoFailsTheStartNamingTheNearestKey() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        tomcat = EmbeddedTomcat.create();
        Context context = EmbeddedTomcat.rootContext(tomcat);
        context.addParameter("tokenhook.auth.header.secrets", "Basic c3RhcnQ6dXA=");
        context.addParameter("tokenhook.time-buget", "2s");
        context.addServletContainerInitializer((classes, servletContext) -> {
            try {
                TokenHookServlets.register(servletContext, List.of(new EventIdRule()));
            } catch (RuntimeException e) {
                failure.set(e);
                throw e;
            }
        }, null);

        assertThatThrownBy(tomcat::start).isInstanceOf(LifecycleException.class);
        assertThat(context.getState().isAvailable()).isFalse();
        assertThat(failure.get()).hasMessageContaining("tokenhook.time-buget (from context init-parameter): is not "
                + "a tokenhook key; did you mean tokenhook.time-budget?");
    }

    /** From a listener, Tomcat only logs the failure and marks the application unavailable: check its state. */
    @Test
    void registrationFromAListenerLeavesTheApplicationUnavailable() throws Exception {
        tomcat = EmbeddedTomcat.create();
        Context context = EmbeddedTomcat.rootContext(tomcat);
        context.addApplicationListener(NoSecretListener.class.getName());

        tomcat.start();

        assertThat(context.getState().isAvailable()).isFalse();
    }

    /** Registers the hook without any secret configured. */
    public static final class NoSecretListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            TokenHookServlets.register(event.getServletContext(), List.of(new EventIdRule()));
        }
    }

    /** A context with the servlet declared as web.xml would, and the initializer the container would find. */
    private Context declared(String rules, AtomicReference<Exception> failure) throws Exception {
        tomcat = EmbeddedTomcat.create();
        Context context = EmbeddedTomcat.rootContext(tomcat);
        Wrapper servlet = Tomcat.addServlet(context, "hook", TokenHookServlet.class.getName());
        servlet.addInitParameter("tokenhook.rules", rules);
        context.addServletMappingDecoded("/okta/token-hook", "hook");
        context.addServletContainerInitializer((classes, servletContext) -> {
            try {
                new TokenHookServletInitializer().onStartup(classes, servletContext);
            } catch (RuntimeException e) {
                failure.set(e);
                throw e;
            }
        }, null);
        return context;
    }
}
