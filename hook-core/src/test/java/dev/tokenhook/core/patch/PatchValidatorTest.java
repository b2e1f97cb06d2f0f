package dev.tokenhook.core.patch;

import static dev.tokenhook.core.patch.PatchViolation.Kind.CONFLICTING_OPERATIONS;
import static dev.tokenhook.core.patch.PatchViolation.Kind.INVALID_INDEX;
import static dev.tokenhook.core.patch.PatchViolation.Kind.NOT_AN_ARRAY;
import static dev.tokenhook.core.patch.PatchViolation.Kind.PARENT_MISSING;
import static dev.tokenhook.core.patch.PatchViolation.Kind.RESERVED_CLAIM;
import static dev.tokenhook.core.patch.PatchViolation.Kind.RESPONSE_TOO_LARGE;
import static dev.tokenhook.core.patch.PatchViolation.Kind.TARGET_MISSING;
import static dev.tokenhook.core.patch.PatchViolation.Kind.TOKEN_NOT_MINTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.SampleRequests;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PatchValidator}: for every {@link PatchViolation.Kind} at least one operation it refuses and
 * one it accepts.
 */
class PatchValidatorTest {

    private static final Set<PatchViolation.Kind> SEEN = EnumSet.noneOf(PatchViolation.Kind.class);

    private static final Map<String, Object> ID_CLAIMS = Map.of(
            "sub", "00u1",
            "aud", "0oa1",
            "name", "Jessie Smith",
            "birthdate", "1990-01-01",
            "groups", List.of("Everyone"),
            "employee_profile", Map.of("email", "jessie@example.com", "address", Map.of("city", "Boston")),
            "preferred_airports", List.of("sjc", "lax", "sfo", "oak"),
            "https://example.com/profile", Map.of("dept/unit", "cardiology"));

    private static final Map<String, Object> ACCESS_CLAIMS = Map.of(
            "sub", "jessie@example.com",
            "aud", "api://default",
            "iss", "https://example.okta.com/oauth2/default",
            "external_guid", "F0384685",
            "roles", List.of("reader", "writer"));

    private static final TokenHookRequest BOTH = SampleRequests.minting(ID_CLAIMS, ACCESS_CLAIMS);
    private static final TokenHookRequest ACCESS_ONLY = SampleRequests.minting(null, ACCESS_CLAIMS);
    private static final TokenHookRequest ID_ONLY = SampleRequests.minting(ID_CLAIMS, null);

    private final PatchValidator validator = PatchValidator.withDefaults();

    private List<PatchViolation> validate(TokenHookRequest request, Consumer<TokenPatch> writes) {
        TokenPatch patch = new TokenPatch();
        writes.accept(patch);
        List<PatchViolation> violations = validator.validate(request, patch.operations());
        violations.forEach(v -> SEEN.add(v.kind()));
        return violations;
    }

    private void assertAccepted(TokenHookRequest request, Consumer<TokenPatch> writes) {
        assertThat(validate(request, writes)).isEmpty();
    }

