package dev.tokenhook.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The channel through which code running inside a rule notes what happened to the current call, without
 * being handed anything: a lookup library called from a rule records {@code patients: hit} here and the
 * note ends up in that rule's {@link RuleOutcome#notes()}, hence in the endpoint's log line and in every
 * {@code HookEvent}. Notes recorded on a thread that is not running a rule for the engine are dropped.
 * A rule run keeps at most {@value #MAX_NOTES_PER_RULE} notes, so memory per call stays bounded.
 */
public final class RuleNotes {

    /** Notes kept per rule run; later ones are dropped. */
    public static final int MAX_NOTES_PER_RULE = 16;

    private static final ThreadLocal<RuleNotes> CURRENT = new ThreadLocal<>();

    /** Written by the rule's thread, read by whichever thread finishes the call: guarded by {@code this}. */
    private List<RuleNote> notes;

    RuleNotes() {
    }

    /**
     * Notes something about the call whose rule runs on this thread.
     *
     * @param note what to note
     * @return whether it was kept: false outside a rule run, or when the run already holds the maximum
     */
    public static boolean record(RuleNote note) {
        Objects.requireNonNull(note, "note");
        RuleNotes current = CURRENT.get();
        return current != null && current.add(note);
    }

    /** @return whether this thread is running a rule for the engine, so {@link #record(RuleNote)} keeps notes */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    private synchronized boolean add(RuleNote note) {
        if (notes == null) {
            notes = new ArrayList<>(2);
        } else if (notes.size() >= MAX_NOTES_PER_RULE) {
            return false;
        }
        notes.add(note);
        return true;
    }

    /** Makes this the current thread's channel until {@link #unbind()}. */
    void bind() {
        CURRENT.set(this);
    }

    void unbind() {
        CURRENT.remove();
    }

    /** @return the notes so far, a copy */
    synchronized List<RuleNote> snapshot() {
        return notes == null ? List.of() : List.copyOf(notes);
    }
}
