package dev.tokenhook.spring;

/**
 * The names of the {@code tokenHook} health indicator, shared by the Spring Boot 4 and the Spring Boot
 * 3.5 ({@code hook-spring-boot3}) auto-configurations, which cannot see each other's health types.
 */
public final class TokenHookHealthNames {

    /** The indicator's name in Boot's {@code management.health.tokenhook.enabled} switch. */
    public static final String INDICATOR = "tokenhook";

    /** Name of the indicator bean; Actuator shows it as {@code tokenHook}. */
    public static final String BEAN = "tokenHookHealthIndicator";

    private TokenHookHealthNames() {
    }
}