    private PatchViolation assertOneViolation(TokenHookRequest request, PatchViolation.Kind kind,
            Consumer<TokenPatch> writes) {
        List<PatchViolation> violations = validate(request, writes);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).kind()).isEqualTo(kind);
        return violations.get(0);
    }

    @AfterAll
    static void everyKindWasProduced() {
        assertThat(SEEN).containsExactlyInAnyOrder(PatchViolation.Kind.values());
    }

    @Nested
    class ReservedClaim {

        static List<String> reservedInIdToken() {
            return List.copyOf(new java.util.TreeSet<>(ReservedClaims.defaults().names(TokenType.ID_TOKEN)));
        }

        static List<String> reservedInAccessToken() {
            return List.copyOf(new java.util.TreeSet<>(ReservedClaims.defaults().names(TokenType.ACCESS_TOKEN)));
        }

        @ParameterizedTest
        @MethodSource("reservedInIdToken")
        void everyReservedIdTokenClaimIsRefused(String claim) {
            PatchViolation violation = assertOneViolation(BOTH, RESERVED_CLAIM, p -> p.idToken().add(claim, "x"));

            assertThat(violation.token()).isEqualTo(TokenType.ID_TOKEN);
            assertThat(violation.path()).isEqualTo(ClaimPath.claim(claim).pointer());
            assertThat(violation.message()).isEqualTo("Claim '" + claim + "' is reserved in the id_token");
        }

        @ParameterizedTest
        @MethodSource("reservedInAccessToken")
        void everyReservedAccessTokenClaimIsRefused(String claim) {
            assertOneViolation(BOTH, RESERVED_CLAIM, p -> p.accessToken().add(claim, "x"));
        }

        @Test
        void audAndSubMayChangeInTheAccessTokenOnly() {
            assertAccepted(BOTH, p -> p.accessToken().replace("aud", "api://orders").replace("sub", "00u1"));
            assertOneViolation(BOTH, RESERVED_CLAIM, p -> p.idToken().replace("aud", "other"));
            assertOneViolation(BOTH, RESERVED_CLAIM, p -> p.idToken().replace("sub", "other"));
        }

        @Test
        void everyOperationOnAReservedClaimIsRefused() {
            assertOneViolation(BOTH, RESERVED_CLAIM, p -> p.accessToken().remove("iss"));
            assertOneViolation(BOTH, RESERVED_CLAIM, p -> p.accessToken().replace("iss", "x"));
            assertOneViolation(BOTH, RESERVED_CLAIM, p -> p.idToken().append("groups", "Admins"));
            assertOneViolation(BOTH, RESERVED_CLAIM, p -> p.idToken().remove(ClaimPath.claim("groups").index(0)));
        }

        @Test
        void customClaimsAndStandardProfileClaimsAreAccepted() {
            assertAccepted(BOTH, p -> p.idToken().add("extPatientId", "1234").replace("birthdate", "1990-02-02")
                    .remove("name"));
        }

        @Test
        void theValidatorUsesItsOwnList() {
            PatchValidator lenient = new PatchValidator(ReservedClaims.defaults().allow(TokenType.ID_TOKEN, "groups"));
            PatchValidator strict = new PatchValidator(ReservedClaims.defaults().reserve(TokenType.ID_TOKEN, "tenant"));
            TokenPatch groups = new TokenPatch();
            groups.idToken().append("groups", "Admins");
            TokenPatch tenant = new TokenPatch();
            tenant.idToken().add("tenant", "t-1");

            assertThat(lenient.validate(BOTH, groups.operations())).isEmpty();
            assertThat(strict.validate(BOTH, tenant.operations())).extracting(PatchViolation::kind)
                    .containsExactly(RESERVED_CLAIM);
            assertThat(lenient.reservedClaims().isReserved(TokenType.ID_TOKEN, "groups")).isFalse();
        }
    }

    @Nested
    class TokenNotMinted {

        @Test
        void idTokenOperationsWithoutAnIdToken() {
            PatchViolation violation = assertOneViolation(ACCESS_ONLY, TOKEN_NOT_MINTED,
                    p -> p.idToken().add("extPatientId", "1234"));
            assertThat(violation.message()).contains("not minting an id_token");
            assertOneViolation(ACCESS_ONLY, TOKEN_NOT_MINTED, p -> p.idToken().lifetime(Duration.ofHours(1)));
            assertOneViolation(ACCESS_ONLY, TOKEN_NOT_MINTED, p -> p.idToken().add("sub", "x"));
        }

        @Test
        void accessTokenOperationsWithoutAnAccessToken() {
            assertOneViolation(ID_ONLY, TOKEN_NOT_MINTED, p -> p.accessToken().add("tenant", "t"));
            assertAccepted(ID_ONLY, p -> p.idToken().add("tenant", "t").lifetime(Duration.ofMinutes(10)));
        }

        @Test
        void operationsOnMintedTokens() {
            assertAccepted(ACCESS_ONLY, p -> p.accessToken().add("tenant", "t").lifetime(Duration.ofMinutes(10)));
            assertAccepted(BOTH, p -> {
                p.idToken().add("tenant", "t");
                p.accessToken().add("tenant", "t");
            });
        }
    }

    @Nested
    class TargetMissing {

        @Test
        void replaceAndRemoveNeedAnExistingClaim() {
            PatchViolation replace = assertOneViolation(BOTH, TARGET_MISSING,
                    p -> p.idToken().replace("nickname", "JJ"));
            assertThat(replace.message()).isEqualTo("Claim 'nickname' is not in the request's id_token, so it cannot "
                    + "be replaced");
            PatchViolation remove = assertOneViolation(BOTH, TARGET_MISSING, p -> p.accessToken().remove("tenant"));
            assertThat(remove.message()).endsWith("cannot be removed");
            assertOneViolation(BOTH, TARGET_MISSING, p -> p.accessToken().remove("birthdate"));
        }

        @Test
        void addNeedsNoExistingClaim() {
            assertAccepted(BOTH, p -> p.idToken().add("nickname", "JJ").add("name", "overwritten"));
            assertAccepted(BOTH, p -> p.idToken().replace("name", "J. Smith"));
            assertAccepted(BOTH, p -> p.accessToken().remove("external_guid"));
        }

        @Test
        void replaceAndRemoveNeedAnExistingMember() {
            ClaimPath profile = ClaimPath.claim("employee_profile");
            PatchViolation violation = assertOneViolation(BOTH, TARGET_MISSING,
                    p -> p.idToken().replace(profile.member("department"), "x"));
            assertThat(violation.message()).isEqualTo("Member 'department' is not in the request's claim "
                    + "'employee_profile'");
            assertOneViolation(BOTH, TARGET_MISSING, p -> p.idToken().remove(profile.member("address").member("zip")));

            assertAccepted(BOTH, p -> p.idToken().replace(profile.member("email"), "j@example.com"));
            assertAccepted(BOTH, p -> p.idToken().remove(profile.member("address").member("city")));
            assertAccepted(BOTH, p -> p.idToken().add(profile.member("department"), "x"));
            assertAccepted(BOTH, p -> p.idToken().replace(
                    ClaimPath.claim("https://example.com/profile").member("dept/unit"), "oncology"));
        }
    }

    @Nested
    class ParentMissing {

        @Test
        void nestedAddNeedsAnExistingParent() {
            PatchViolation violation = assertOneViolation(BOTH, PARENT_MISSING,
                    p -> p.idToken().add(ClaimPath.claim("badge").member("number"), "42"));
            assertThat(violation.message()).isEqualTo("No object or array at /claims/badge in the request's id_token");
            assertOneViolation(BOTH, PARENT_MISSING, p -> p.idToken()
                    .add(ClaimPath.claim("employee_profile").member("team").member("name"), "x"));
            assertOneViolation(BOTH, PARENT_MISSING, p -> p.idToken().append("favourite_airports", "sfo"));
            assertOneViolation(BOTH, PARENT_MISSING, p -> p.idToken().replace(ClaimPath.claim("badge").index(0), "x"));
        }

        @Test
        void aScalarIsNoParent() {
            assertOneViolation(BOTH, PARENT_MISSING, p -> p.idToken().add(ClaimPath.claim("name").member("first"), "J"));
            assertOneViolation(BOTH, PARENT_MISSING, p -> p.idToken()
                    .add(ClaimPath.claim("employee_profile").member("email").member("x"), "J"));
        }

        @Test
        void nestedAddIntoExistingParents() {
            assertAccepted(BOTH, p -> p.idToken()
                    .add(ClaimPath.claim("employee_profile").member("department_id"), "4947")
                    .add(ClaimPath.claim("employee_profile").member("address").member("zip"), "02110"));
            assertAccepted(BOTH, p -> p.accessToken().append("roles", "admin"));
        }
    }

    @Nested
    class InvalidIndex {

        private final ClaimPath airports = ClaimPath.claim("preferred_airports");

        @Test
        void addMayInsertAtZeroToLength() {
            assertAccepted(BOTH, p -> p.idToken().add(airports.index(0), "bos"));
            assertAccepted(BOTH, p -> p.idToken().add(airports.index(4), "bos"));
            PatchViolation violation = assertOneViolation(BOTH, INVALID_INDEX,
                    p -> p.idToken().add(airports.index(5), "bos"));
            assertThat(violation.message()).isEqualTo("Index '5' is not valid for add on an array of 4 in claim "
                    + "'preferred_airports'");
        }

        @Test
        void replaceAndRemoveNeedAnExistingElement() {
            assertAccepted(BOTH, p -> p.idToken().replace(airports.index(0), "bos"));
            assertAccepted(BOTH, p -> p.idToken().replace(airports.index(3), "bos"));
            assertAccepted(BOTH, p -> p.idToken().remove(airports.index(3)));
            assertOneViolation(BOTH, INVALID_INDEX, p -> p.idToken().replace(airports.index(4), "bos"));
            assertOneViolation(BOTH, INVALID_INDEX, p -> p.idToken().remove(airports.index(4)));
            assertOneViolation(BOTH, INVALID_INDEX, p -> p.accessToken().remove(ClaimPath.claim("roles").index(2)));
        }

        @Test
        void appendIsOnlyForAddAndCannotEvenBeBuiltOtherwise() {
            assertAccepted(BOTH, p -> p.idToken().append("preferred_airports", "bos"));
            for (Operation op : List.of(Operation.REPLACE, Operation.REMOVE)) {
                assertThatThrownBy(() -> new PatchOperation(TokenType.ID_TOKEN, op, airports.append(),
                        op == Operation.REMOVE ? null : "bos")).as(op.wireName())
                        .isInstanceOf(InvalidPatchException.class).hasMessageContaining("only valid with add");
            }
        }

        @Test
        void appendOnlyOntoAnArray() {
            PatchViolation onObject = assertOneViolation(BOTH, NOT_AN_ARRAY,
                    p -> p.idToken().append("employee_profile", "x"));
            assertThat(onObject.message()).contains("/claims/employee_profile").contains("not one");
            assertOneViolation(BOTH, NOT_AN_ARRAY, p -> p.idToken().append("name", "x"));
            assertOneViolation(BOTH, NOT_AN_ARRAY,
                    p -> p.idToken().add(ClaimPath.claim("employee_profile").member("address").append(), "x"));
            assertOneViolation(BOTH, PARENT_MISSING, p -> p.idToken().append("absent", "x"));
            assertAccepted(BOTH, p -> p.accessToken().append("roles", "admin"));
        }

        @Test
        void segmentsThatAreNoIndex() {
            for (String segment : List.of("first", "01", "+1", "1.0", "1e1", "\u0661", "99999999999")) {
                PatchOperation op = new PatchOperation(TokenType.ID_TOKEN, Operation.REPLACE,
                        airports.member(segment), "x");
                assertThat(validator.validate(BOTH, List.of(op))).as(segment)
                        .extracting(PatchViolation::kind).containsExactly(INVALID_INDEX);
            }
        }
    }

    @Nested
    class ConflictingOperations {

        private final ClaimPath airports = ClaimPath.claim("preferred_airports");
        private final ClaimPath profile = ClaimPath.claim("employee_profile");

        @Test
        void twoOperationsOnTheSamePath() {
            PatchViolation violation = assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().add("tenant", "a").add("tenant", "b"));
            assertThat(violation.message()).startsWith("Conflicts with 'add id_token /claims/tenant'");
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS, p -> p.idToken().replace("name", "a").remove("name"));
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().lifetime(Duration.ofMinutes(10)).lifetime(Duration.ofMinutes(20)));
        }

        @Test
        void aPathAndAPathInsideIt() {
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().replace("employee_profile", Map.of()).add(profile.member("x"), "1"));
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().add(profile.member("x"), "1").remove("employee_profile"));
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().replace(profile.member("address"), Map.of())
                            .replace(profile.member("address").member("city"), "NYC"));
        }

        @Test
        void indexShiftingOperationsOnTheSameArray() {
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().remove(airports.index(1)).replace(airports.index(3), "bos"));
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().add(airports.index(0), "bos").replace(airports.index(2), "jfk"));
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().append("preferred_airports", "bos").remove(airports.index(0)));
            assertOneViolation(BOTH, CONFLICTING_OPERATIONS,
                    p -> p.idToken().add(airports.index(4), "bos").append("preferred_airports", "jfk"));
        }

        @Test
        void independentOperations() {
            assertAccepted(BOTH, p -> p.idToken().append("preferred_airports", "bos")
                    .append("preferred_airports", "jfk"));
            assertAccepted(BOTH, p -> p.idToken().replace(airports.index(0), "bos").replace(airports.index(1), "jfk"));
            assertAccepted(BOTH, p -> p.idToken().replace(airports.index(0), "bos")
                    .append("preferred_airports", "jfk"));
            assertAccepted(BOTH, p -> p.idToken().add(profile.member("a"), "1").remove(profile.member("email"))
                    .replace(profile.member("address"), Map.of()));
            assertAccepted(BOTH, p -> p.idToken().add("tenant", "a").add("tenant_name", "b"));
            assertAccepted(BOTH, p -> {
                p.idToken().add("tenant", "a").lifetime(Duration.ofMinutes(10));
                p.accessToken().add("tenant", "a").lifetime(Duration.ofMinutes(10));
            });
        }

        @Test
        void conflictsWithOperationsAlreadyAccepted() {
            TokenPatch first = new TokenPatch();
            first.idToken().add("tenant", "a");
            TokenPatch second = new TokenPatch();
            second.idToken().replace("tenant", "b").add("tenant_name", "c");

            List<PatchViolation> violations = validator.validate(
                    SampleRequests.minting(Map.of("tenant", "x"), null), second.operations(), first.operations());

            assertThat(violations).hasSize(1);
            assertThat(violations.get(0).kind()).isEqualTo(CONFLICTING_OPERATIONS);
            assertThat(violations.get(0).path()).isEqualTo("/claims/tenant");
        }
    }

    @Nested
    class ResponseTooLarge {

        @Test
        void sizeBoundaryIs256000BytesTheConservativeReadingOf256KB() {
            assertThat(PatchValidator.MAX_RESPONSE_BYTES).isEqualTo(256_000);
            assertThat(PatchValidator.checkSize(0)).isEmpty();
            assertThat(PatchValidator.checkSize(255_999)).isEmpty();
            assertThat(PatchValidator.checkSize(256_000)).hasValueSatisfying(v -> {
                assertThat(v.kind()).isEqualTo(RESPONSE_TOO_LARGE);
                assertThat(v.message()).contains("256000");
                SEEN.add(v.kind());
            });
            assertThat(PatchValidator.checkSize(261_005)).as("read as 262,144 before").isPresent();
            assertThat(PatchValidator.checkSize(10_000_000)).isPresent();
        }

        @Test
        void aLargeClaimMakesALargeResponse() {
            TokenPatch patch = new TokenPatch();
            patch.accessToken().add("blob", "x".repeat(256_000));
            assertThat(validator.validate(BOTH, patch.operations())).isEmpty();

            byte[] body = TokenHookResponse.of(patch.operations(), Map.of()).toJson();

            assertThat(PatchValidator.checkSize(body.length)).isPresent();
        }
    }

    @Test
    void everyViolationIsReportedInOrder() {
        List<PatchViolation> violations = validate(ACCESS_ONLY, p -> {
            p.idToken().add("tenant", "a");
            p.accessToken().add("iss", "x").replace("missing", 1).add("tenant", "ok");
        });

        assertThat(violations).extracting(PatchViolation::kind)
                .containsExactly(TOKEN_NOT_MINTED, RESERVED_CLAIM, TARGET_MISSING);
        assertThat(violations.get(1).toString()).isEqualTo("RESERVED_CLAIM access_token /claims/iss: Claim 'iss' is "
                + "reserved in the access_token");
    }

    @Test
    void violationsNeverContainValues() {
        List<PatchViolation> violations = new ArrayList<>(validate(ACCESS_ONLY, p -> {
            p.idToken().add("tenant", "value-1");
            p.accessToken().add("iss", "value-2").replace("missing", "value-3").add("x", "value-4")
                    .add("x", "value-5");
        }));

        assertThat(violations).hasSize(4).allSatisfy(v -> assertThat(v.toString()).doesNotContain("value-"));
    }
}
