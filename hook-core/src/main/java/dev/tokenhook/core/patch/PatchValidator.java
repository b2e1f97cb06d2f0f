package dev.tokenhook.core.patch;

import dev.tokenhook.core.MintedToken;
import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks operations against the request they answer, with Okta's rules (SPEC §6, §12): only tokens
 * being minted, no reserved claims, replace and remove only on targets present in the request's token,
 * nested adds only into an existing object or array at a valid index, and no two operations whose
 * outcome would depend on their order. Thread-safe.
 */
public final class PatchValidator {

    /**
     * Okta's response limit, read conservatively: Okta says the body "must be less than 256 KB" without
     * saying which kilobyte, so an answer must be smaller than 256,000 bytes (not 262,144).
     */
    public static final int MAX_RESPONSE_BYTES = 256_000;

    private final ReservedClaims reservedClaims;

    /**
     * @param reservedClaims the claims to refuse
     */
    public PatchValidator(ReservedClaims reservedClaims) {
        this.reservedClaims = Objects.requireNonNull(reservedClaims, "reservedClaims");
    }

    /** @return a validator with {@link ReservedClaims#defaults()} */
    public static PatchValidator withDefaults() {
        return new PatchValidator(ReservedClaims.defaults());
    }

    /** @return the reserved claims this validator refuses */
    public ReservedClaims reservedClaims() {
        return reservedClaims;
    }

    /**
     * @param request the request being answered
     * @param operations the operations to send
     * @return every violation, empty when Okta would accept them all
     */
    public List<PatchViolation> validate(TokenHookRequest request, List<PatchOperation> operations) {
        return validate(request, operations, List.of());
    }

    /**
     * Checks new operations, also against operations already accepted for the same answer (another
     * rule's, say), so that the two together stay valid.
     *
     * @param request the request being answered
     * @param candidates the operations to check
     * @param accepted operations already in the answer
     * @return every violation of the candidates, empty when they may join the answer
     */
    public List<PatchViolation> validate(
            TokenHookRequest request, List<PatchOperation> candidates, List<PatchOperation> accepted) {
        List<PatchViolation> violations = new ArrayList<>(0);
        for (int i = 0; i < candidates.size(); i++) {
            PatchOperation op = candidates.get(i);
            PatchViolation violation = checkAlone(request, op);
            if (violation == null) {
                violation = checkConflicts(request, op, accepted, candidates.subList(0, i));
            }
            if (violation != null) {
                violations.add(violation);
            }
        }
        return violations;
    }

    /**
     * @param encodedSize the size of the encoded answer in bytes
     * @return a violation if Okta would refuse an answer that large
     */
    public static Optional<PatchViolation> checkSize(int encodedSize) {
        if (encodedSize < MAX_RESPONSE_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new PatchViolation(TokenType.ID_TOKEN, "/", PatchViolation.Kind.RESPONSE_TOO_LARGE,
                "Encoded response is " + encodedSize + " bytes; it must be under " + MAX_RESPONSE_BYTES
                        + " (Okta: less than 256 KB)"));
    }

    private PatchViolation checkAlone(TokenHookRequest request, PatchOperation op) {
        Optional<? extends MintedToken> token = request.token(op.token());
        if (token.isEmpty()) {
            return violation(op, PatchViolation.Kind.TOKEN_NOT_MINTED, "Okta is not minting an " + op.token().label()
                    + " in this request, so any command for it voids the whole patch");
        }
        if (!(op.target() instanceof ClaimPath path)) {
            return null;
        }
        if (reservedClaims.isReserved(op.token(), path.claimName())) {
            return violation(op, PatchViolation.Kind.RESERVED_CLAIM, "Claim '" + path.claimName()
                    + "' is reserved in the " + op.token().label());
        }
        return checkTarget(op, path, token.get().claims());
    }

