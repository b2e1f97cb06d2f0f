package dev.tokenhook.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * No package cycle among hook-core's API packages ({@code core}, {@code patch}, {@code rule}, {@code http},
 * {@code auth}, {@code config}): each can be understood and changed without the ones that use it. The JSON
 * codec lives, package-private, in the package that uses it, so it neither adds a package nor ties two
 * together.
 */
class PackageCyclesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tokenhook.core");

    static final ArchRule NO_CYCLES_BETWEEN_API_PACKAGES = slices()
            .matching("dev.tokenhook.(**)")
            .should().beFreeOfCycles()
            .because("a cycle ties packages into one unit that can only change together");

    @Test
    void theImportSeesTheApiPackages() {
        assertThat(CORE.contain(TokenHookRequest.class)).isTrue();
        assertThat(CORE.contain("dev.tokenhook.core.patch.TokenHookResponse")).isTrue();
        assertThat(CORE.contain("dev.tokenhook.core.http.TokenHookEndpoint")).isTrue();
        assertThat(CORE.contain("dev.tokenhook.core.rule.TokenHook")).isTrue();
        assertThat(CORE.contain(PackageCyclesTest.class)).as("tests are not imported").isFalse();
    }

    @Test
    void theApiPackagesHaveNoCycle() {
        NO_CYCLES_BETWEEN_API_PACKAGES.check(CORE);
    }

    @Test
    void theRuleFindsACycle() {
        JavaClasses cyclic = new ClassFileImporter().importPackages("dev.tokenhook.core.cyclesample");

        EvaluationResult result = NO_CYCLES_BETWEEN_API_PACKAGES.evaluate(cyclic);

        assertThat(result.hasViolation()).as("cyclesample.a -> cyclesample.b -> cyclesample.a").isTrue();
    }
}
