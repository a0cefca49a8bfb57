/**
 * AssertJ assertions for tests in JVM projects ({@link ProbityAssertions#assertThat}): closeness
 * under a {@link org.probity.math.Tolerance}, probability vectors, distributions, with failure
 * messages that report expected, actual, the difference and the tolerance.
 *
 * <p>Follows: AssertJ's {@code AbstractAssert} and {@code ShouldBeEqualWithinOffset} message
 * factories (STYLE.md 8).
 *
 * <p>May use: {@code divergence}, {@code dist}, {@code math}.
 */
package org.probity.assertions;
