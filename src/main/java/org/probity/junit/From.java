package org.probity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates a parameter of a {@link PropertyTest} from a named method of the test class (static or
 * not, no parameters) that returns a {@code Gen} of the parameter's type, e.g.
 * {@code @From("schedules") NoiseSchedule s} with {@code Gen<NoiseSchedule> schedules()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface From {
    /** The name of the provider method. */
    String value();
}
