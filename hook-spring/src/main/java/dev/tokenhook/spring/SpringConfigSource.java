package dev.tokenhook.spring;

import dev.tokenhook.core.config.ConfigSource;
import dev.tokenhook.core.config.TokenHookKeys;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Spring's {@link Environment} as hook-core's {@link ConfigSource}: values bound by Boot's {@link Binder}
 * (relaxed names, indexed lists, placeholders), origins such as {@code class path resource
 * [application.properties] - 3:30}, and the keys of every property source but the environment variables.
 */
final class SpringConfigSource implements ConfigSource {

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("tokenhook");

    private final Iterable<ConfigurationPropertySource> sources;
    private final Binder binder;

    SpringConfigSource(Environment environment) {
        this.sources = ConfigurationPropertySources.get(environment);
        this.binder = Binder.get(environment);
    }

    @Override
    public String value(String key) {
        return binder.bind(key, Bindable.listOf(String.class)).map(values -> String.join(",", values)).orElse(null);
    }

    @Override
    public String origin(String key) {
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
        for (ConfigurationPropertySource source : sources) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            property = property != null ? property : source.getConfigurationProperty(name.append("[0]"));
            if (property != null) {
                return property.getOrigin() != null ? property.getOrigin().toString()
                        : ((PropertySource<?>) source.getUnderlyingSource()).getName();
            }
        }
        return null;
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : sources) {
            if (source instanceof IterableConfigurationPropertySource listed
                    && !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
                listed.stream().filter(ROOT::isAncestorOf).map(SpringConfigSource::key).forEach(keys::add);
            }
        }
        return keys;
    }

    /**
     * The table's spelling of a name as Boot's binder reads it ({@code timeBudget}, {@code secrets[0]},
     * {@code lookups.patients.freshFor}), or the name as written.
     */
    private static String key(ConfigurationPropertyName name) {
        ConfigurationPropertyName unindexed = name;
        while (unindexed.isLastElementIndexed()) {
            unindexed = unindexed.getParent();
        }
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < unindexed.getNumberOfElements(); i++) {
            written.append(i == 0 ? "" : ".").append(unindexed.getElement(i, ConfigurationPropertyName.Form.ORIGINAL));
        }
        return TokenHookKeys.canonical(written.toString());
    }
}
