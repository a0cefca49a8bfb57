package org.probity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates a {@code double} parameter of a {@link PropertyTest} in [0, 1] with
 * {@code Gens.probabilities()}: exact 0 and 1, values near 0 and near 1.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Probabilities {
    /** Whether 0 and 1 themselves are excluded. */
    boolean exclusive() default false;
}
