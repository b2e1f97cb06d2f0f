package dev.tokenhook.spring;

import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code tokenhook.*} properties, bound by Spring Boot. Unset properties stay {@code null} here and
 * take hook-core's defaults ({@link TokenHookConfig#defaults()}) in {@link #toConfig()}; hook-core also
 * validates every value.
 */
@ConfigurationProperties("tokenhook")
public class TokenHookProperties {

    /** Whether to register the token hook endpoint (default true). */
    private Boolean enabled;

    /** Path the endpoint answers at (default /okta/token-hook). */
    private String path;

    /** How the endpoint authenticates Okta's calls. */
    private final Auth auth = new Auth();

    /** End-to-end time budget of one call, below Okta's 3 s timeout (default 2500ms). */
    private Duration timeBudget;

    /** Largest request body accepted, at most 4MB (default 256KB). */
    private DataSize maxBodySize;

    /** What to answer when a rule fails or runs out of time: drop-rule (default), deny or no-change. */
    private RuleFailurePolicy onRuleFailure;

    /** The hook's health indicator, from the recent ratio of failed calls. */
    private final Health health = new Health();

    /**
     * @return these properties as hook-core settings, unset ones at hook-core's defaults
     * @throws TokenHookConfigurationException naming the property, when a value is invalid
     */
    public TokenHookConfig toConfig() {
        TokenHookConfig d = TokenHookConfig.defaults();
        Auth.Header header = auth.getHeader();
        try {
            return new TokenHookConfig(
                    enabled != null ? enabled : d.enabled(),
                    path != null ? path : d.path(),
                    header.getName() != null ? header.getName() : d.headerName(),
                    header.getSecrets().stream().filter(secret -> secret != null && !secret.isBlank()).toList(),
                    auth.getAllowUnauthenticated() != null ? auth.getAllowUnauthenticated() : d.allowUnauthenticated(),
                    timeBudget != null ? timeBudget : d.timeBudget(),
                    maxBodySize != null ? saturatedInt(maxBodySize.toBytes()) : d.maxBodySize(),
                    onRuleFailure != null ? onRuleFailure : d.onRuleFailure(),
                    auth.getOauth2().toSettings());
        } catch (IllegalArgumentException e) {
            throw TokenHookConfigurationException.invalid(e);
        }
    }

