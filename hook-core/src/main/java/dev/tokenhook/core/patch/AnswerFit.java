package dev.tokenhook.core.patch;

import dev.tokenhook.core.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Keeps an answer under Okta's size limit ({@link PatchValidator#MAX_RESPONSE_BYTES}) by leaving parts
 * out in a fixed order, fewest first: debug entries (the last contributor's first, its last entry
 * first), then, for a denial, error causes (last first; the summary always stays), or, for a patch, whole
 * contributors' operations with their debug entries (the last contributor's first). If causes or
 * operations had to go, the debug entries of what is kept are then taken back as far as they fit (they
 * cost nothing that was left out). Dropping one contributor's entry never removes another's: the debug
 * context is rebuilt from what is kept, so an earlier entry under the same key shows again. Sizes are
 * the encoded bytes of the candidate answer, whichever writer produces them.
 */
final class AnswerFit {

    /**
     * What one contributor (a rule) puts into the answer.
     *
     * @param patch where it comes from, or {@code null}
     * @param operations its operations, read-only
     * @param debug its debug entries, read-only
     */
    record Part(TokenPatch patch, List<PatchOperation> operations, Map<String, Object> debug) {
    }

    /**
     * @param response the answer that fits
     * @param partsWithOperationsDropped how many contributors, counted from the last one that has
     *     operations, lost their operations
     * @param untrimmedSize the encoded size of the answer with nothing left out
     */
    record Fitted(TokenHookResponse response, int partsWithOperationsDropped, int untrimmedSize) {
    }

    private final List<Part> parts;
    private final HookError denial;
    private final int debugEntries;
    private final int droppableTail;

    private AnswerFit(List<Part> parts, HookError denial) {
        this.parts = parts;
        this.denial = denial;
        int entries = 0;
        int withOperations = 0;
        for (Part part : parts) {
            entries += part.debug().size();
            withOperations += part.operations().isEmpty() ? 0 : 1;
        }
        this.debugEntries = entries;
        this.droppableTail = denial != null ? denial.errorCauses().size() : withOperations;
    }

    /** @return the patch answer of these parts, under the limit */
    static Fitted patch(List<Part> parts) {
        return new AnswerFit(parts, null).fit();
    }

    /** @return the denial with these parts' debug entries, under the limit; it is never left out */
    static Fitted denial(HookError error, List<Part> parts) {
        return new AnswerFit(parts, error).fit();
    }

    private Fitted fit() {
        TokenHookResponse whole = build(0, 0);
        int wholeSize = whole.encodedSize();
        if (wholeSize < PatchValidator.MAX_RESPONSE_BYTES) {
            return new Fitted(whole, 0, wholeSize);
        }
        // First the fewest parts to leave out in the order above (every debug entry before any tail part).
        int total = debugEntries + droppableTail;
        Search first = smallestFitting(total, dropped -> build(Math.min(dropped, debugEntries),
                Math.max(0, dropped - debugEntries)));
        int tail = Math.max(0, first.dropped() - debugEntries);
        if (tail == 0) {
            return new Fitted(first.response(), 0, wholeSize);
        }
        // The tail parts left out did not fit even without any debug entry, so debug entries of what is kept
        // cost nothing kept: take back as many as fit.
        Search second = smallestFitting(keptEntries(tail), dropped -> build(dropped, tail));
        return new Fitted(second.response(), denial == null ? tail : 0, wholeSize);
    }

    private record Search(int dropped, TokenHookResponse response) {
    }

    /**
     * Binary search for the fewest of {@code most} parts to leave out; leaving out all of them must fit.
     * Returns an answer measured to fit, even if sizes do not shrink steadily (an earlier rule's entry
     * under the same key can show again).
     */
    private static Search smallestFitting(int most, IntFunction<TokenHookResponse> leavingOut) {
        Search fits = new Search(most, leavingOut.apply(most));
        int tooLarge = -1;
        while (fits.dropped() - tooLarge > 1) {
            int middle = (tooLarge + fits.dropped()) >>> 1;
            TokenHookResponse candidate = leavingOut.apply(middle);
            if (candidate.encodedSize() < PatchValidator.MAX_RESPONSE_BYTES) {
                fits = new Search(middle, candidate);
            } else {
                tooLarge = middle;
            }
        }
        return fits;
    }

    /** @return whether the part's operations (and so its debug entries) are left out */
    private boolean partDropped(int withOperationsBefore, Part part, int droppedTail) {
        return denial == null && !part.operations().isEmpty() && withOperationsBefore >= droppableTail - droppedTail;
    }

    private int keptEntries(int droppedTail) {
        int entries = 0;
        int withOperations = 0;
        for (Part part : parts) {
            if (!partDropped(withOperations, part, droppedTail)) {
                entries += part.debug().size();
            }
            withOperations += part.operations().isEmpty() ? 0 : 1;
        }
        return entries;
    }

    /** @return both lists in order; no copy while one of them is empty (the usual single rule) */
    static List<PatchOperation> concat(List<PatchOperation> first, List<PatchOperation> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        List<PatchOperation> both = new ArrayList<>(first.size() + second.size());
        both.addAll(first);
        both.addAll(second);
        return both;
    }

    /**
     * @param droppedEntries how many debug entries of the parts kept to leave out, the last first
     * @param droppedTail how many error causes (denial) or contributors' operations (patch) to leave out
     * @return the answer without them
     */
    private TokenHookResponse build(int droppedEntries, int droppedTail) {
        int keep = debugEntries == 0 ? 0 : keptEntries(droppedTail) - droppedEntries;
        Map<String, Object> debug = keep > 0 ? new LinkedHashMap<>() : Map.of();
        List<PatchOperation> operations = List.of();
        int withOperations = 0;
        for (Part part : parts) {
            if (!partDropped(withOperations, part, droppedTail)) {
                operations = concat(operations, part.operations());
                for (Map.Entry<String, Object> item : part.debug().entrySet()) {
                    if (keep-- <= 0) {
                        break;
                    }
                    debug.put(item.getKey(), item.getValue());
                }
            }
            withOperations += part.operations().isEmpty() ? 0 : 1;
        }
        Map<String, Object> debugContext = Values.readOnlyMap(debug);
        if (denial != null) {
            return TokenHookResponse.denial(denial.withFirstCauses(denial.errorCauses().size() - droppedTail),
                    debugContext);
        }
        return TokenHookResponse.of(operations, debugContext);
    }
}
