package dev.tokenhook.testkit;

import dev.tokenhook.core.TokenType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ entry point for emulated outcomes:
 *
 * <pre>{@code
 * assertThat(outcome).isPatched().idToken().hasClaim("extPatientId", "1234");
 * }</pre>
 */
public final class TokenHookAssertions {

    private TokenHookAssertions() {
    }

    /**
     * @param outcome what Okta would do
     * @return assertions on it
     */
    public static OutcomeAssert assertThat(EmulatedOutcome outcome) {
        return new OutcomeAssert(outcome);
    }

    /** Assertions on an {@link EmulatedOutcome}. */
    public static final class OutcomeAssert extends AbstractAssert<OutcomeAssert, EmulatedOutcome> {

        OutcomeAssert(EmulatedOutcome actual) {
            super(actual, OutcomeAssert.class);
        }

        /** @return this, if Okta applied a patch */
        public OutcomeAssert isPatched() {
            return hasResult(EmulatedOutcome.Result.PATCHED);
        }

        /** @return this, if Okta minted the tokens as they were, because the answer had no commands */
        public OutcomeAssert isUnchanged() {
            return hasResult(EmulatedOutcome.Result.UNCHANGED);
        }

        /** @return this, if Okta discarded the whole patch */
        public OutcomeAssert isDiscarded() {
            return hasResult(EmulatedOutcome.Result.DISCARDED);
        }

        /** @return this, if Okta skipped the hook (timeout, status, unreadable answer) */
        public OutcomeAssert hookFailed() {
            return hasResult(EmulatedOutcome.Result.HOOK_FAILED);
        }

        /**
         * @param description the {@code error_description} the OAuth client must get
         * @return this, if Okta refused the token with it
         */
        public OutcomeAssert isDeniedWith(String description) {
            hasResult(EmulatedOutcome.Result.DENIED);
            if (!Objects.equals(actual.oauthErrorDescription().orElse(null), description)) {
                failWithMessage("Expected error_description <%s> but was <%s>", description, actual.reason());
            }
            return this;
        }

        /**
         * @param fragment text the reason must contain
         * @return this
         */
        public OutcomeAssert hasReasonContaining(String fragment) {
            isNotNull();
            if (!actual.reason().contains(fragment)) {
                failWithMessage("Expected reason containing <%s> but was <%s>", fragment, actual.reason());
            }
            return this;
        }

        /** @return assertions on the minted ID token (fails if none) */
        public TokenAssert idToken() {
            return token(TokenType.ID_TOKEN, actual.idToken());
        }

        /** @return assertions on the minted access token (fails if none) */
        public TokenAssert accessToken() {
            return token(TokenType.ACCESS_TOKEN, actual.accessToken());
        }

        private TokenAssert token(TokenType type, Optional<EmulatedToken> token) {
            isNotNull();
            if (token.isEmpty()) {
                failWithMessage("Expected an %s to be minted, but none was (result %s: %s)", type.label(),
                        actual.result(), actual.reason());
            }
            return new TokenAssert(token.orElseThrow());
        }

        private OutcomeAssert hasResult(EmulatedOutcome.Result expected) {
            isNotNull();
            if (actual.result() != expected) {
                failWithMessage("Expected Okta to treat the answer as %s but it was %s: %s", expected, actual.result(),
                        actual.reason());
            }
            return this;
        }
    }

    /** Assertions on one {@link EmulatedToken}. */
    public static final class TokenAssert extends AbstractAssert<TokenAssert, EmulatedToken> {

        TokenAssert(EmulatedToken actual) {
            super(actual, TokenAssert.class);
        }

        /**
         * @param name a claim name
         * @param value its expected value (compared with equals; JSON numbers are Integer, Long or BigDecimal)
         * @return this
         */
        public TokenAssert hasClaim(String name, Object value) {
            if (!actual.claims().containsKey(name)) {
                failWithMessage("Expected %s to have claim <%s>, claims are %s", actual.type().label(), name,
                        actual.claims().keySet());
            }
            if (!Objects.equals(actual.claims().get(name), value)) {
                failWithMessage("Expected %s claim <%s> to be <%s> but was <%s>", actual.type().label(), name, value,
                        actual.claims().get(name));
            }
            return this;
        }

        /**
         * @param name a claim name
         * @return this, if the token lacks that claim
         */
        public TokenAssert doesNotHaveClaim(String name) {
            if (actual.claims().containsKey(name)) {
                failWithMessage("Expected %s not to have claim <%s>", actual.type().label(), name);
            }
            return this;
        }

        /**
         * @param lifetime the expected lifetime
         * @return this
         */
        public TokenAssert hasLifetime(Duration lifetime) {
            if (!actual.lifetime().equals(lifetime)) {
                failWithMessage("Expected %s lifetime <%s> but was <%s>", actual.type().label(), lifetime,
                        actual.lifetime());
            }
            return this;
        }
    }
}
