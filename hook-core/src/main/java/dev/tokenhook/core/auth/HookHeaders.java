package dev.tokenhook.core.auth;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read access to the request headers of a hook call. Names are matched case-insensitively; adapters
 * pass their container's lookup, which already is.
 */
@FunctionalInterface
public interface HookHeaders {

    /**
     * @param name a header name, any case
     * @return every value of that header, empty if absent
     */
    List<String> values(String name);

    /**
     * @param name a header name, any case
     * @return the first value, or {@code null}
     */
    default String first(String name) {
        List<String> values = values(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * @param headers header names to values
     * @return a case-insensitive view of a copy of the map
     */
    static HookHeaders of(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return name -> copy.getOrDefault(name, List.of());
    }
}
