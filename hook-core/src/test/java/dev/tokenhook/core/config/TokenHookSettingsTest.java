package dev.tokenhook.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenHookSettingsTest {

    private static TokenHookSettings read(Map<String, ?> properties) {
        return TokenHookSettings.read(ConfigSource.of(properties, "test.properties"));
    }

    @ParameterizedTest
    @CsvSource({"2500ms, 2500", "1.5s, 1500", "PT2S, 2000", "pt0.8s, 800", "800, 800", "2 s, 2000"})
    void durationSpellings(String text, long millis) {
        assertThat(read(Map.of("tokenhook.time-budget", text)).get(TokenHookKeys.TIME_BUDGET))
                .isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"256KB, 262144", "256KiB, 262144", "256kb, 262144", "1MB, 1048576", "1MiB, 1048576", "1000, 1000",
            "1000B, 1000"})
    void sizeSpellings(String text, int bytes) {
        assertThat(read(Map.of("tokenhook.max-body-size", text)).get(TokenHookKeys.MAX_BODY_SIZE)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"drop-rule, DROP_RULE", "DROP_RULE, DROP_RULE", "Drop-Rule, DROP_RULE", "no_change, NO_CHANGE",
            "DENY, DENY"})
    void enumSpellings(String text, RuleFailurePolicy policy) {
        assertThat(read(Map.of("tokenhook.on-rule-failure", text)).get(TokenHookKeys.ON_RULE_FAILURE))
                .isEqualTo(policy);
    }

    @Test
    void listsAndFlags() {
        TokenHookSettings settings = read(Map.of("tokenhook.auth.header.secrets", " one, two ,",
                "tokenhook.enabled", "FALSE", "tokenhook.rules", List.of("a.B", "c.D")));

        assertThat(settings.get(TokenHookKeys.AUTH_HEADER_SECRETS)).containsExactly("one", "two");
        assertThat(settings.get(TokenHookKeys.ENABLED)).isFalse();
        assertThat(settings.get(TokenHookKeys.RULES)).containsExactly("a.B", "c.D");
    }

    @Test
    void unsetAndBlankNonSecretKeysTakeTheirDefaults() {
        TokenHookSettings settings = read(Map.of("tokenhook.path", " ", "tokenhook.time-budget", ""));

        assertThat(settings).isEqualTo(TokenHookSettings.defaults());
        for (ConfigKey<?> key : TokenHookKeys.KEYS) {
            assertThat((Object) settings.get(key)).as(key.name()).isEqualTo(key.defaultValue());
        }
    }

    @Test
    void unknownKeysAreRefusedNamingTheNearestKey() {
        assertThatThrownBy(() -> read(Map.of("tokenhook.time-buget", "5s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenhook.time-buget (from test.properties): is not a tokenhook key; "
                        + "did you mean tokenhook.time-budget?");
        assertThatThrownBy(() -> read(Map.of("tokenhook.on-rule-failur", "deny")))
                .hasMessageContaining("did you mean tokenhook.on-rule-failure?");
        assertThatThrownBy(() -> read(Map.of("tokenhook.auth.header.secret", "Basic c2VjcmV0")))
                .hasMessageContaining("did you mean tokenhook.auth.header.secrets?")
                .message().doesNotContain("c2VjcmV0");
        assertThatThrownBy(() -> read(Map.of("tokenhook.zzzzzzzzzzzzzzzzzzzzzzzzz.qqqqqqqqqq", "x")))
                .hasMessageEndingWith("is not a tokenhook key");
        assertThat(read(Map.of("other.key", "x", "tokenhook.auth.header.secrets[0]", "s"))
                .get(TokenHookKeys.AUTH_HEADER_SECRETS)).isEmpty(); // indexed form is the framework's to join
    }

    @Test
    void secretsThatAreBlankOrUnresolvedPlaceholdersAreRefused() {
        for (String blank : List.of("", "  ", " , ")) {
            assertThatThrownBy(() -> read(Map.of("tokenhook.auth.header.secrets", blank)))
                    .as("'%s'", blank)
                    .hasMessageContaining("tokenhook.auth.header.secrets (from test.properties): is blank");
        }
        assertThatThrownBy(() -> read(Map.of("tokenhook.auth.header.secrets", "${TOKENHOOK_AUTH_SECRET}")))
                .hasMessageContaining("tokenhook.auth.header.secrets (from test.properties): is the unresolved "
                        + "placeholder ${TOKENHOOK_AUTH_SECRET}");
        assertThatThrownBy(() -> read(Map.of("tokenhook.time-budget", "${BUDGET}")))
                .hasMessageContaining("tokenhook.time-budget");
        assertThatThrownBy(() -> read(Map.of("tokenhook.auth.header.secrets", "")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.action())
                        .startsWith("Set tokenhook.auth.header.secrets to the exact value Okta sends"));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsKey() {
        Map<String, String> wrong = new HashMap<>();
        wrong.put("tokenhook.time-budget", "5s");
        wrong.put("tokenhook.max-body-size", "lots");
        wrong.put("tokenhook.on-rule-failure", "panic");
        wrong.put("tokenhook.path", "okta");
        wrong.put("tokenhook.enabled", "yes");

        assertThatThrownBy(() -> read(wrong)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).extracting(ConfigException.Problem::key).containsExactlyInAnyOrder(
                    "tokenhook.time-budget", "tokenhook.max-body-size", "tokenhook.on-rule-failure", "tokenhook.path",
                    "tokenhook.enabled");
            assertThat(e.getMessage())
                    .contains("tokenhook.time-budget (from test.properties): must be more than 0 and less than Okta's 3 s"
                            + " timeout, was 5000ms")
                    .contains("'lots' is not a size")
                    .contains("'panic' is not one of drop-rule, deny, no-change")
                    .contains("'yes' is not true or false");
            assertThat(e.action()).contains("README");
        });
    }

    @Test
    void oauth2IssuerNeedsAnAudience() {
        assertThatThrownBy(() -> read(Map.of("tokenhook.auth.oauth2.issuer", "https://example.okta.com/oauth2/default")))
                .hasMessageContaining("tokenhook.auth.oauth2.audience: is required with tokenhook.auth.oauth2.issuer");
        assertThatThrownBy(() -> read(Map.of("tokenhook.auth.oauth2.issuer", "not a url",
                "tokenhook.auth.oauth2.audience", "api://x"))).hasMessageContaining("must be a URL");
    }

    @Test
    void theTableDocumentsEveryKeyAndMatchesTheCoreLimits() {
        assertThat(TokenHookKeys.KEYS).allSatisfy(key -> {
            assertThat(key.name()).startsWith(TokenHookKeys.PREFIX);
            assertThat(key.description()).endsWith(".");
        });
        assertThat(TokenHookKeys.KEYS).extracting(ConfigKey::name).doesNotHaveDuplicates();
        assertThat(TokenHookKeys.MAX_BODY_SIZE.check(TokenHookRequest.MAX_DOCUMENT_BYTES)).isPositive();
        assertThatThrownBy(() -> TokenHookKeys.MAX_BODY_SIZE.check(TokenHookRequest.MAX_DOCUMENT_BYTES + 1))
                .hasMessageContaining("between 1 byte and 4MB");
        assertThat(TokenHookKeys.TIME_BUDGET.defaultText()).isEqualTo("2500ms");
        assertThat(TokenHookKeys.MAX_BODY_SIZE.defaultText()).isEqualTo("256KB");
        assertThat(TokenHookKeys.ON_RULE_FAILURE.defaultText()).isEqualTo("drop-rule");
        assertThat(TokenHookKeys.ON_RULE_FAILURE.choices()).containsExactly("drop-rule", "deny", "no-change");
    }

    @ParameterizedTest
    @CsvSource({"tokenhook.timeBudget, tokenhook.time-budget",
            "tokenhook.auth.header.SECRETS, tokenhook.auth.header.secrets",
            "tokenhook.lookups.patients.freshFor, tokenhook.lookups.patients.fresh-for",
            "tokenhook.lookups.patients.fresh_for, tokenhook.lookups.patients.fresh-for",
            "tokenhook.lookups.Patients.FRESHFOR, tokenhook.lookups.patients.fresh-for",
            "tokenhook.lookups.patients.circuit.failureRate, tokenhook.lookups.patients.circuit.failure-rate",
            "tokenhook.reservedClaims.idToken.allow, tokenhook.reserved-claims.id-token.allow",
            "tokenhook.lookups.patients.freshFour, tokenhook.lookups.patients.freshFour",
            "tokenhook.lookups.patients, tokenhook.lookups.patients",
            "tokenhook.lookups.patients.circuit, tokenhook.lookups.patients.circuit",
            "other.timeBudget, other.timeBudget"})
    void relaxedSpellingsMapToTheTablesKeysAndOthersStayAsWritten(String written, String canonical) {
        assertThat(TokenHookKeys.canonical(written)).isEqualTo(canonical);
    }

    @Test
    void groupsGiveNamedAndPerTokenEntries() {
        ConfigKey<Duration> freshFor = ConfigKey.duration("fresh-for", Duration.ofMinutes(5), "How long.");
        ConfigGroup lookups = ConfigGroup.named("tokenhook.lookups", "One lookup.", freshFor);
        ConfigKey<List<String>> allow = ConfigKey.list("allow", "Allowed.");
        ConfigGroup claims = ConfigGroup.fixed("tokenhook.reserved-claims", List.of("id-token", "access-token"),
                "Per token.", allow);

        assertThat(lookups.key("patients", freshFor).name()).isEqualTo("tokenhook.lookups.patients.fresh-for");
        assertThat(lookups.entry("tokenhook.lookups.patients.fresh-for")).hasValue("patients");
        assertThat(lookups.entry("tokenhook.lookups.Bad_Name.fresh-for")).isEmpty();
        assertThat(claims.entry("tokenhook.reserved-claims.id-token.allow")).hasValue("id-token");
        assertThat(claims.entry("tokenhook.reserved-claims.refresh-token.allow")).isEmpty();
        assertThat(claims.key("access-token", allow).parse("a, b")).containsExactly("a", "b");
    }

    @Test
    void sourcesCombineInOrderAndSayWhereAValueCameFrom() {
        ConfigSource first = ConfigSource.of(Map.of("tokenhook.time-budget", " "), "servlet init-parameter");
        ConfigSource second = ConfigSource.of(Map.of("tokenhook.time-budget", "1s", "tokenhook.path", "/x"),
                "context init-parameter");
        ConfigSource both = ConfigSource.firstOf(first, second);

        assertThat(both.value("tokenhook.time-budget")).isEqualTo("1s");
        assertThat(both.origin("tokenhook.time-budget")).isEqualTo("context init-parameter");
        assertThat(both.keys()).containsExactlyInAnyOrder("tokenhook.time-budget", "tokenhook.path");
        assertThat(ConfigSource.environmentName("tokenhook.auth.header.secrets")).isEqualTo("TOKENHOOK_AUTH_HEADER_SECRETS");
        assertThat(TokenHookSettings.read(both).toString()).contains("tokenhook.time-budget=PT1S");
        assertThat(read(Map.of("tokenhook.auth.header.secrets", "Basic c2VjcmV0")).toString())
                .contains("tokenhook.auth.header.secrets=****").doesNotContain("c2VjcmV0");
    }
}
