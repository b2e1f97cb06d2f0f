package dev.tokenhook.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A randomised test: JUnit runs the method once per seed (a {@code long} parameter to seed its
 * {@link java.util.Random} with), and the seed is in each run's name, so a failure names the one to replay
 * with {@code -Dtokenhook.seed=N} ({@link Seeds}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "seed {0}")
@ArgumentsSource(Seeds.class)
public @interface Seeded {

    /** @return how many seeds */
    int value();
}
