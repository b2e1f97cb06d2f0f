package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.testkit.ConfigMetadata;
import dev.tokenhook.testkit.TokenHookConfigurationContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The configuration contract on Spring Boot (4.0 here, 3.5 in hook-spring-boot3-it): each case is a web
 * application context whose {@code application.properties} hold the properties.
 */
class SpringConfigurationTest extends TokenHookConfigurationContract {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenHookAutoConfiguration.class));

    @Override
    protected TokenHookSettings bind(Map<String, String> properties) throws Exception {
        AtomicReference<TokenHookSettings> bound = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new MapPropertySource("application.properties", new HashMap<>(properties))))
                .run(context -> {
                    if (context.getStartupFailure() != null) {
                        failed.set(context.getStartupFailure());
                    } else {
                        bound.set(context.getBean(TokenHookSettings.class));
                    }
                });
        if (failed.get() instanceof Exception e) {
            throw e;
        }
        return bound.get();
    }

    @Test
    void relaxedSpellingsAndIndexedListsBindToTheSameKeys() throws Exception {
        Map<String, String> relaxed = new HashMap<>();
        relaxed.put("tokenhook.timeBudget", "1s");
        relaxed.put("tokenhook.auth.header.secrets[0]", "Basic eDp5");
        relaxed.put("tokenhook.auth.header.secrets[1]", "Basic eTp6");

        assertThat(bind(relaxed)).isEqualTo(bind(Map.of("tokenhook.time-budget", "1s",
                "tokenhook.auth.header.secrets", "Basic eDp5,Basic eTp6")));
    }

    /** Environment variables are read for the keys, and other TOKENHOOK_* variables are never refused. */
    @Test
    void environmentVariablesAreReadButNeverRefused() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace("systemEnvironment",
                        new SystemEnvironmentPropertySource("systemEnvironment", Map.of("TOKENHOOK_AUTH_SECRET", "unrelated",
                                "TOKENHOOK_AUTH_HEADER_SECRETS", "Basic eDp5", "TOKENHOOK_TIME_BUDGET", "1s"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TokenHookSettings.class).get(TokenHookKeys.TIME_BUDGET))
                            .isEqualTo(Duration.ofSeconds(1));
                    assertThat(context.getBean(TokenHookSettings.class).get(TokenHookKeys.AUTH_HEADER_SECRETS))
                            .containsExactly("Basic eDp5");
                });
    }

    @Test
    void anApplicationClassNamedLikeTheLibrarysBeansDoesNotCollide() {
        runner.withPropertyValues("tokenhook.auth.header.secrets=Basic eDp5")
                .withUserConfiguration(dev.tokenhook.spring.usercode.TokenHookConfig.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(TokenHookEndpoint.class);
                    assertThat(context.getBeanNamesForType(TokenHookEndpoint.class))
                            .allMatch(name -> name.startsWith(TokenHookAutoConfiguration.BEAN_PREFIX));
                });
    }

    /** What IDEs read for completion: generated from hook-core's key table. */
    @Test
    void shipsTheIdeMetadataOfEveryKey() {
        ConfigMetadata.assertShipped(getClass().getClassLoader());
    }
}
