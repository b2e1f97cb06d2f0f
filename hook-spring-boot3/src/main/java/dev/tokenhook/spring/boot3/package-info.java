/**
 * The {@code tokenHook} Actuator health indicator for Spring Boot 3.5 applications:
 * {@link dev.tokenhook.spring.boot3.TokenHookBoot3HealthAutoConfiguration} registers it next to hook-spring's
 * endpoint, with the same {@code tokenhook.health.*} settings as on Spring Boot 4 (where hook-spring has it).
 */
package dev.tokenhook.spring.boot3;
