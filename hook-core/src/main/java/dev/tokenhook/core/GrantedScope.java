package dev.tokenhook.core;

/**
 * One entry of {@code data.access.scopes}.
 *
 * @param id Okta's scope id, or {@code null}
 * @param action what Okta does with the scope, usually {@code GRANT}, or {@code null}
 */
public record GrantedScope(String id, String action) {
}
