package org.probity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates a {@code double[]} parameter of a {@link PropertyTest} that is a probability vector
 * ({@code Gens.probabilityVectors}): entries {@code >= 0} summing to 1 within an ulp, with exact
 * zeros, near-one-hot and nearly uniform vectors.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ProbabilityVectors {
    /** The shortest length, {@code >= 1}. */
    int minSize() default 2;

    /** The longest length. */
    int maxSize() default 8;

    /** Whether every entry is {@code > 0} ({@code Gens.positiveProbabilityVectors}). */
    boolean positive() default false;
}
