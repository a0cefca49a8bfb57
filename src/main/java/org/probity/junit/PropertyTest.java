package org.probity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test method that is a property: its parameters are generated, the method runs once per
 * try, and a failing try fails the test with the shrunk counterexample, both sides, the seed and the
 * replay option ({@link org.probity.check.PropertyResult#report()}).
 *
 * <pre>{@code
 * @PropertyTest(tries = 500)
 * void entropyIsAtMostLogK(@ProbabilityVectors(minSize = 2, maxSize = 8) double[] p) {
 *     assertThat(Entropy.categorical(p)).isLessThanOrEqualTo(Math.log(p.length) * (1 + 1e-15));
 * }
 * }</pre>
 *
 * <p>Each parameter is generated from its annotation ({@link Integers}, {@link Longs},
 * {@link Doubles}, {@link Probabilities}, {@link ProbabilityVectors}, {@link From}), or else from its
 * type: {@code int}, {@code long}, {@code double}, {@code boolean}, an enum, {@code double[]},
 * {@code int[]} and {@code List<E>} of those ({@link Size} bounds the length); {@code TestInfo} and
 * {@code TestReporter} parameters are left to JUnit. Like every Jupiter test method it returns
 * {@code void} and fails by throwing (an AssertJ or {@code ProbityAssertions} assertion, any
 * exception); inside it, {@code Property.assume}, {@code collect}, {@code label} and
 * {@code target} work as in any property.
 *
 * <p>It is a plain Jupiter {@link Test} run by {@link PropertyTestExtension}, so Surefire reports it,
 * an IDE reruns it, and {@code @BeforeEach}, {@code @Nested}, {@code @Disabled}, {@code @Tag} and
 * {@code @DisplayName} apply as usual ({@code @BeforeEach} runs once per property, not per try).
 * Unset attributes take {@link org.probity.check.RunConfig#defaults()}: {@code -Dprobity.tries},
 * {@code -Dprobity.seed}, {@code -Dprobity.replay}, {@code -Dprobity.database}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@ExtendWith(PropertyTestExtension.class)
public @interface PropertyTest {
    /** How many tries; 0 (the default) takes {@code -Dprobity.tries} or 1000. */
    int tries() default 0;

    /**
     * The seed, as a decimal number; "" (the default) takes {@code -Dprobity.seed} or the fixed
     * default seed. A seed set here is reported as set by the caller.
     */
    String seed() default "";

    /**
     * The name of a method of the test class (static or not, no parameters) returning the explicit
     * examples to run before any generated input: an {@code Iterable<Object[]>} or
     * {@code Object[][]} of argument lists, or for a one-parameter method an {@code Iterable<?>} of
     * values. "" (the default) for none.
     */
    String examples() default "";

    /**
     * Whether failures are kept in the example database and replayed first on the next run
     * ({@code -Dprobity.database}, default {@code .probity/examples}); false turns it off for this
     * property.
     */
    boolean database() default true;
}
