package org.probity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates an {@code int} parameter (or the elements of an {@code int[]} or {@code List<Integer>})
 * of a {@link PropertyTest} with {@code Gens.integers(min, max)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Integers {
    /** The smallest value. */
    int min() default Integer.MIN_VALUE;

    /** The largest value. */
    int max() default Integer.MAX_VALUE;
}
