package dev.tokenhook.core.http;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.rule.RuleNote;
import dev.tokenhook.core.rule.RuleOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link HookListener} learns about one handled call. Carries no claim value, header or body.
 *
 * @param eventId Okta's eventId, when the body was decoded
 * @param status the HTTP status sent
 * @param outcome how the call ended
 * @param rules how each rule fared, empty when the rules did not run
 * @param grantType the OAuth grant, when known
 * @param tokensMinted which tokens Okta is minting, when the body was decoded
 * @param duration time from receiving the call to having the answer
 * @param ignoredFields where the decoded body had a field of a JSON type the model could not use
 *     ({@link dev.tokenhook.core.TokenHookRequest#ignoredFields()}): locations, never values
 */
public record HookEvent(
        Optional<String> eventId,
        int status,
        HookOutcome outcome,
        List<RuleOutcome> rules,
        Optional<String> grantType,
        Set<TokenType> tokensMinted,
        Duration duration,
        List<String> ignoredFields) {

    /** Copies the collections. */
    public HookEvent {
        rules = List.copyOf(rules);
        tokensMinted = Set.copyOf(tokensMinted);
        ignoredFields = ignoredFields == null ? List.of() : List.copyOf(ignoredFields);
    }

    /**
     * An event with no ignored fields.
     *
     * @param eventId Okta's eventId, when the body was decoded
     * @param status the HTTP status sent
     * @param outcome how the call ended
     * @param rules how each rule fared
     * @param grantType the OAuth grant, when known
     * @param tokensMinted which tokens Okta is minting
     * @param duration time from receiving the call to having the answer
     */
    public HookEvent(Optional<String> eventId, int status, HookOutcome outcome, List<RuleOutcome> rules,
            Optional<String> grantType, Set<TokenType> tokensMinted, Duration duration) {
        this(eventId, status, outcome, rules, grantType, tokensMinted, duration, List.of());
    }

    /** @return every rule's notes (e.g. how its lookups went: {@code patients:hit:found}), in rule order */
    public List<RuleNote> notes() {
        List<RuleNote> all = new ArrayList<>(0);
        for (RuleOutcome rule : rules) {
            all.addAll(rule.notes());
        }
        return all;
    }

    /**
     * @param answer a kind of answer
     * @return whether any rule noted an answer of that kind on this call
     */
    public boolean hasNote(RuleNote.Answer answer) {
        for (RuleOutcome rule : rules) {
            for (RuleNote note : rule.notes()) {
                if (note.answer() == answer) {
                    return true;
                }
            }
        }
        return false;
    }
}
