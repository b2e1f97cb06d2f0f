/**
 * Spring Boot auto-configuration for a token inline hook: add the dependency and a
 * {@link dev.tokenhook.core.rule.ClaimRule} bean, set {@code tokenhook.auth.header.secrets}, and the
 * endpoint answers at {@code tokenhook.path}. Works on Spring Boot 4.0 and 3.5 with Spring MVC.
 * {@link dev.tokenhook.spring.TokenHookAutoConfiguration} holds the beans;
 * {@link dev.tokenhook.spring.TokenHookSecurityAutoConfiguration} lets the hook path through Spring
 * Security, because the hook authenticates its caller itself.
 */
package dev.tokenhook.spring;
