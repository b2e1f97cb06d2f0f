package dev.tokenhook.servlet;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.TokenPatch;
import dev.tokenhook.core.rule.ClaimRule;

/** A rule with a public no-arg constructor, as {@code tokenhook.rules} names them. */
public class EventIdRule implements ClaimRule {

    /** Needed for reflective creation. */
    public EventIdRule() {
    }

    @Override
    public void apply(TokenHookRequest request, TokenPatch patch) {
        if (request.access().isPresent()) {
            patch.accessToken().add("declared_event", request.eventId());
        }
    }
}
