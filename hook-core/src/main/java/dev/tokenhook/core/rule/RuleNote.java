package dev.tokenhook.core.rule;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule noted about one call: which data source it consulted ({@code source}, e.g. a lookup's name),
 * how that went ({@code outcome}, e.g. {@code hit} or {@code timed-out}) and what kind of answer the rule
 * got from it. Both strings are tags for logs and metrics, so they must come from code, never from the
 * request: lower-case letters, digits, {@code .}, {@code _} and {@code -}, at most {@value #MAX_TAG} characters.
 * Recorded through {@link RuleNotes#record(RuleNote)}; read from {@link RuleOutcome#notes()}.
 *
 * @param source the data source, e.g. {@code patients}
 * @param outcome how consulting it went, e.g. {@code hit}, {@code stale-served}, {@code timed-out}
 * @param answer what the rule got
 */
public record RuleNote(String source, String outcome, Answer answer) {

    /** The longest source or outcome accepted. */
    public static final int MAX_TAG = 64;

    private static final Pattern TAG = Pattern.compile("[a-z0-9._-]{1," + MAX_TAG + "}");

    /** Checks both tags. */
    public RuleNote {
        requireTag("source", source);
        requireTag("outcome", outcome);
        Objects.requireNonNull(answer, "answer");
    }

    private static void requireTag(String what, String value) {
        if (value == null || !TAG.matcher(value).matches()) {
            throw new IllegalArgumentException("A rule note's " + what + " must be 1 to " + MAX_TAG
                    + " characters of a-z, 0-9, '.', '_' or '-'");
        }
    }

    /** @return {@code source:outcome:answer}, for one-line logs */
    @Override
    public String toString() {
        return source + ":" + outcome + ":" + answer.tag();
    }

    /** What kind of answer a rule got from a data source. */
    public enum Answer {
        /** A current answer: the value exists. */
        FOUND,
        /** A current answer: there is no such value. */
        NOT_FOUND,
        /** A last known answer, older than it should be, given because the source is failing. */
        STALE,
        /** No answer at all: the source is failing and nothing was known before. Not the same as not found. */
        UNKNOWN;

        /** @return the lower-case name for logs and metric tags, e.g. {@code not-found} */
        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** @return whether the rule got less than a current answer ({@link #STALE} or {@link #UNKNOWN}) */
        public boolean isDegraded() {
            return this == STALE || this == UNKNOWN;
        }
    }
}
