package com.example.hook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the published POMs put on a user's class path: the adapter and its runtime dependencies, and none of
 * the libraries tokenhook's own tests use, nor its test support (a test dependency that lost its test scope
 * would show up here).
 */
class ClassPathTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "dev/tokenhook/servlet/TokenHookServlet.class",
            "dev/tokenhook/core/rule/ClaimRule.class",
            "com/fasterxml/jackson/core/JsonParser.class",
            "META-INF/LICENSE"})
    void theAdapterAndItsDependenciesAreThere(String resource) {
        assertNotNull(ClassPathTest.class.getClassLoader().getResource(resource), resource);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "com/tngtech/archunit/core/domain/JavaClass.class",
            "net/jqwik/api/Arbitrary.class",
            "com/code_intelligence/jazzer/api/FuzzedDataProvider.class",
            "org/eclipse/jetty/server/Server.class",
            "org/apache/catalina/startup/Tomcat.class",
            "org/springframework/test/context/TestContext.class",
            "io/micronaut/context/ApplicationContext.class",
            "io/micrometer/core/instrument/MeterRegistry.class",
            "org/h2/Driver.class",
            "io/zonky/test/db/postgres/embedded/EmbeddedPostgres.class",
            "dev/tokenhook/docs/DocSnippets.class",
            "dev/tokenhook/testkit/DocSnippets.class"})
    void noTestLibraryOfTokenhookLeaks(String resource) {
        assertNull(ClassPathTest.class.getClassLoader().getResource(resource), resource);
    }
}
