package org.probity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The length of a generated {@code List}, {@code double[]} or {@code int[]} parameter of a {@link PropertyTest}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Size {
    /** The shortest length. */
    int min() default 0;

    /** The longest length. */
    int max() default 20;
}
