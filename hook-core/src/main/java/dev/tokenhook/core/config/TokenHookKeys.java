package dev.tokenhook.core.config;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.lookup.OnUnknown;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import dev.tokenhook.core.rule.TokenHook;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The table of every {@code tokenhook.*} key: the one place where a key, its kind, default, description
 * and validation live. {@link TokenHookSettings#read(ConfigSource)} reads any source against it; the
 * adapters only hand over their framework's source; README's configuration table and the IDE metadata
 * of the Spring and Micronaut adapters are checked against it by tests.
 *
 * <h2>Adding keys</h2>
 * <ul>
 * <li><b>A key</b> is one line here, plus its entry in {@link #KEYS}:
 * <pre>{@code
 * public static final ConfigKey<Duration> BODY_READ_DEADLINE = ConfigKey.duration("tokenhook.body-read-deadline",
 *         Duration.ofMillis(1000), "How long reading the body may take.").validWhen(d -> d.toMillis() > 0, "positive");
 * }</pre>
 * Read it with {@code settings.get(TokenHookKeys.BODY_READ_DEADLINE)}. Spellings (durations, sizes, enums in
 * any case with {@code -} or {@code _}, lists, booleans), blank and placeholder checks, unknown-key refusal
 * with "did you mean" and error messages naming the key and its origin come with it.</li>
 * <li><b>Named entries</b> ({@code tokenhook.lookups.<name>.<setting>}): one {@link ConfigGroup#named} in
 * {@link #GROUPS}, its settings named by their last part:
 * <pre>{@code
 * public static final ConfigKey<Duration> LOOKUP_FRESH_FOR = ConfigKey.duration("fresh-for", Duration.ofMinutes(5),
 *         "How long a looked-up value is used without asking again.");
 * public static final ConfigGroup LOOKUPS = ConfigGroup.named("tokenhook.lookups", "One claim lookup.",
 *         LOOKUP_FRESH_FOR, LOOKUP_WAIT_LIMIT, LOOKUP_MAX_SIZE);
 * }</pre>
 * Read every entry with {@code settings.names(LOOKUPS)} and {@code settings.get(LOOKUPS, name, LOOKUP_FRESH_FOR)},
 * and build the settings type of that feature from them.</li>
 * <li><b>Per-token sets</b> ({@code tokenhook.reserved-claims.id-token.allow}): a {@link ConfigGroup#fixed}
 * group with the token names:
 * <pre>{@code
 * public static final ConfigKey<List<String>> CLAIMS_ALLOW = ConfigKey.list("allow", "Claims allowed although reserved.");
 * public static final ConfigKey<List<String>> CLAIMS_DENY = ConfigKey.list("deny", "Claims refused besides Okta's.");
 * public static final ConfigGroup RESERVED_CLAIMS = ConfigGroup.fixed("tokenhook.reserved-claims",
 *         List.of("id-token", "access-token"), "Reserved claims of one token.", CLAIMS_ALLOW, CLAIMS_DENY);
 * }</pre>
 * Read with {@code settings.get(RESERVED_CLAIMS, "id-token", CLAIMS_ALLOW)} (unset: the setting's default).</li>
 * </ul>
 * Then add the key to README's configuration table and regenerate the adapters' IDE metadata (the tests
 * say how when it is out of date).
 */
public final class TokenHookKeys {

    /** Common start of every key. */
    public static final String PREFIX = "tokenhook.";

    private static final Pattern LITERAL_PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()+,;=:@%-]+)+/?|/");

    /** Default of {@link #MAX_BODY_SIZE}: 256 KiB, far above any real Okta request. */
    public static final int DEFAULT_MAX_BODY_SIZE = 256 * 1024;
    /** Default of {@link #PATH}. */
    public static final String DEFAULT_PATH = "/okta/token-hook";

    /** {@code tokenhook.enabled}. */
    public static final ConfigKey<Boolean> ENABLED = ConfigKey.flag("tokenhook.enabled", true,
            "Whether to register the token hook endpoint at all.");
    /** {@code tokenhook.path}. */
    public static final ConfigKey<String> PATH = ConfigKey.text("tokenhook.path", DEFAULT_PATH,
            "Path the endpoint answers at, a literal path.")
            .validWhen(p -> LITERAL_PATH.matcher(p).matches(),
                    "a literal path starting with '/' (no wildcards, templates or spaces)");
    /** {@code tokenhook.auth.header.name}. */
    public static final ConfigKey<String> AUTH_HEADER_NAME = ConfigKey.text("tokenhook.auth.header.name",
            "Authorization", "Name of the header carrying the shared secret (Okta's \"Authentication field\").")
            .validWhen(n -> !n.isBlank(), "a header name");
    /** {@code tokenhook.auth.header.secrets}. */
    public static final ConfigKey<List<String>> AUTH_HEADER_SECRETS = ConfigKey.list("tokenhook.auth.header.secrets",
            "Accepted values of that header, comma-separated (two while rotating), e.g. Basic dXNlcjpwYXNz.")
            .secret();
    /** {@code tokenhook.auth.allow-unauthenticated}. */
    public static final ConfigKey<Boolean> AUTH_ALLOW_UNAUTHENTICATED = ConfigKey.flag(
            "tokenhook.auth.allow-unauthenticated", false,
            "Accept calls without authentication: only for tests, anyone who can call the hook shapes your tokens.");
    /** {@code tokenhook.auth.oauth2.issuer}. */
    public static final ConfigKey<String> OAUTH2_ISSUER = ConfigKey.text("tokenhook.auth.oauth2.issuer", null,
            "Exact iss of the OAuth 2.0 tokens Okta sends; setting it switches OAuth 2.0 authentication on.")
            .validWhen(TokenHookKeys::isUri, "a URL");
    /** {@code tokenhook.auth.oauth2.audience}. */
    public static final ConfigKey<String> OAUTH2_AUDIENCE = ConfigKey.text("tokenhook.auth.oauth2.audience", null,
            "A value aud must contain; required with the issuer.");
    /** {@code tokenhook.auth.oauth2.jwks-uri}. */
    public static final ConfigKey<String> OAUTH2_JWKS_URI = ConfigKey.text("tokenhook.auth.oauth2.jwks-uri", null,
            "The issuer's key set; read from the issuer's metadata when unset.")
            .validWhen(TokenHookKeys::isUri, "a URL");
    /** {@code tokenhook.auth.oauth2.client-id}. */
    public static final ConfigKey<String> OAUTH2_CLIENT_ID = ConfigKey.text("tokenhook.auth.oauth2.client-id", null,
            "If set, cid must equal it.");
    /** {@code tokenhook.auth.oauth2.scope}. */
    public static final ConfigKey<String> OAUTH2_SCOPE = ConfigKey.text("tokenhook.auth.oauth2.scope", null,
            "If set, scp must contain it.");
    /** {@code tokenhook.time-budget}. */
    public static final ConfigKey<Duration> TIME_BUDGET = ConfigKey.duration("tokenhook.time-budget",
            TokenHook.DEFAULT_TIME_BUDGET, "End-to-end budget of one call; must be under Okta's 3 s timeout.")
            .validWhen(d -> !d.isNegative() && !d.isZero() && d.compareTo(Duration.ofSeconds(3)) < 0,
                    "more than 0 and less than Okta's 3 s timeout");
    /** {@code tokenhook.max-body-size}. */
    public static final ConfigKey<Integer> MAX_BODY_SIZE = ConfigKey.size("tokenhook.max-body-size", DEFAULT_MAX_BODY_SIZE,
            "Largest request body accepted; larger ones get 413.")
            .validWhen(n -> n >= 1 && n <= TokenHookRequest.MAX_DOCUMENT_BYTES, "between 1 byte and 4MB");
    /** {@code tokenhook.on-rule-failure}. */
    public static final ConfigKey<RuleFailurePolicy> ON_RULE_FAILURE = ConfigKey.choice("tokenhook.on-rule-failure",
            RuleFailurePolicy.class, RuleFailurePolicy.DROP_RULE,
            "What to answer when a rule fails or runs out of time.");
    /** {@code tokenhook.rules}. */
    public static final ConfigKey<List<String>> RULES = ConfigKey.list("tokenhook.rules",
            "ClaimRule classes with public no-arg constructors, comma-separated, in order (hook-servlet's web.xml form).");
    /** {@code tokenhook.health.enabled}. */
    public static final ConfigKey<Boolean> HEALTH_ENABLED = ConfigKey.flag("tokenhook.health.enabled", true,
            "Whether to register the tokenHook health indicator.");
    /** {@code tokenhook.health.window}. */
    public static final ConfigKey<Integer> HEALTH_WINDOW = ConfigKey.count("tokenhook.health.window", 100,
            "How many recent answered calls the health indicator considers.")
            .validWhen(n -> n >= 1, "at least 1");
    /** {@code tokenhook.health.failure-threshold}. */
    public static final ConfigKey<Double> HEALTH_FAILURE_THRESHOLD = ConfigKey.ratio(
            "tokenhook.health.failure-threshold", 0.5, "Share of failed calls at which the hook is reported DOWN.")
            .validWhen(r -> r > 0 && r <= 1, "above 0 and at most 1");
    /** {@code tokenhook.health.min-calls}. */
    public static final ConfigKey<Integer> HEALTH_MIN_CALLS = ConfigKey.count("tokenhook.health.min-calls", 10,
            "Calls needed in the window before the hook can be reported DOWN; at most the window.")
            .validWhen(n -> n >= 1, "at least 1");

    /** {@code tokenhook.lookups.<name>.fresh-for}. */
    public static final ConfigKey<Duration> LOOKUP_FRESH_FOR = ConfigKey.duration("fresh-for",
            LookupSettings.DEFAULT_FRESH_FOR, "How long a found value is served without asking the source; after it,"
                    + " it is still served at once and refreshed in the background.")
            .validWhen(TokenHookKeys::positive, "more than 0");
    /** {@code tokenhook.lookups.<name>.not-found-fresh-for}. */
    public static final ConfigKey<Duration> LOOKUP_NOT_FOUND_FRESH_FOR = ConfigKey.duration("not-found-fresh-for",
            LookupSettings.DEFAULT_NOT_FOUND_FRESH_FOR, "The same for \"not found\".")
            .validWhen(TokenHookKeys::positive, "more than 0");
    /** {@code tokenhook.lookups.<name>.wait-limit}. */
    public static final ConfigKey<Duration> LOOKUP_WAIT_LIMIT = ConfigKey.duration("wait-limit",
            LookupSettings.DEFAULT_WAIT_LIMIT, "How long a lookup waits for the source on a miss, then answers with"
                    + " the last known value or unknown; keep it well inside the time budget.")
            .validWhen(d -> positive(d) && d.compareTo(LookupSettings.MAX_WAIT_LIMIT) <= 0,
                    "more than 0 and at most " + LookupSettings.MAX_WAIT_LIMIT.toMillis() + "ms");
    /** {@code tokenhook.lookups.<name>.stale-for}. */
    public static final ConfigKey<Duration> LOOKUP_STALE_FOR = ConfigKey.duration("stale-for",
            LookupSettings.DEFAULT_STALE_FOR, "How long a last known answer is kept for when the source fails, from"
                    + " when it was read; at least both freshness times.")
            .validWhen(TokenHookKeys::positive, "more than 0");
    /** {@code tokenhook.lookups.<name>.max-size}. */
    public static final ConfigKey<Integer> LOOKUP_MAX_SIZE = ConfigKey.count("max-size",
            LookupSettings.DEFAULT_MAX_SIZE, "The most keys cached.").validWhen(n -> n >= 1, "at least 1");
    /** {@code tokenhook.lookups.<name>.max-concurrent-calls}. */
    public static final ConfigKey<Integer> LOOKUP_MAX_CONCURRENT_CALLS = ConfigKey.count("max-concurrent-calls",
            LookupSettings.DEFAULT_MAX_CONCURRENT_CALLS, "The most calls to the source at once.")
            .validWhen(n -> n >= 1, "at least 1");
    /** {@code tokenhook.lookups.<name>.interrupt-after}. */
    public static final ConfigKey<Duration> LOOKUP_INTERRUPT_AFTER = ConfigKey.duration("interrupt-after",
            LookupSettings.DEFAULT_INTERRUPT_AFTER, "A source call still running after this long has its thread"
                    + " interrupted, which frees the thread when the source answers interrupts (the JDK's HttpClient,"
                    + " waits on locks or queues; JDBC drivers need their own network timeout); at least wait-limit.")
            .validWhen(TokenHookKeys::positive, "more than 0");
    /** {@code tokenhook.lookups.<name>.circuit.failure-rate}. */
    public static final ConfigKey<Integer> LOOKUP_CIRCUIT_FAILURE_RATE = ConfigKey.count("circuit.failure-rate",
            LookupSettings.DEFAULT_CIRCUIT_FAILURE_RATE, "Percentage of failed or too slow source calls, among the"
                    + " last circuit.minimum-calls, that opens the circuit.")
            .validWhen(n -> n >= 1 && n <= 100, "a percentage from 1 to 100");
    /** {@code tokenhook.lookups.<name>.circuit.minimum-calls}. */
    public static final ConfigKey<Integer> LOOKUP_CIRCUIT_MINIMUM_CALLS = ConfigKey.count("circuit.minimum-calls",
            LookupSettings.DEFAULT_CIRCUIT_MINIMUM_CALLS, "Source calls seen before the circuit may open.")
            .validWhen(n -> n >= 1, "at least 1");
    /** {@code tokenhook.lookups.<name>.circuit.open-for}. */
    public static final ConfigKey<Duration> LOOKUP_CIRCUIT_OPEN_FOR = ConfigKey.duration("circuit.open-for",
            LookupSettings.DEFAULT_CIRCUIT_OPEN_FOR, "How long an open circuit leaves the source uncalled; lookups"
                    + " answer from the cache at once meanwhile.")
            .validWhen(TokenHookKeys::positive, "more than 0");
    /** {@code tokenhook.lookups.<name>.on-unknown}. */
    public static final ConfigKey<OnUnknown> LOOKUP_ON_UNKNOWN = ConfigKey.choice("on-unknown", OnUnknown.class,
            OnUnknown.OMIT_CLAIM, "What a rule gets when the answer is unknown: omit-claim leaves the claim out,"
                    + " fail-rule fails the rule so on-rule-failure applies.");
    /** {@code tokenhook.lookups.<name>.*}: one claim lookup (hook-lookup's {@code ClaimLookup}) per name. */
    public static final ConfigGroup LOOKUPS = ConfigGroup.named("tokenhook.lookups",
            "One claim lookup (hook-lookup's ClaimLookup), named by the application, e.g. patients.",
            LOOKUP_FRESH_FOR, LOOKUP_NOT_FOUND_FRESH_FOR, LOOKUP_WAIT_LIMIT, LOOKUP_STALE_FOR, LOOKUP_MAX_SIZE,
            LOOKUP_MAX_CONCURRENT_CALLS, LOOKUP_INTERRUPT_AFTER, LOOKUP_CIRCUIT_FAILURE_RATE,
            LOOKUP_CIRCUIT_MINIMUM_CALLS, LOOKUP_CIRCUIT_OPEN_FOR, LOOKUP_ON_UNKNOWN);

    /** Every plain key, in documentation order. */
    public static final List<ConfigKey<?>> KEYS = List.of(ENABLED, PATH, AUTH_HEADER_NAME, AUTH_HEADER_SECRETS,
            AUTH_ALLOW_UNAUTHENTICATED, OAUTH2_ISSUER, OAUTH2_AUDIENCE, OAUTH2_JWKS_URI, OAUTH2_CLIENT_ID, OAUTH2_SCOPE,
            TIME_BUDGET, MAX_BODY_SIZE, ON_RULE_FAILURE, RULES, HEALTH_ENABLED, HEALTH_WINDOW, HEALTH_FAILURE_THRESHOLD,
            HEALTH_MIN_CALLS);

    /** {@code allow} of {@link #RESERVED_CLAIMS}. */
    public static final ConfigKey<List<String>> RESERVED_CLAIMS_ALLOW = ConfigKey.list("allow",
            "Claims rules may change in the token the key names although Okta's table reserves them there, "
                    + "comma-separated.");
    /** {@code deny} of {@link #RESERVED_CLAIMS}. */
    public static final ConfigKey<List<String>> RESERVED_CLAIMS_DENY = ConfigKey.list("deny",
            "Claims refused in the token the key names besides those Okta's table reserves there, "
                    + "comma-separated.");
    /**
     * {@code tokenhook.reserved-claims.id-token|access-token.allow|deny}: changes to Okta's reserved-claim
     * table (hook-core's {@code ReservedClaims}), per token.
     */
    public static final ConfigGroup RESERVED_CLAIMS = ConfigGroup.fixed("tokenhook.reserved-claims",
            List.of("id-token", "access-token"), "Changes to the claims Okta reserves in one token.",
            RESERVED_CLAIMS_ALLOW, RESERVED_CLAIMS_DENY);

    /** Every group of named entries. */
    public static final List<ConfigGroup> GROUPS = List.of(RESERVED_CLAIMS, LOOKUPS);

    private TokenHookKeys() {
    }

    /**
     * @return every key with a name known in advance: the plain keys, then each setting of each entry of
     *     the fixed groups (e.g. {@code tokenhook.reserved-claims.id-token.allow}), for documentation
     */
    public static List<ConfigKey<?>> documented() {
        List<ConfigKey<?>> keys = new ArrayList<>(KEYS);
        for (ConfigGroup group : GROUPS) {
            for (String name : group.names()) {
                group.settings().forEach(setting -> keys.add(group.key(name, setting)));
            }
        }
        return List.copyOf(keys);
    }

    /**
     * @param name a full key
     * @return the plain key of that name
     */
    public static Optional<ConfigKey<?>> find(String name) {
        return KEYS.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    /**
     * The table's spelling of a key written the way Spring Boot's relaxed binding reads it: each dot-separated
     * part compared ignoring case, {@code -} and {@code _} ({@code tokenhook.timeBudget},
     * {@code tokenhook.lookups.patients.freshFor}, {@code tokenhook.lookups.patients.circuit.open_for}); an
     * entry's name is lower-cased (in a group of fixed names: spelt as the table spells it). Only for sources
     * whose framework reads keys that way (hook-spring): a source reading the exact key only must not use it, or
     * a key would be accepted that is never read.
     *
     * @param written a key as written, without list indexes
     * @return the key in the table's spelling, or {@code written} unchanged when no key is spelt that way
     */
    public static String canonical(String written) {
        List<String> parts = List.of(written.split("\\.", -1));
        for (ConfigKey<?> key : KEYS) {
            if (sameParts(parts, key.name())) {
                return key.name();
            }
        }
        for (ConfigGroup group : GROUPS) {
            int size = group.prefix().split("\\.").length;
            if (parts.size() > size + 1 && sameParts(parts.subList(0, size), group.prefix())) {
                String entry = parts.get(size);
                String name = group.names().stream().filter(n -> relaxed(n).equals(relaxed(entry))).findFirst()
                        .orElse(entry.toLowerCase(Locale.ROOT));
                List<String> rest = parts.subList(size + 1, parts.size());
                for (ConfigKey<?> setting : group.settings()) {
                    if (sameParts(rest, setting.name())) {
                        return group.prefix() + "." + name + "." + setting.name();
                    }
                }
            }
        }
        return written;
    }

    private static boolean sameParts(List<String> parts, String key) {
        String[] known = key.split("\\.");
        if (known.length != parts.size()) {
            return false;
        }
        for (int i = 0; i < known.length; i++) {
            if (!relaxed(parts.get(i)).equals(relaxed(known[i]))) {
                return false;
            }
        }
        return true;
    }

    private static String relaxed(String part) {
        return part.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /**
     * @param name a key that is not in the table
     * @return the known key closest to it in spelling, if one is close enough to be a typo
     */
    public static Optional<String> nearest(String name) {
        Stream<String> plain = KEYS.stream().map(ConfigKey::name);
        Stream<String> grouped = GROUPS.stream().flatMap(group -> group.entry(name).map(List::of)
                .orElse(group.names().isEmpty() ? List.of("<name>") : group.names()).stream()
                .flatMap(entry -> group.settings().stream().map(setting -> group.key(entry, setting).name())));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : (Iterable<String>) Stream.concat(plain, grouped)::iterator) {
            int distance = distance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(3, name.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static boolean isUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
