/**
 * Spring Boot auto-configuration for a token inline hook: add the dependency and a
 * {@link dev.tokenhook.core.rule.ClaimRule} bean, set {@code tokenhook.auth.header.secrets}, and the
 * endpoint answers at {@code tokenhook.path}. Works on Spring Boot 4.0 and 3.5 with Spring MVC.
 * {@link dev.tokenhook.spring.TokenHookAutoConfiguration} holds the beans;
 * {@link dev.tokenhook.spring.TokenHookSecurityAutoConfiguration} lets the hook path through Spring
 * Security, because the hook authenticates its caller itself. With Actuator,
 * {@link dev.tokenhook.spring.TokenHookMetricsAutoConfiguration} records the hook's meters (with
 * {@code hook-micrometer}) and {@link dev.tokenhook.spring.TokenHookHealthAutoConfiguration} adds the
 * {@code tokenHook} health indicator (Spring Boot 4; on 3.5, {@code hook-spring-boot3} does).
 */
package dev.tokenhook.spring;
