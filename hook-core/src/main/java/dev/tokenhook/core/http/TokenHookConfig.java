package dev.tokenhook.core.http;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookKeys;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.patch.ReservedClaims;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import dev.tokenhook.core.rule.TokenHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The endpoint's {@code tokenhook.*} settings, shared by every adapter. The keys, their defaults, spellings
 * and checks live in {@link TokenHookKeys}; adapters hand their framework's properties to
 * {@link TokenHookSettings#read(ConfigSource)} and build this with {@link #from(TokenHookSettings)}. Code
 * that has no framework reads {@link #fromProperties(Map)} or {@link #fromProperties(Function)}. Immutable.
 *
 * @param enabled {@code tokenhook.enabled}: whether the adapter registers the endpoint at all
 * @param path {@code tokenhook.path}: where the endpoint listens
 * @param headerName {@code tokenhook.auth.header.name}: the shared-secret header name
 * @param headerSecrets {@code tokenhook.auth.header.secrets}: the accepted shared secrets (several while rotating)
 * @param allowUnauthenticated {@code tokenhook.auth.allow-unauthenticated}: explicit opt-out of authentication
 * @param timeBudget {@code tokenhook.time-budget}: the end-to-end time budget of one call
 * @param maxBodySize {@code tokenhook.max-body-size}: the largest request body accepted, in bytes
 * @param onRuleFailure {@code tokenhook.on-rule-failure}: what to answer when a rule fails
 * @param oauth2 {@code tokenhook.auth.oauth2.*}: OAuth 2.0 bearer-token authentication, {@link OAuth2Settings#NONE}
 *     when off
 * @param reservedClaims {@code tokenhook.reserved-claims.*}: the claims rules may not change, per token: Okta's
 *     table ({@link ReservedClaims#defaults()}) with the configured allowances and additions
 */
public record TokenHookConfig(
        boolean enabled,
        String path,
        String headerName,
        List<String> headerSecrets,
        boolean allowUnauthenticated,
        Duration timeBudget,
        int maxBodySize,
        RuleFailurePolicy onRuleFailure,
        OAuth2Settings oauth2,
        ReservedClaims reservedClaims) {

    /** Common prefix of every key. */
    public static final String PREFIX = TokenHookKeys.PREFIX;
    /** Default path. */
    public static final String DEFAULT_PATH = TokenHookKeys.DEFAULT_PATH;
    /** Default body limit: 256 KiB, far above any real Okta request. */
    public static final int DEFAULT_MAX_BODY_SIZE = TokenHookKeys.DEFAULT_MAX_BODY_SIZE;

    /**
     * Checks every setting against {@link TokenHookKeys}.
     *
     * @throws ConfigException naming the key of an invalid setting
     */
    public TokenHookConfig {
        TokenHookKeys.PATH.check(path);
        TokenHookKeys.AUTH_HEADER_NAME.check(headerName);
        headerSecrets = headerSecrets == null ? List.of() : List.copyOf(headerSecrets);
        TokenHookKeys.TIME_BUDGET.check(timeBudget);
        TokenHookKeys.MAX_BODY_SIZE.check(maxBodySize);
        TokenHookKeys.ON_RULE_FAILURE.check(onRuleFailure);
        oauth2 = oauth2 == null ? OAuth2Settings.NONE : oauth2;
        reservedClaims = reservedClaims == null ? ReservedClaims.defaults() : reservedClaims;
    }

    /**
     * Settings with Okta's reserved-claim table.
     *
     * @param enabled whether the adapter registers the endpoint at all
     * @param path where the endpoint listens
     * @param headerName the shared-secret header name
     * @param headerSecrets the accepted shared secrets
     * @param allowUnauthenticated explicit opt-out of authentication
     * @param timeBudget the end-to-end time budget of one call
     * @param maxBodySize the largest request body accepted, in bytes
     * @param onRuleFailure what to answer when a rule fails
     * @param oauth2 OAuth 2.0 bearer-token authentication, {@link OAuth2Settings#NONE} when off
     */
    public TokenHookConfig(boolean enabled, String path, String headerName, List<String> headerSecrets,
            boolean allowUnauthenticated, Duration timeBudget, int maxBodySize, RuleFailurePolicy onRuleFailure,
            OAuth2Settings oauth2) {
        this(enabled, path, headerName, headerSecrets, allowUnauthenticated, timeBudget, maxBodySize, onRuleFailure,
                oauth2, ReservedClaims.defaults());
    }

    /**
     * Settings without OAuth 2.0.
     *
     * @param enabled whether the adapter registers the endpoint at all
     * @param path where the endpoint listens
     * @param headerName the shared-secret header name
     * @param headerSecrets the accepted shared secrets
     * @param allowUnauthenticated explicit opt-out of authentication
     * @param timeBudget the end-to-end time budget of one call
     * @param maxBodySize the largest request body accepted, in bytes
     * @param onRuleFailure what to answer when a rule fails
     */
    public TokenHookConfig(boolean enabled, String path, String headerName, List<String> headerSecrets,
            boolean allowUnauthenticated, Duration timeBudget, int maxBodySize, RuleFailurePolicy onRuleFailure) {
        this(enabled, path, headerName, headerSecrets, allowUnauthenticated, timeBudget, maxBodySize, onRuleFailure,
                OAuth2Settings.NONE);
    }

    /** @return every default; no secret, so an endpoint built from it is refused until one is set */
    public static TokenHookConfig defaults() {
        return from(TokenHookSettings.defaults());
    }

    /**
     * @param settings the values read by {@link TokenHookSettings#read(ConfigSource)}
     * @return the endpoint's settings among them
     */
    public static TokenHookConfig from(TokenHookSettings settings) {
        return new TokenHookConfig(
                settings.get(TokenHookKeys.ENABLED),
                settings.get(TokenHookKeys.PATH),
                settings.get(TokenHookKeys.AUTH_HEADER_NAME),
                settings.get(TokenHookKeys.AUTH_HEADER_SECRETS),
                settings.get(TokenHookKeys.AUTH_ALLOW_UNAUTHENTICATED),
                settings.get(TokenHookKeys.TIME_BUDGET),
                settings.get(TokenHookKeys.MAX_BODY_SIZE),
                settings.get(TokenHookKeys.ON_RULE_FAILURE),
                OAuth2Settings.from(settings),
                reservedClaims(settings));
    }

    /** Okta's table changed by {@code tokenhook.reserved-claims.<id-token|access-token>.allow|deny}. */
    private static ReservedClaims reservedClaims(TokenHookSettings settings) {
        ReservedClaims claims = ReservedClaims.defaults();
        for (TokenType token : TokenType.values()) {
            String name = token.label().replace('_', '-');
            claims = claims
                    .allow(token, settings.get(TokenHookKeys.RESERVED_CLAIMS, name, TokenHookKeys.RESERVED_CLAIMS_ALLOW)
                            .toArray(String[]::new))
                    .reserve(token, settings.get(TokenHookKeys.RESERVED_CLAIMS, name, TokenHookKeys.RESERVED_CLAIMS_DENY)
                            .toArray(String[]::new));
        }
        return claims;
    }

    /**
     * Reads the settings from a map of properties, e.g. a loaded {@code Properties} file; keys under
     * {@code tokenhook.} that are not in {@link TokenHookKeys} are refused.
     *
     * @param properties full keys such as {@code tokenhook.time-budget} and their values
     * @return the settings, unset keys at their defaults
     * @throws ConfigException naming each key whose value cannot be used
     */
    public static TokenHookConfig fromProperties(Map<String, ?> properties) {
        return from(TokenHookSettings.read(ConfigSource.of(properties, "properties")));
    }

    /**
     * Reads the settings from a lookup (init parameters, system properties, environment), which cannot be
     * checked for unknown keys.
     *
     * @param lookup returns the value of a full key such as {@code tokenhook.time-budget}, or null when unset
     * @return the settings, unset keys at their defaults
     * @throws ConfigException naming each key whose value cannot be used
     */
    public static TokenHookConfig fromProperties(Function<String, String> lookup) {
        return from(TokenHookSettings.read(ConfigSource.of(lookup, "properties")));
    }

    /**
     * Builds the endpoint these settings describe.
     *
     * @param rules the claim rules, in order
     * @return the endpoint; it owns a {@link TokenHook}, closed with it
     * @throws MissingAuthenticationException if no secret is set and unauthenticated calls were not explicitly
     *     allowed
     */
    public TokenHookEndpoint endpoint(List<? extends ClaimRule> rules) {
        return endpoint(rules, List.of());
    }

    /**
     * Builds the endpoint these settings describe, with extra authenticators.
     *
     * @param rules the claim rules, in order
     * @param extraAuthenticators accepted besides those configured here, if any
     * @return the endpoint
     * @throws MissingAuthenticationException if no authentication is configured and it was not explicitly waived
     */
    public TokenHookEndpoint endpoint(List<? extends ClaimRule> rules, List<HookAuthenticator> extraAuthenticators) {
        return endpointBuilder(rules, extraAuthenticators).build();
    }

    /**
     * A builder preset from these settings, for adapters that add listeners (metrics, health) before
     * building.
     *
     * @param rules the claim rules, in order
     * @param extraAuthenticators accepted besides those configured here, if any
     * @return the preset builder
     * @throws MissingAuthenticationException if no authentication is configured and it was not explicitly waived
     */
    public TokenHookEndpoint.Builder endpointBuilder(List<? extends ClaimRule> rules,
            List<HookAuthenticator> extraAuthenticators) {
        List<HookAuthenticator> authenticators = new ArrayList<>();
        if (!headerSecrets.isEmpty()) {
            authenticators.add(new SharedSecretAuthenticator(headerName, headerSecrets));
        }
        oauth2.authenticator().ifPresent(authenticators::add);
        authenticators.addAll(extraAuthenticators);
        if (authenticators.isEmpty() && !allowUnauthenticated) {
            throw new MissingAuthenticationException(); // before the engine and its threads exist
        }
        TokenHook hook = TokenHook.builder()
                .rules(rules)
                .timeBudget(timeBudget)
                .onRuleFailure(onRuleFailure)
                .reservedClaims(reservedClaims)
                .build();
        TokenHookEndpoint.Builder builder = TokenHookEndpoint.builder(hook).maxBodySize(maxBodySize);
        if (!authenticators.isEmpty()) {
            builder.authenticator(HookAuthenticator.anyOf(authenticators));
        } else if (allowUnauthenticated) {
            builder.allowUnauthenticated();
        }
        return builder;
    }
}
