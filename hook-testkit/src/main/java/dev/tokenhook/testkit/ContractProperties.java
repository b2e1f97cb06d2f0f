package dev.tokenhook.testkit;

import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.config.ConfigKey;
import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.http.TokenHookConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings written back as the {@code tokenhook.*} properties a user would configure, so an adapter's test
 * starts its framework exactly as an application would be configured: {@code properties(config)} read by
 * hook-core gives {@code config} again.
 */
public final class ContractProperties {

    private ContractProperties() {
    }

    /**
     * @param config the settings
     * @return every key of them with its value as text (secrets comma-separated; OAuth 2.0 keys when it is on)
     */
    public static Map<String, String> of(TokenHookConfig config) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(TokenHookKeys.ENABLED.name(), String.valueOf(config.enabled()));
        properties.put(TokenHookKeys.PATH.name(), config.path());
        properties.put(TokenHookKeys.AUTH_HEADER_NAME.name(), config.headerName());
        if (!config.headerSecrets().isEmpty()) {
            properties.put(TokenHookKeys.AUTH_HEADER_SECRETS.name(), String.join(",", config.headerSecrets()));
        }
        properties.put(TokenHookKeys.AUTH_ALLOW_UNAUTHENTICATED.name(), String.valueOf(config.allowUnauthenticated()));
        properties.put(TokenHookKeys.TIME_BUDGET.name(), config.timeBudget().toMillis() + "ms");
        properties.put(TokenHookKeys.MAX_BODY_SIZE.name(), config.maxBodySize() + "B");
        properties.put(TokenHookKeys.ON_RULE_FAILURE.name(), config.onRuleFailure().name());
        OAuth2Settings oauth2 = config.oauth2();
        put(properties, TokenHookKeys.OAUTH2_ISSUER, oauth2.issuer());
        put(properties, TokenHookKeys.OAUTH2_AUDIENCE, oauth2.audience());
        put(properties, TokenHookKeys.OAUTH2_JWKS_URI, oauth2.jwksUri());
        put(properties, TokenHookKeys.OAUTH2_CLIENT_ID, oauth2.clientId());
        put(properties, TokenHookKeys.OAUTH2_SCOPE, oauth2.scope());
        return properties;
    }

    private static void put(Map<String, String> properties, ConfigKey<String> key, String value) {
        if (value != null) {
            properties.put(key.name(), value);
        }
    }
}
