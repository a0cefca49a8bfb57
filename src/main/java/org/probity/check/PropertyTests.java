package org.probity.check;

import java.util.Collection;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * JUnit 5 bridge for collections of properties: each becomes a {@link DynamicTest} that Surefire
 * reports under the property's name.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> catalog() {
 *     return PropertyTests.dynamicTests(myProperties, RunConfig.defaults());
 * }
 * }</pre>
 */
public final class PropertyTests {
    private PropertyTests() {
    }

    /** One dynamic test per property, run with {@link RunConfig#defaults()}. */
    public static Stream<DynamicTest> dynamicTests(Collection<? extends Property<?>> properties) {
        return dynamicTests(properties, RunConfig.defaults());
    }

    /** One dynamic test per property, run with {@code cfg}. */
    public static Stream<DynamicTest> dynamicTests(Collection<? extends Property<?>> properties, RunConfig cfg) {
        return properties.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> p.assertHolds(cfg)));
    }
}
