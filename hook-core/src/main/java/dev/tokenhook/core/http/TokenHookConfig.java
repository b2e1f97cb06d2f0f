package dev.tokenhook.core.http;

import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.auth.SharedSecretAuthenticator;
import dev.tokenhook.core.internal.JsonLimits;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import dev.tokenhook.core.rule.TokenHook;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code tokenhook.*} settings, with their defaults, shared by every adapter: adapters only bind
 * their framework's properties to these names and leave unset ones to the defaults here. Immutable.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th></tr>
 * <tr><td>{@code tokenhook.enabled}</td><td>{@code true}</td></tr>
 * <tr><td>{@code tokenhook.path}</td><td>{@code /okta/token-hook}</td></tr>
 * <tr><td>{@code tokenhook.auth.header.name}</td><td>{@code Authorization}</td></tr>
 * <tr><td>{@code tokenhook.auth.header.secrets}</td><td>none (comma-separated list)</td></tr>
 * <tr><td>{@code tokenhook.auth.allow-unauthenticated}</td><td>{@code false}</td></tr>
 * <tr><td>{@code tokenhook.time-budget}</td><td>{@code 2500ms}</td></tr>
 * <tr><td>{@code tokenhook.max-body-size}</td><td>{@code 256KB}</td></tr>
 * <tr><td>{@code tokenhook.on-rule-failure}</td><td>{@code drop-rule} ({@code deny}, {@code no-change})</td></tr>
 * <tr><td>{@code tokenhook.auth.oauth2.issuer|audience|jwks-uri|client-id|scope}</td><td>off (see {@link OAuth2Settings})</td></tr>
 * </table>
 *
 * @param enabled whether the adapter registers the endpoint at all
 * @param path where the endpoint listens
 * @param headerName the shared-secret header name
 * @param headerSecrets the accepted shared secrets (several while rotating)
 * @param allowUnauthenticated explicit opt-out of authentication (tests, a trusted network)
 * @param timeBudget the end-to-end time budget of one call
 * @param maxBodySize the largest request body accepted, in bytes
 * @param onRuleFailure what to answer when a rule fails
 * @param oauth2 OAuth 2.0 bearer-token authentication, {@link OAuth2Settings#NONE} when off
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
        OAuth2Settings oauth2) {

    /** Common prefix of every key. */
    public static final String PREFIX = "tokenhook.";
    /** Default path. */
    public static final String DEFAULT_PATH = "/okta/token-hook";
    /** Default body limit: 256 KiB, far above any real Okta request. */
    public static final int DEFAULT_MAX_BODY_SIZE = 256 * 1024;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KIB|MB|MIB)?");

    /** Validates every setting. */
    public TokenHookConfig {
        if (path == null || !path.matches("(/[A-Za-z0-9._~!$&'()+,;=:@%-]+)+/?|/")) {
            throw new IllegalArgumentException("tokenhook.path must be a literal path starting with '/' (no "
                    + "wildcards, templates or spaces), was " + path);
        }
        if (headerName == null || headerName.isBlank()) {
            throw new IllegalArgumentException("tokenhook.auth.header.name must not be blank");
        }
        headerSecrets = headerSecrets == null ? List.of() : List.copyOf(headerSecrets);
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero() || timeBudget.compareTo(Duration.ofSeconds(3)) >= 0) {
            throw new IllegalArgumentException("tokenhook.time-budget must be more than 0 and less than Okta's 3 s"
                    + " timeout, was " + timeBudget.toMillis() + "ms");
        }
        Objects.requireNonNull(onRuleFailure, "onRuleFailure");
        oauth2 = oauth2 == null ? OAuth2Settings.NONE : oauth2;
        if (maxBodySize < 1 || maxBodySize > JsonLimits.MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("tokenhook.max-body-size must be between 1 byte and "
                    + JsonLimits.MAX_DOCUMENT_BYTES + " bytes, was " + maxBodySize);
        }
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
        return new TokenHookConfig(true, DEFAULT_PATH, SharedSecretAuthenticator.DEFAULT_HEADER, List.of(), false,
                TokenHook.DEFAULT_TIME_BUDGET, DEFAULT_MAX_BODY_SIZE, RuleFailurePolicy.DROP_RULE);
    }

    /**
     * Reads the settings from string properties (init parameters, system properties, environment).
     *
     * @param lookup returns the value of a full key such as {@code tokenhook.time-budget}, or null when unset
     * @return the settings, unset keys at their defaults
     * @throws IllegalArgumentException naming the key, when a value cannot be read
     */
    public static TokenHookConfig fromProperties(Function<String, String> lookup) {
        TokenHookConfig d = defaults();
        return new TokenHookConfig(
                bool(lookup, "enabled", d.enabled()),
                string(lookup, "path", d.path()),
                string(lookup, "auth.header.name", d.headerName()),
                list(lookup.apply(PREFIX + "auth.header.secrets")),
                bool(lookup, "auth.allow-unauthenticated", d.allowUnauthenticated()),
                durationOr(lookup, "time-budget", d.timeBudget()),
                sizeOr(lookup, "max-body-size", d.maxBodySize()),
                policyOr(lookup, "on-rule-failure", d.onRuleFailure()),
                OAuth2Settings.fromProperties(lookup));
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
                .build();
        TokenHookEndpoint.Builder builder = TokenHookEndpoint.builder(hook).maxBodySize(maxBodySize);
        if (!authenticators.isEmpty()) {
            builder.authenticator(HookAuthenticator.anyOf(authenticators));
        } else if (allowUnauthenticated) {
            builder.allowUnauthenticated();
        }
        return builder;
    }

    private static String raw(Function<String, String> lookup, String key) {
        String value = lookup.apply(PREFIX + key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String string(Function<String, String> lookup, String key, String fallback) {
        String value = raw(lookup, key);
        return value == null ? fallback : value;
    }

    private static boolean bool(Function<String, String> lookup, String key, boolean fallback) {
        String value = raw(lookup, key);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(PREFIX + key + " must be true or false");
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Duration durationOr(Function<String, String> lookup, String key, Duration fallback) {
        String value = raw(lookup, key);
        return value == null ? fallback : parseDuration(PREFIX + key, value);
    }

    private static int sizeOr(Function<String, String> lookup, String key, int fallback) {
        String value = raw(lookup, key);
        return value == null ? fallback : parseSize(PREFIX + key, value);
    }

    private static RuleFailurePolicy policyOr(Function<String, String> lookup, String key, RuleFailurePolicy fallback) {
        String value = raw(lookup, key);
        return value == null ? fallback : parsePolicy(PREFIX + key, value);
    }

    /**
     * @param key the key, for the message
     * @param value {@code 2500ms}, {@code 2s}, {@code 2.5s}, ISO-8601 {@code PT2.5S}, or bare milliseconds
     * @return the duration
     */
    public static Duration parseDuration(String key, String value) {
        String text = value.trim();
        try {
            if (text.toUpperCase(Locale.ROOT).startsWith("PT")) {
                return Duration.parse(text);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " is not a duration (e.g. 2500ms, 2s, PT2.5S)");
        }
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " is not a duration (e.g. 2500ms, 2s, PT2.5S)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double millis = switch (unit) {
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            default -> amount;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * @param key the key, for the message
     * @param value bytes, or with a unit: {@code 256KB}, {@code 1MB} (1 KB = 1024 bytes, like Spring's DataSize)
     * @return the size in bytes
     */
    public static int parseSize(String key, String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " is not a size (e.g. 262144, 256KB, 1MB)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long bytes = switch (unit) {
            case "KB", "KIB" -> amount * 1024;
            case "MB", "MIB" -> amount * 1024 * 1024;
            default -> amount;
        };
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " is too large");
        }
        return (int) bytes;
    }

    /**
     * @param key the key, for the message
     * @param value {@code drop-rule}, {@code deny} or {@code no-change} (any case, {@code _} or {@code -})
     * @return the policy
     */
    public static RuleFailurePolicy parsePolicy(String key, String value) {
        String normal = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RuleFailurePolicy policy : RuleFailurePolicy.values()) {
            if (policy.name().equals(normal)) {
                return policy;
            }
        }
        throw new IllegalArgumentException(key + " must be one of drop-rule, deny, no-change");
    }
}
