package dev.tokenhook.core.patch;

import dev.tokenhook.core.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps an answer under Okta's size limit ({@link PatchValidator#MAX_RESPONSE_BYTES}) by leaving parts
 * out in a fixed order, fewest first: debug entries (the last contributor's first, its last entry
 * first), then, for a denial, error causes (last first; the summary always stays), or, for a patch, whole
 * contributors' operations (the last contributor's first). Dropping one contributor's entry never
 * removes another's: the debug context is rebuilt from what is kept, so an earlier entry under the same
 * key shows again. Sizes are the encoded bytes of the candidate answer, whichever writer produces them.
 */
final class AnswerFit {

    /** What one contributor (a rule) puts into the answer. */
    record Part(List<PatchOperation> operations, Map<String, Object> debug) {
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
        TokenHookResponse whole = build(0);
        int wholeSize = whole.encodedSize();
        if (wholeSize < PatchValidator.MAX_RESPONSE_BYTES) {
            return new Fitted(whole, 0, wholeSize);
        }
        // Leaving everything droppable out always fits: {} or an error with a capped summary. Binary search
        // for the fewest parts to leave out; the answer returned is one measured to fit.
        int fits = debugEntries + droppableTail;
        TokenHookResponse fitting = build(fits);
        int tooLarge = 0;
        while (fits - tooLarge > 1) {
            int middle = (tooLarge + fits) >>> 1;
            TokenHookResponse candidate = build(middle);
            if (candidate.encodedSize() < PatchValidator.MAX_RESPONSE_BYTES) {
                fits = middle;
                fitting = candidate;
            } else {
                tooLarge = middle;
            }
        }
        return new Fitted(fitting, Math.max(0, fits - debugEntries), wholeSize);
    }

    /** @return the answer with the first {@code dropped} droppable parts left out */
    private TokenHookResponse build(int dropped) {
        int keptEntries = debugEntries - Math.min(dropped, debugEntries);
        int droppedTail = dropped - Math.min(dropped, debugEntries);
        Map<String, Object> debug = new LinkedHashMap<>();
        int entry = 0;
        for (Part part : parts) {
            for (Map.Entry<String, Object> item : part.debug().entrySet()) {
                if (entry++ >= keptEntries) {
                    break;
                }
                debug.put(item.getKey(), item.getValue());
            }
        }
        Map<String, Object> debugContext = Values.readOnlyMap(debug);
        if (denial != null) {
            return TokenHookResponse.denial(denial.withFirstCauses(denial.errorCauses().size() - droppedTail),
                    debugContext);
        }
        List<PatchOperation> operations = new ArrayList<>();
        int withOperations = droppableTail;
        for (Part part : parts) {
            if (!part.operations().isEmpty() && withOperations-- > droppedTail) {
                operations.addAll(part.operations());
            }
        }
        return TokenHookResponse.of(operations, debugContext);
    }
}
