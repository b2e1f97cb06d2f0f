package dev.tokenhook.micronaut;

import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookKeys;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Micronaut's {@link Environment} as hook-core's {@link ConfigSource}: values as Micronaut resolves them
 * (placeholders included), keys and origins from every property source but the environment variables.
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
            return environment.getProperty(key, Object.class).map(value -> value instanceof Iterable<?> items
                    ? String.join(",", StreamSupport.stream(items.spliterator(), false).map(String::valueOf).toList())
                    : value.toString()).orElse(null);
        } catch (ConfigurationException e) { // an unresolvable placeholder: hook-core names the key
            Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(e.getMessage()));
            return placeholder.find() ? placeholder.group() : "${?}";
        }
    }

    @Override
    public String origin(String key) {
        return sources().filter(source -> source.get(key) != null).findFirst()
                .map(source -> source.getOrigin().location()).orElse(null);
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        sources().forEach(source -> source.forEach(key -> {
            if (key.startsWith(TokenHookKeys.PREFIX)) {
                keys.add(key);
            }
        }));
        return keys;
    }

    private java.util.stream.Stream<PropertySource> sources() {
        return environment.getPropertySources().stream()
                .filter(source -> source.getConvention() != PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE)
                .sorted(Comparator.comparingInt(PropertySource::getOrder).reversed());
    }
}
