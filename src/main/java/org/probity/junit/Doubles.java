package org.probity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates a {@code double} parameter (or the elements of a {@code double[]} or
 * {@code List<Double>}) of a {@link PropertyTest} with {@code Gens.doubles(min, max)}: across
 * magnitudes, with the special values of the range.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Doubles {
    /** The smallest value. */
    double min() default -Double.MAX_VALUE;

    /** The largest value. */
    double max() default Double.MAX_VALUE;

    /** Whether the bounds themselves are excluded ({@code DoubleGen.exclusive()}). */
    boolean exclusive() default false;
}
