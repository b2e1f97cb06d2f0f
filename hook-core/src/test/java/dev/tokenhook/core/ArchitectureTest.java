package dev.tokenhook.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** hook-core stays framework-neutral, keeps Jackson an implementation detail and has no public internals. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tokenhook.core");

    private static final ArchRule NO_FRAMEWORK = noClasses()
            .that().resideInAPackage("dev.tokenhook.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "io.micronaut..", "jakarta.servlet..", "javax.servlet..",
                    "org.eclipse.jetty..")
            .because("adapters bring the frameworks; the core must run under any of them");

    private static final ArchRule NO_PUBLIC_INTERNALS = noClasses()
            .that().resideInAPackage("..internal..")
            .should().bePublic()
            .allowEmptyShould(true)
            .because("a public type is API whatever its package is called; helpers are package-private");

    private static final ArchRule NO_JACKSON_IN_API = classes()
            .that().arePublic()
            .should(exposeNoJacksonType())
            .because("the JSON codec is an implementation detail (DESIGN.md: no Jackson type in a public signature)");

    @Test
    void theImportSeesTheWholeCore() {
        assertThat(CORE.contain(TokenHookRequest.class)).isTrue();
        assertThat(CORE.contain("dev.tokenhook.core.RequestDecoder")).isTrue();
        assertThat(CORE.contain("dev.tokenhook.core.rule.TokenHook")).isTrue();
        assertThat(CORE.contain(ArchitectureTest.class)).as("tests are not imported").isFalse();
        assertThat(CORE.size()).isGreaterThan(40);
    }

    @Test
    void noPublicTypeInAnInternalPackage() {
        NO_PUBLIC_INTERNALS.check(CORE);
    }

    @Test
    void theInternalRuleFindsAPublicType() {
        JavaClasses sample = new ClassFileImporter().importPackages("dev.tokenhook.core.leaksample");

        EvaluationResult result = NO_PUBLIC_INTERNALS.evaluate(sample);

        assertThat(result.hasViolation()).as("leaksample.internal.PublicHelper is public").isTrue();
    }

    @Test
    void coreDependsOnNoWebFramework() {
        NO_FRAMEWORK.check(CORE);
    }

    @Test
    void publicApiExposesNoJacksonType() {
        NO_JACKSON_IN_API.check(CORE);
    }

    @Test
    void theJacksonRuleFindsEveryKindOfLeak() {
        JavaClasses samples = new ClassFileImporter().importClasses(LeakyApi.class, TidyApi.class);

        EvaluationResult result = NO_JACKSON_IN_API.evaluate(samples);

        assertThat(result.getFailureReport().getDetails())
                .hasSize(5)
                .anyMatch(d -> d.contains("LeakyApi.parser()") && d.contains(JsonParser.class.getName()))
                .anyMatch(d -> d.contains("LeakyApi.factory") && d.contains(JsonFactory.class.getName()))
                .anyMatch(d -> d.contains("LeakyApi.tokens(") && d.contains(JsonToken.class.getName()))
                .anyMatch(d -> d.contains("LeakyApi.read(") && d.contains(JsonProcessingException.class.getName()))
                .anyMatch(d -> d.contains("LeakyApi.<init>(") && d.contains(JsonParser.class.getName()))
                .noneMatch(d -> d.contains("TidyApi"));
    }

    static ArchCondition<JavaClass> exposeNoJacksonType() {
        return new ArchCondition<>("expose no com.fasterxml.jackson type in public or protected signatures") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaClass superType : javaClass.getAllRawSuperclasses()) {
                    report(javaClass, "extends", superType, javaClass.getFullName(), events);
                }
                for (JavaClass superType : javaClass.getAllRawInterfaces()) {
                    report(javaClass, "implements", superType, javaClass.getFullName(), events);
                }
                for (JavaMember member : javaClass.getMembers()) {
                    if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                            && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                        continue;
                    }
                    for (JavaClass type : signatureTypes(member)) {
                        report(member, "exposes", type, member.getFullName(), events);
                    }
                }
            }
        };
    }

    private static Set<JavaClass> signatureTypes(JavaMember member) {
        Set<JavaClass> types = new LinkedHashSet<>();
        if (member instanceof JavaField field) {
            types.add(field.getRawType());
            types.addAll(field.getType().getAllInvolvedRawTypes());
        } else if (member instanceof JavaCodeUnit unit) {
            types.add(unit.getRawReturnType());
            types.addAll(unit.getReturnType().getAllInvolvedRawTypes());
            types.addAll(unit.getRawParameterTypes());
            unit.getParameterTypes().forEach(type -> types.addAll(type.getAllInvolvedRawTypes()));
            types.addAll(unit.getThrowsClause().getTypes());
        }
        return types;
    }

    private static void report(Object owner, String verb, JavaClass type, String where, ConditionEvents events) {
        if (type.getPackageName().startsWith("com.fasterxml.jackson")) {
            events.add(SimpleConditionEvent.violated(owner, where + " " + verb + " " + type.getName()));
        }
    }

    /** Every way a public type can leak a Jackson type. Only for the rule's own test. */
    @SuppressWarnings("unused")
    public static class LeakyApi {
        public JsonFactory factory;

        public LeakyApi(JsonParser parser) {
        }

        public JsonParser parser() {
            return null;
        }

        protected void tokens(List<? extends JsonToken> tokens) {
        }

        public void read() throws JsonProcessingException {
        }
    }

    /** Uses Jackson only where callers cannot see it. */
    @SuppressWarnings("unused")
    public static class TidyApi {
        private JsonFactory factory;

        public String describe() {
            return JsonToken.START_OBJECT.asString();
        }

        private JsonParser parser() {
            return null;
        }

        JsonToken token() {
            return null;
        }
    }
}
