package dev.tokenhook.micronaut;

import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.http.TokenHookConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Binds the {@code tokenhook.*} keys shared by every adapter ({@code enabled}, {@code path},
 * {@code auth.header.name}, {@code auth.header.secrets}, {@code auth.allow-unauthenticated},
 * {@code auth.oauth2.issuer|audience|jwks-uri|client-id|scope}, {@code time-budget},
 * {@code max-body-size}, {@code on-rule-failure}, {@code health.enabled|window|failure-threshold|min-calls}).
 * Every value is kept as given: {@link #toConfig()} and {@link Health#toHookHealth()} parse and validate it
 * in hook-core, and leave unset keys to hook-core's defaults, so each adapter accepts the same values with
 * the same messages.
 */
@ConfigurationProperties(TokenHookProperties.PREFIX)
public class TokenHookProperties {

    /** The configuration prefix, {@code tokenhook}. */
    public static final String PREFIX = "tokenhook";

    private Boolean enabled;
    private String path;
    private String timeBudget;
    private String maxBodySize;
    private String onRuleFailure;
    private Auth auth = new Auth();
    private Health health = new Health();

    /** @return {@code tokenhook.enabled}, or null when unset */
    public @Nullable Boolean getEnabled() {
        return enabled;
    }

    /** @param enabled {@code tokenhook.enabled} */
    public void setEnabled(@Nullable Boolean enabled) {
        this.enabled = enabled;
    }

    /** @return {@code tokenhook.path}, or null when unset */
    public @Nullable String getPath() {
        return path;
    }

    /** @param path {@code tokenhook.path} */
    public void setPath(@Nullable String path) {
        this.path = path;
    }

    /** @return {@code tokenhook.time-budget}, or null when unset */
    public @Nullable String getTimeBudget() {
        return timeBudget;
    }

    /** @param timeBudget {@code tokenhook.time-budget}, e.g. {@code 2500ms}, {@code 2s}, {@code PT2.5S} */
    public void setTimeBudget(@Nullable String timeBudget) {
        this.timeBudget = timeBudget;
    }

    /** @return {@code tokenhook.max-body-size}, or null when unset */
    public @Nullable String getMaxBodySize() {
        return maxBodySize;
    }

    /** @param maxBodySize {@code tokenhook.max-body-size}, e.g. {@code 262144}, {@code 256KB} */
    public void setMaxBodySize(@Nullable String maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** @return {@code tokenhook.on-rule-failure}, or null when unset */
    public @Nullable String getOnRuleFailure() {
        return onRuleFailure;
    }

    /** @param onRuleFailure {@code tokenhook.on-rule-failure}: {@code drop-rule}, {@code deny} or {@code no-change} */
    public void setOnRuleFailure(@Nullable String onRuleFailure) {
        this.onRuleFailure = onRuleFailure;
    }

    /** @return the {@code tokenhook.auth.*} settings */
    public Auth getAuth() {
        return auth;
    }

    /** @param auth the {@code tokenhook.auth.*} settings */
    public void setAuth(Auth auth) {
        this.auth = auth;
    }

    /** @return the {@code tokenhook.health.*} settings */
    public Health getHealth() {
        return health;
    }

    /** @param health the {@code tokenhook.health.*} settings */
    public void setHealth(Health health) {
        this.health = health;
    }

    /**
     * @return the settings, unset keys at hook-core's defaults
     * @throws IllegalArgumentException naming the key, when a value cannot be read
     */
    public TokenHookConfig toConfig() {
        TokenHookConfig d = TokenHookConfig.defaults();
        Auth.Header header = auth.getHeader();
        Auth.OAuth2 oauth2 = auth.getOauth2();
        List<String> secrets = header.getSecrets() == null ? List.of()
                : header.getSecrets().stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
        return new TokenHookConfig(
                enabled == null ? d.enabled() : enabled,
                isBlank(path) ? d.path() : path.trim(),
                isBlank(header.getName()) ? d.headerName() : header.getName().trim(),
                secrets,
                auth.getAllowUnauthenticated() == null ? d.allowUnauthenticated() : auth.getAllowUnauthenticated(),
                isBlank(timeBudget) ? d.timeBudget()
                        : TokenHookConfig.parseDuration(TokenHookConfig.PREFIX + "time-budget", timeBudget),
                isBlank(maxBodySize) ? d.maxBodySize()
                        : TokenHookConfig.parseSize(TokenHookConfig.PREFIX + "max-body-size", maxBodySize),
                isBlank(onRuleFailure) ? d.onRuleFailure()
                        : TokenHookConfig.parsePolicy(TokenHookConfig.PREFIX + "on-rule-failure", onRuleFailure),
                new OAuth2Settings(trimmed(oauth2.getIssuer()), trimmed(oauth2.getAudience()),
                        trimmed(oauth2.getJwksUri()), trimmed(oauth2.getClientId()), trimmed(oauth2.getScope())));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return isBlank(value) ? null : value.trim();
    }

    /**
     * The {@code tokenhook.health.*} settings of the {@code tokenHook} health indicator: {@code enabled},
     * {@code window}, {@code failure-threshold}, {@code min-calls}. Kept as given; {@link #toHookHealth()}
     * reads them with hook-core's {@link HookHealth#fromProperties}, defaults and messages.
     */
    @ConfigurationProperties("health")
    public static class Health {

        private String enabled;
        private String window;
        private String failureThreshold;
        private String minCalls;

        /**
         * @return a tracker with these settings, unset ones at {@link HookHealth}'s defaults
         * @throws IllegalArgumentException naming the key, when a value cannot be read or is out of range
         */
        public HookHealth toHookHealth() {
            return HookHealth.fromProperties(key -> switch (key) {
                case HookHealth.PREFIX + "window" -> window;
                case HookHealth.PREFIX + "failure-threshold" -> failureThreshold;
                case HookHealth.PREFIX + "min-calls" -> minCalls;
                default -> null;
            });
        }

        /** @return {@code tokenhook.health.enabled}, or null when unset */
        public @Nullable String getEnabled() {
            return enabled;
        }

        /** @param enabled {@code tokenhook.health.enabled}: whether to register the health indicator */
        public void setEnabled(@Nullable String enabled) {
            this.enabled = enabled;
        }

        /** @return {@code tokenhook.health.window}, or null when unset */
        public @Nullable String getWindow() {
            return window;
        }

        /** @param window {@code tokenhook.health.window}: how many recent answered calls to consider */
        public void setWindow(@Nullable String window) {
            this.window = window;
        }

        /** @return {@code tokenhook.health.failure-threshold}, or null when unset */
        public @Nullable String getFailureThreshold() {
            return failureThreshold;
        }

        /** @param failureThreshold {@code tokenhook.health.failure-threshold}: ratio at which the hook is DOWN */
        public void setFailureThreshold(@Nullable String failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        /** @return {@code tokenhook.health.min-calls}, or null when unset */
        public @Nullable String getMinCalls() {
            return minCalls;
        }

        /** @param minCalls {@code tokenhook.health.min-calls}: calls needed before the hook can be DOWN */
        public void setMinCalls(@Nullable String minCalls) {
            this.minCalls = minCalls;
        }
    }

    /** The {@code tokenhook.auth.*} settings. */
    @ConfigurationProperties("auth")
    public static class Auth {

        private Boolean allowUnauthenticated;
        private Header header = new Header();
        private OAuth2 oauth2 = new OAuth2();

        /** @return {@code tokenhook.auth.allow-unauthenticated}, or null when unset */
        public @Nullable Boolean getAllowUnauthenticated() {
            return allowUnauthenticated;
        }

        /** @param allowUnauthenticated {@code tokenhook.auth.allow-unauthenticated}: tests or a trusted network only */
        public void setAllowUnauthenticated(@Nullable Boolean allowUnauthenticated) {
            this.allowUnauthenticated = allowUnauthenticated;
        }

        /** @return the {@code tokenhook.auth.header.*} settings */
        public Header getHeader() {
            return header;
        }

        /** @param header the {@code tokenhook.auth.header.*} settings */
        public void setHeader(Header header) {
            this.header = header;
        }

        /** @return the {@code tokenhook.auth.oauth2.*} settings */
        public OAuth2 getOauth2() {
            return oauth2;
        }

        /** @param oauth2 the {@code tokenhook.auth.oauth2.*} settings */
        public void setOauth2(OAuth2 oauth2) {
            this.oauth2 = oauth2;
        }

        /** The {@code tokenhook.auth.header.*} settings: the shared secret Okta sends in a header. */
        @ConfigurationProperties("header")
        public static class Header {

            private String name;
            private List<String> secrets;

            /** @return {@code tokenhook.auth.header.name}, or null when unset */
            public @Nullable String getName() {
                return name;
            }

            /** @param name {@code tokenhook.auth.header.name} */
            public void setName(@Nullable String name) {
                this.name = name;
            }

            /** @return {@code tokenhook.auth.header.secrets}, or null when unset */
            public @Nullable List<String> getSecrets() {
                return secrets;
            }

            /** @param secrets {@code tokenhook.auth.header.secrets}: several while rotating */
            public void setSecrets(@Nullable List<String> secrets) {
                this.secrets = secrets;
            }
        }
        /**
         * The {@code tokenhook.auth.oauth2.*} settings: OAuth 2.0 bearer tokens, on when {@code issuer}
         * is set (needs {@code com.nimbusds:nimbus-jose-jwt}); see {@link OAuth2Settings}.
         */
        @ConfigurationProperties("oauth2")
        public static class OAuth2 {

            private String issuer;
            private String audience;
            private String jwksUri;
            private String clientId;
            private String scope;

            /** @return {@code tokenhook.auth.oauth2.issuer}, or null when unset */
            public @Nullable String getIssuer() {
                return issuer;
            }

            /** @param issuer {@code tokenhook.auth.oauth2.issuer} */
            public void setIssuer(@Nullable String issuer) {
                this.issuer = issuer;
            }

            /** @return {@code tokenhook.auth.oauth2.audience}, or null when unset */
            public @Nullable String getAudience() {
                return audience;
            }

            /** @param audience {@code tokenhook.auth.oauth2.audience} */
            public void setAudience(@Nullable String audience) {
                this.audience = audience;
            }

            /** @return {@code tokenhook.auth.oauth2.jwks-uri}, or null when unset */
            public @Nullable String getJwksUri() {
                return jwksUri;
            }

            /** @param jwksUri {@code tokenhook.auth.oauth2.jwks-uri} */
            public void setJwksUri(@Nullable String jwksUri) {
                this.jwksUri = jwksUri;
            }

            /** @return {@code tokenhook.auth.oauth2.client-id}, or null when unset */
            public @Nullable String getClientId() {
                return clientId;
            }

            /** @param clientId {@code tokenhook.auth.oauth2.client-id} */
            public void setClientId(@Nullable String clientId) {
                this.clientId = clientId;
            }

            /** @return {@code tokenhook.auth.oauth2.scope}, or null when unset */
            public @Nullable String getScope() {
                return scope;
            }

            /** @param scope {@code tokenhook.auth.oauth2.scope} */
            public void setScope(@Nullable String scope) {
                this.scope = scope;
            }
        }
    }
}
