package dev.tokenhook.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code tokenhook.*} configuration cannot be used: each {@link Problem} names the key, where its value
 * came from when the framework knows it, and what is wrong; {@link #action()} says what to do. Never
 * contains a secret's value. Adapters turn it into a startup failure.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What to do, unless a problem needs a more specific action. */
    public static final String DEFAULT_ACTION = "Correct the tokenhook.* keys named above. Every key, its default "
            + "and its spellings are listed in the Configuration section of tokenhook's README "
            + "(dev.tokenhook.core.config.TokenHookKeys).";

    /** What to do when a secret is blank or an unresolved placeholder. */
    public static final String SECRET_ACTION = "Set tokenhook.auth.header.secrets to the exact value Okta sends in the "
            + "tokenhook.auth.header.name header (default Authorization), e.g. from the environment variable its "
            + "placeholder names, or remove the key to authenticate with tokenhook.auth.oauth2.* only. "
            + DEFAULT_ACTION;

    /**
     * One thing wrong with one key.
     *
     * @param key the full key, e.g. {@code tokenhook.time-budget}
     * @param origin where its value came from (e.g. {@code system property}), or null if unknown
     * @param text what is wrong, completing the key, e.g. {@code "'soon' is not a duration"}
     */
    public record Problem(String key, String origin, String text) {

        /** Checks the parts. */
        public Problem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return key + (origin == null ? "" : " (from " + origin + ")") + ": " + text;
        }
    }

    private final transient List<Problem> problems;
    private final String action;

    /**
     * @param problems what is wrong, at least one
     * @param action what to do
     */
    public ConfigException(List<Problem> problems, String action) {
        super(message(problems));
        this.problems = List.copyOf(problems);
        this.action = Objects.requireNonNull(action, "action");
    }

    static ConfigException of(String key, String origin, String text) {
        return new ConfigException(List.of(new Problem(key, origin, text)), DEFAULT_ACTION);
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem");
        }
        if (problems.size() == 1) {
            return "Invalid token hook configuration: " + problems.get(0);
        }
        return "Invalid token hook configuration:" + problems.stream().map(p -> "\n  - " + p)
                .collect(Collectors.joining());
    }

    /** @return what is wrong, each naming its key */
    public List<Problem> problems() {
        return problems;
    }

    /** @return what the user should do */
    public String action() {
        return action;
    }

    /**
     * @param origin where the value came from
     * @return the same problems, each with this origin where it had none
     */
    ConfigException from(String origin) {
        List<Problem> located = new ArrayList<>();
        for (Problem p : problems) {
            located.add(p.origin() == null ? new Problem(p.key(), origin, p.text()) : p);
        }
        return new ConfigException(located, action);
    }
}