    /** Out-of-range sizes stay out of range, so hook-core's validation reports them. */
    private static int saturatedInt(long bytes) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, bytes));
    }

    /** @return whether the endpoint is registered, or null when unset */
    public Boolean getEnabled() {
        return enabled;
    }

    /** @param enabled whether the endpoint is registered */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the endpoint's path, or null when unset */
    public String getPath() {
        return path;
    }

    /** @param path the endpoint's path */
    public void setPath(String path) {
        this.path = path;
    }

    /** @return the authentication settings */
    public Auth getAuth() {
        return auth;
    }

    /** @return the time budget, or null when unset */
    public Duration getTimeBudget() {
        return timeBudget;
    }

    /** @param timeBudget the end-to-end time budget of one call */
    public void setTimeBudget(Duration timeBudget) {
        this.timeBudget = timeBudget;
    }

    /** @return the body limit, or null when unset */
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    /** @param maxBodySize the largest request body accepted */
    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** @return the rule failure policy, or null when unset */
    public RuleFailurePolicy getOnRuleFailure() {
        return onRuleFailure;
    }

    /** @param onRuleFailure what to answer when a rule fails */
    public void setOnRuleFailure(RuleFailurePolicy onRuleFailure) {
        this.onRuleFailure = onRuleFailure;
    }

    /** @return the health settings */
    public Health getHealth() {
        return health;
    }

    /**
     * {@code tokenhook.health.*}: the health indicator named {@code tokenHook}, DOWN when, among the last
     * {@code window} answered calls (at least {@code min-calls}), the share with a failed, timed-out or
     * rejected rule reaches {@code failure-threshold}.
     */
    public static class Health {

        /** Whether to register the tokenHook health indicator when Actuator is present (default true). */
        private Boolean enabled;

        /** How many recent answered calls to consider (default 100). */
        private Integer window;

        /** Ratio of failed calls, above 0 and at most 1, at which the hook is reported DOWN (default 0.5). */
        private Double failureThreshold;

        /** Calls needed in the window before the hook can be reported DOWN (default 10). */
        private Integer minCalls;

        /**
         * @return a tracker with these settings, unset ones at {@link HookHealth}'s defaults
         * @throws TokenHookConfigurationException naming the property, when a value is out of range
         */
        public HookHealth toHookHealth() {
            try {
                return new HookHealth(
                        window != null ? window : HookHealth.DEFAULT_WINDOW,
                        failureThreshold != null ? failureThreshold : HookHealth.DEFAULT_THRESHOLD,
                        minCalls != null ? minCalls : HookHealth.DEFAULT_MIN_CALLS);
            } catch (IllegalArgumentException e) {
                throw TokenHookConfigurationException.invalid(e);
            }
        }

        /** @return whether the health indicator is registered, or null when unset */
        public Boolean getEnabled() {
            return enabled;
        }

        /** @param enabled whether the health indicator is registered */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the window, or null when unset */
        public Integer getWindow() {
            return window;
        }

        /** @param window how many recent answered calls to consider */
        public void setWindow(Integer window) {
            this.window = window;
        }

        /** @return the failure threshold, or null when unset */
        public Double getFailureThreshold() {
            return failureThreshold;
        }

        /** @param failureThreshold ratio of failed calls at which the hook is DOWN */
        public void setFailureThreshold(Double failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        /** @return the minimum number of calls, or null when unset */
        public Integer getMinCalls() {
            return minCalls;
        }

        /** @param minCalls calls needed before the hook can be DOWN */
        public void setMinCalls(Integer minCalls) {
            this.minCalls = minCalls;
        }
    }

    /** {@code tokenhook.auth.*}: how the endpoint authenticates Okta's calls. */
    public static class Auth {

        /** The shared-secret header Okta sends with every call. */
        private final Header header = new Header();

        /** OAuth 2.0 bearer tokens from Okta's authorization server (needs nimbus-jose-jwt). */
        private final OAuth2 oauth2 = new OAuth2();

        /**
         * Accept calls without authentication (default false). Only for tests, or a network where nothing
         * but Okta can reach the hook: anyone who can call it can shape your tokens' claims.
         */
        private Boolean allowUnauthenticated;

        /** @return the shared-secret header settings */
        public Header getHeader() {
            return header;
        }

        /** @return the OAuth 2.0 settings */
        public OAuth2 getOauth2() {
            return oauth2;
        }

        /** @return whether unauthenticated calls are accepted, or null when unset */
        public Boolean getAllowUnauthenticated() {
            return allowUnauthenticated;
        }

        /** @param allowUnauthenticated whether unauthenticated calls are accepted */
        public void setAllowUnauthenticated(Boolean allowUnauthenticated) {
            this.allowUnauthenticated = allowUnauthenticated;
        }

        /** {@code tokenhook.auth.header.*}: the shared secret Okta sends in a header. */
        public static class Header {

            /** Name of the header carrying the secret (default Authorization). */
            private String name;

            /**
             * Accepted header values, compared in constant time; list several while rotating. Required,
             * unless a HookAuthenticator bean is defined or unauthenticated calls are allowed.
             */
            private List<String> secrets = new ArrayList<>();

            /** @return the header name, or null when unset */
            public String getName() {
                return name;
            }

            /** @param name the header name */
            public void setName(String name) {
                this.name = name;
            }

            /** @return the accepted secrets, empty when unset */
            public List<String> getSecrets() {
                return secrets;
            }

            /** @param secrets the accepted secrets */
            public void setSecrets(List<String> secrets) {
                this.secrets = secrets == null ? new ArrayList<>() : new ArrayList<>(secrets);
            }
        }

        /**
         * {@code tokenhook.auth.oauth2.*}: OAuth 2.0 bearer-token authentication, on when {@code issuer} is
         * set. May be combined with the shared secret. Needs {@code com.nimbusds:nimbus-jose-jwt}.
         */
        public static class OAuth2 {

            /** Exact iss of Okta's tokens; setting it switches OAuth 2.0 authentication on. */
            private String issuer;

            /** A value the token's aud must contain; required with issuer. */
            private String audience;

            /** Where the signing keys are; read from the issuer's metadata when unset. */
            private String jwksUri;

            /** The cid the token must carry, if set. */
            private String clientId;

            /** A scope scp must contain, if set. */
            private String scope;

            OAuth2Settings toSettings() {
                return new OAuth2Settings(blankToNull(issuer), blankToNull(audience), blankToNull(jwksUri),
                        blankToNull(clientId), blankToNull(scope));
            }

            private static String blankToNull(String value) {
                return value == null || value.isBlank() ? null : value.trim();
            }

            /** @return the issuer, or null when unset */
            public String getIssuer() {
                return issuer;
            }

            /** @param issuer the exact iss of Okta's tokens */
            public void setIssuer(String issuer) {
                this.issuer = issuer;
            }

            /** @return the audience, or null when unset */
            public String getAudience() {
                return audience;
            }

            /** @param audience a value aud must contain */
            public void setAudience(String audience) {
                this.audience = audience;
            }

            /** @return the JWKS URI, or null when unset */
            public String getJwksUri() {
                return jwksUri;
            }

            /** @param jwksUri where the signing keys are */
            public void setJwksUri(String jwksUri) {
                this.jwksUri = jwksUri;
            }

            /** @return the client id, or null when unset */
            public String getClientId() {
                return clientId;
            }

            /** @param clientId the cid the token must carry */
            public void setClientId(String clientId) {
                this.clientId = clientId;
            }

            /** @return the scope, or null when unset */
            public String getScope() {
                return scope;
            }

            /** @param scope a scope scp must contain */
            public void setScope(String scope) {
                this.scope = scope;
            }
        }
    }
}