    private static PatchViolation checkTarget(PatchOperation op, ClaimPath path, Map<String, Object> claims) {
        if (!path.isNested()) {
            if (op.op() != Operation.ADD && !claims.containsKey(path.claimName())) {
                return violation(op, PatchViolation.Kind.TARGET_MISSING, "Claim '" + path.claimName()
                        + "' is not in the request's " + op.token().label() + ", so it cannot be " + pastTense(op));
            }
            return null;
        }
        Object parent = resolve(claims, path.parent());
        if (path.isAppend() && parent != null && !(parent instanceof List<?>)) {
            return violation(op, PatchViolation.Kind.NOT_AN_ARRAY, "'-' appends to an array, but "
                    + path.parent().pointer() + " in the request's " + op.token().label()
                    + " is not one (Okta would add a member named '-')");
        }
        if (parent instanceof Map<?, ?> object) {
            if (op.op() != Operation.ADD && !object.containsKey(path.last())) {
                return violation(op, PatchViolation.Kind.TARGET_MISSING, "Member '" + path.last()
                        + "' is not in the request's claim '" + path.claimName() + "'");
            }
            return null;
        }
        if (parent instanceof List<?> array) {
            if (path.isAppend() && op.op() == Operation.ADD) {
                return null;
            }
            int index = parseIndex(path.last());
            int limit = op.op() == Operation.ADD ? array.size() : array.size() - 1;
            if (index < 0 || index > limit) {
                return violation(op, PatchViolation.Kind.INVALID_INDEX, "Index '" + path.last() + "' is not valid for "
                        + op.op().wireName() + " on an array of " + array.size() + " in claim '" + path.claimName()
                        + "'");
            }
            return null;
        }
        return violation(op, PatchViolation.Kind.PARENT_MISSING, "No object or array at "
                + path.parent().pointer() + " in the request's " + op.token().label());
    }

    private static String pastTense(PatchOperation op) {
        return op.op() == Operation.REMOVE ? "removed" : "replaced";
    }

    /** Follows a path through maps and lists; null when any step is missing. */
    private static Object resolve(Map<String, Object> claims, ClaimPath path) {
        Object current = claims.get(path.claimName());
        for (String segment : path.segments().subList(1, path.segments().size())) {
            if (current instanceof Map<?, ?> object) {
                current = object.get(segment);
            } else if (current instanceof List<?> array) {
                int index = parseIndex(segment);
                current = index >= 0 && index < array.size() ? array.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    /** RFC 6901 array index: {@code 0} or digits without a leading zero; -1 if not one. */
    private static int parseIndex(String segment) {
        int length = segment.length();
        if (length == 0 || length > 9 || (length > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            if (!Character.isDigit(segment.charAt(i)) || segment.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(segment);
    }

    private static PatchViolation checkConflicts(TokenHookRequest request, PatchOperation op,
            List<PatchOperation> accepted, List<PatchOperation> earlier) {
        for (List<PatchOperation> others : List.of(accepted, earlier)) {
            for (PatchOperation other : others) {
                if (other.token() == op.token() && conflict(request, op, other)) {
                    return violation(op, PatchViolation.Kind.CONFLICTING_OPERATIONS, "Conflicts with '"
                            + other.describe() + "': their result would depend on the order Okta applies them in");
                }
            }
        }
        return null;
    }

    private static boolean conflict(TokenHookRequest request, PatchOperation a, PatchOperation b) {
        if (a.target() instanceof TokenLifetime || b.target() instanceof TokenLifetime) {
            return a.target() == b.target();
        }
        ClaimPath pa = (ClaimPath) a.target();
        ClaimPath pb = (ClaimPath) b.target();
        if (pa.equals(pb)) {
            return !(pa.isAppend() && a.op() == Operation.ADD && b.op() == Operation.ADD);
        }
        if (pa.contains(pb) || pb.contains(pa)) {
            return true;
        }
        boolean siblings = pa.isNested() && pb.isNested() && pa.parent().equals(pb.parent());
        if (!siblings) {
            return false;
        }
        Object parent = request.token(a.token()).map(t -> resolve(t.claims(), pa.parent())).orElse(null);
        return parent instanceof List<?> && (shiftsIndexes(a) || shiftsIndexes(b));
    }

    /** Inserting or removing at an index moves the elements after it. */
    private static boolean shiftsIndexes(PatchOperation op) {
        ClaimPath path = (ClaimPath) op.target();
        return op.op() == Operation.REMOVE || (op.op() == Operation.ADD && !path.isAppend());
    }

    private static PatchViolation violation(PatchOperation op, PatchViolation.Kind kind, String message) {
        return new PatchViolation(op.token(), op.path(), kind, message);
    }
}
