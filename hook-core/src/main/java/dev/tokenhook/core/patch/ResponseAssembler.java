package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenHookRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the answer to one request from one or more {@link TokenPatch}es (one per rule), so that Okta
 * accepts it: each patch is validated against the request and the patches accepted before it, and the
 * answer is kept under {@link PatchValidator#MAX_RESPONSE_BYTES}. Not thread-safe: one per request.
 *
 * <p>The first accepted denial wins; a denying patch is accepted whatever its operations, which a
 * denial never sends. To fit Okta's limit, {@link #build()} leaves out, in this order and only as far as
 * needed: debug entries (the last patch's first), then for a denial its error causes (last first), or for
 * a patch the last patches' operations (see {@link #droppedForSize(TokenPatch)}). A denial itself is
 * never left out.
 *
 * <pre>{@code
 * ResponseAssembler answer = new ResponseAssembler(PatchValidator.withDefaults(), request);
 * List<PatchViolation> violations = answer.offer(patch);   // empty: accepted
 * TokenHookResponse response = answer.build();
 * }</pre>
 */
public final class ResponseAssembler {

    private final PatchValidator validator;
    private final TokenHookRequest request;
    /** The operations accepted so far: no copy until a second patch brings some. */
    private List<PatchOperation> accepted = List.of();
    private final List<AnswerFit.Part> parts = new ArrayList<>(2);
    private HookError denial;
    private AnswerFit.Fitted fitted;

    /**
     * @param validator the checks to apply
     * @param request the request being answered
     */
    public ResponseAssembler(PatchValidator validator, TokenHookRequest request) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.request = Objects.requireNonNull(request, "request");
    }

    /**
     * Validates a patch and, if Okta would accept it together with the patches accepted before, takes its
     * operations, debug entries and denial into the answer.
     *
     * @param patch a rule's patch; read now, later writes to it are not seen
     * @return why it was refused; empty when accepted
     * @throws IllegalStateException after {@link #build()}
     */
    public List<PatchViolation> offer(TokenPatch patch) {
        if (fitted != null) {
            throw new IllegalStateException("The answer is already built");
        }
        List<PatchOperation> operations = List.copyOf(patch.operations());
        Optional<HookError> patchDenial = patch.denial();
        if (patchDenial.isPresent()) {
            if (denial == null) {
                denial = patchDenial.get();
            }
            operations = List.of();
        } else {
            List<PatchViolation> violations = validator.validate(request, operations, accepted);
            if (!violations.isEmpty()) {
                return violations;
            }
            accepted = AnswerFit.concat(accepted, operations);
        }
        parts.add(new AnswerFit.Part(patch, operations, patch.debugContext()));
        return List.of();
    }

    /** @return whether an accepted patch denies the token */
    public boolean isDenied() {
        return denial != null;
    }

    /**
     * @return the answer: the first denial, or the accepted operations in one command per token, with the
     *     debug entries (a later patch's entry replaces an earlier one of the same key), fitted under
     *     Okta's limit; the same answer on every call
     */
    public TokenHookResponse build() {
        if (fitted == null) {
            fitted = denial != null ? AnswerFit.denial(denial, parts) : AnswerFit.patch(parts);
        }
        return fitted.response();
    }

    /**
     * @param patch an offered patch
     * @return after {@link #build()}, why the patch's accepted operations were left out of the answer
     *     ({@link PatchViolation.Kind#RESPONSE_TOO_LARGE}); empty if they are in it, or it had none
     */
    public Optional<PatchViolation> droppedForSize(TokenPatch patch) {
        if (fitted == null || fitted.partsWithOperationsDropped() == 0) {
            return Optional.empty();
        }
        int remaining = fitted.partsWithOperationsDropped();
        for (int i = parts.size() - 1; i >= 0 && remaining > 0; i--) {
            List<PatchOperation> operations = parts.get(i).operations();
            if (operations.isEmpty()) {
                continue;
            }
            if (parts.get(i).patch() == patch) {
                return Optional.of(new PatchViolation(operations.get(0).token(), "/",
                        PatchViolation.Kind.RESPONSE_TOO_LARGE, "Left out to keep the answer under "
                        + PatchValidator.MAX_RESPONSE_BYTES + " bytes: with every accepted rule it was "
                        + fitted.untrimmedSize() + " bytes"));
            }
            remaining--;
        }
        return Optional.empty();
    }
}
