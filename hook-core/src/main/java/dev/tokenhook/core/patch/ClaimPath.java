package dev.tokenhook.core.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * A path to a claim, or into one: the claim name, then object member names and array indexes (or
 * {@code -} to append). Segments are kept unescaped; {@link #pointer()} escapes them per RFC 6901
 * ({@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}), so a URL-named claim just works.
 *
 * <pre>{@code
 * ClaimPath.claim("https://example.com/role").pointer()      // /claims/https:~1~1example.com~1role
 * ClaimPath.claim("employee_profile").member("email")        // /claims/employee_profile/email
 * ClaimPath.claim("preferred_airports").append()             // /claims/preferred_airports/-
 * }</pre>
 *
 * @param segments the claim name and the steps into it, unescaped; never empty
 */
public record ClaimPath(List<String> segments) implements PatchTarget {

    private static final String PREFIX = "/claims/";
    /** The segment that appends to an array. */
    public static final String APPEND = "-";

    /** Checks the path: a non-empty claim name and no null or empty member names. */
    public ClaimPath {
        if (segments == null || segments.isEmpty()) {
            throw new InvalidPatchException("A claim path needs a claim name");
        }
        segments = List.copyOf(segments);
        if (segments.get(0).isEmpty()) {
            throw new InvalidPatchException("Claim name must not be empty");
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).isEmpty()) {
                throw new InvalidPatchException("Member name must not be empty in the path of claim '"
                        + segments.get(0) + "'");
            }
        }
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i).equals(APPEND) && i > 0) {
                throw new InvalidPatchException("'-' (append) may only end a path, in claim '" + segments.get(0) + "'");
            }
        }
    }

    /**
     * @param name a top-level claim name, any characters but not empty
     * @return the path to that claim
     */
    public static ClaimPath claim(String name) {
        if (name == null) {
            throw new InvalidPatchException("Claim name must not be null");
        }
        return new ClaimPath(List.of(name));
    }

    /**
     * @param name a member of the object this path points to
     * @return the longer path
     */
    public ClaimPath member(String name) {
        if (name == null) {
            throw new InvalidPatchException("Member name must not be null in claim '" + claimName() + "'");
        }
        return child(name);
    }

    /**
     * @param index an element of the array this path points to
     * @return the longer path
     */
    public ClaimPath index(int index) {
        if (index < 0) {
            throw new InvalidPatchException("Array index must not be negative in claim '" + claimName() + "'");
        }
        return child(Integer.toString(index));
    }

    /** @return the path that appends to the array this path points to ({@code .../-}) */
    public ClaimPath append() {
        return child(APPEND);
    }

    private ClaimPath child(String segment) {
        List<String> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new ClaimPath(longer);
    }

    /**
     * Reads a pointer Okta would accept.
     *
     * @param pointer e.g. {@code /claims/https:~1~1example.com~1role}
     * @return the path
     * @throws InvalidPatchException if it does not start with {@code /claims/} or has a bad escape
     */
    public static ClaimPath parse(String pointer) {
        if (pointer == null || !pointer.startsWith(PREFIX)) {
            throw new InvalidPatchException("A claim path must start with " + PREFIX);
        }
        List<String> parts = new ArrayList<>();
        for (String raw : pointer.substring(PREFIX.length()).split("/", -1)) {
            parts.add(unescape(raw));
        }
        return new ClaimPath(parts);
    }

    /** @return the top-level claim this path is in */
    public String claimName() {
        return segments.get(0);
    }

    /** @return whether this path goes into a claim rather than naming one */
    public boolean isNested() {
        return segments.size() > 1;
    }

    /** @return whether this path ends with {@code -} (append to an array) */
    public boolean isAppend() {
        return isNested() && last().equals(APPEND);
    }

    /** @return the last segment: the claim name, member name, index or {@code -} */
    public String last() {
        return segments.get(segments.size() - 1);
    }

    /** @return the path without its last segment, or this path if it names a claim */
    public ClaimPath parent() {
        return isNested() ? new ClaimPath(segments.subList(0, segments.size() - 1)) : this;
    }

    /**
     * @param other another path
     * @return whether {@code other} lies inside this path (or equals it)
     */
    public boolean contains(ClaimPath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    @Override
    public String pointer() {
        StringBuilder out = new StringBuilder(PREFIX.length() + 16 * segments.size()).append("/claims");
        for (String segment : segments) {
            out.append('/');
            escape(segment, out);
        }
        return out.toString();
    }

    private static void escape(String segment, StringBuilder out) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '~') {
                out.append("~0");
            } else if (c == '/') {
                out.append("~1");
            } else {
                out.append(c);
            }
        }
    }

    private static String unescape(String raw) {
        if (raw.indexOf('~') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                out.append(c);
                continue;
            }
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
            if (next == '0') {
                out.append('~');
            } else if (next == '1') {
                out.append('/');
            } else {
                throw new InvalidPatchException("Invalid escape in claim path: '~' must be followed by 0 or 1");
            }
            i++;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return pointer();
    }
}
