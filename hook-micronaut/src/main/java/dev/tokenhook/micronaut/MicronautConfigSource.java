package dev.tokenhook.micronaut;

import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookKeys;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Micronaut's {@link Environment} as hook-core's {@link ConfigSource}: values as Micronaut resolves them
 * (placeholders included), keys (as Micronaut normalises them: {@code timeBudget} is {@code time-budget}) and
 * origins from every property source but the environment variables.
 */
final class MicronautConfigSource implements ConfigSource {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    private final Environment environment;

    MicronautConfigSource(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String value(String key) {
        try {
            return environment.getProperty(key, Argument.listOf(String.class)).map(list -> String.join(",", list))
                    .orElse(null);
        } catch (ConfigurationException e) { // an unresolvable placeholder: hook-core names the key
            return PLACEHOLDER.matcher(String.valueOf(e.getMessage())).results().findFirst()
                    .map(MatchResult::group).orElse("${?}");
        }
    }

    @Override
    public String origin(String key) {
        return sources().filter(source -> StreamSupport.stream(source.spliterator(), false)
                        .anyMatch(written -> normalised(written).equals(key))).findFirst()
                .map(source -> source.getOrigin().location()).orElse(null);
    }

    @Override
    public Set<String> keys() {
        return sources().flatMap(source -> StreamSupport.stream(source.spliterator(), false))
                .map(MicronautConfigSource::normalised)
                .filter(key -> key.startsWith(TokenHookKeys.PREFIX)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A key as Micronaut reads it: camelCase and {@code _} in kebab-case ({@code timeBudget} is {@code time-budget}). */
    private static String normalised(String written) {
        return NameUtils.hyphenate(written, true);
    }

    private Stream<PropertySource> sources() {
        return environment.getPropertySources().stream()
                .filter(source -> source.getConvention() != PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE)
                .sorted(Comparator.comparingInt(PropertySource::getOrder).reversed());
    }
}
