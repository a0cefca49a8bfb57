package org.probity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Generates a {@code long} parameter of a {@link PropertyTest} with {@code Gens.longs(min, max)}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Longs {
    /** The smallest value. */
    long min() default Long.MIN_VALUE;

    /** The largest value. */
    long max() default Long.MAX_VALUE;
}
