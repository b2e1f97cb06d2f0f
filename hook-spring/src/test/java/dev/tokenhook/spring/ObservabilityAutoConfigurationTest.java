package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.micrometer.TokenHookMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * When the metrics and health beans appear, and when they back off. Every tokenhook auto-configuration on
 * the class path is loaded from {@code AutoConfiguration.imports}, so on Spring Boot 3.5 (hook-spring-boot3-it)
 * this proves hook-spring-boot3's health configuration, and on Spring Boot 4 hook-spring's.
 */
class ObservabilityAutoConfigurationTest {

    private static final Class<?>[] TOKENHOOK_AUTO_CONFIGURATIONS = ImportCandidates
            .load(AutoConfiguration.class, ObservabilityAutoConfigurationTest.class.getClassLoader())
            .getCandidates().stream()
            .filter(name -> name.startsWith("dev.tokenhook."))
            .map(ObservabilityAutoConfigurationTest::load)
            .toArray(Class<?>[]::new);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TOKENHOOK_AUTO_CONFIGURATIONS))
            .withPropertyValues("tokenhook.auth.header.secrets=s3cret");

    @Test
    void metricsAreRecordedWhenTheApplicationHasAMeterRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TokenHookMetrics.class);
            call(context.getBean(TokenHookHttpRequestHandler.class));
            assertThat(context.getBean(MeterRegistry.class).get("tokenhook.requests").tag("outcome", "no-change")
                    .timer().count()).isEqualTo(1);
        });
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TokenHookMetrics.class));
    }

    @Test
    void metricsBackOffForTheApplicationsOwnAndWithoutHookMicrometer() {
        TokenHookMetrics own = new TokenHookMetrics(new SimpleMeterRegistry());
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean("myMetrics", TokenHookMetrics.class,
                () -> own).run(context -> assertThat(context.getBean(TokenHookMetrics.class)).isSameAs(own));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(TokenHookMetrics.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("dev.tokenhook.metrics"));
    }

    /** hook-lookup is optional: without it there is nothing to bind, and nothing fails. */
    @Test
    void lookupMetricsAreBoundOnlyWithHookLookup() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> assertThat(context)
                .hasNotFailed().hasBean("dev.tokenhook.lookupMetrics"));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader("dev.tokenhook.lookup."))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TokenHookMetrics.class)
                        .doesNotHaveBean("dev.tokenhook.lookupMetrics"));
    }

    @Test
    void healthIndicatorIsThereUnlessSwitchedOffOrActuatorIsMissing() {
        runner.withPropertyValues("tokenhook.health.window=20", "tokenhook.health.min-calls=5").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(HookHealth.class)
                    .hasBean(TokenHookHealthNames.BEAN);
            call(context.getBean(TokenHookHttpRequestHandler.class));
            assertThat(context.getBean(HookHealth.class).snapshot().calls()).as("the endpoint feeds it").isEqualTo(1);
        });
        runner.withPropertyValues("tokenhook.health.enabled=false").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(HookHealth.class)
                .doesNotHaveBean(TokenHookHealthNames.BEAN));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor",
                "org.springframework.boot.actuate.health")).run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(HookHealth.class));
    }

    @Test
    void bootsOwnSwitchForOneHealthIndicatorTurnsOursOff() {
        runner.withPropertyValues("management.health.tokenhook.enabled=false").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(TokenHookHealthNames.BEAN));
        runner.withPropertyValues("management.health.defaults.enabled=false").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(TokenHookHealthNames.BEAN));
        runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.tokenhook.enabled=true")
                .run(context -> assertThat(context).hasNotFailed()
                        .hasBean(TokenHookHealthNames.BEAN));
    }

    @Test
    void healthBacksOffForTheApplicationsOwnTracker() {
        HookHealth own = new HookHealth(3, 1.0, 1);
        runner.withBean("myHealth", HookHealth.class, () -> own).run(context -> {
            assertThat(context.getBean(HookHealth.class)).isSameAs(own);
            call(context.getBean(TokenHookHttpRequestHandler.class));
            assertThat(own.snapshot().calls()).isEqualTo(1);
        });
    }

    @Test
    void anInvalidHealthSettingFailsNamingIt() {
        runner.withPropertyValues("tokenhook.health.failure-threshold=1.5").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new TokenHookFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("tokenhook.health.failure-threshold");
        });
    }

    private static void call(TokenHookHttpRequestHandler handler) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", TokenHookConfig.DEFAULT_PATH);
        request.addHeader("Authorization", "s3cret");
        request.setContentType("application/json");
        request.setContent("{\"eventId\":\"evt\",\"data\":{}}".getBytes(StandardCharsets.UTF_8));
        handler.handleRequest(request, new MockHttpServletResponse());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ObservabilityAutoConfigurationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
