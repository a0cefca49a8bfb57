package org.probity.check;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.probity.check.internal.Discard;

/**
 * A generator of values of type {@code T}, built from primitive {@link Choices}.
 *
 * <p>Generators compose with {@link #map}, {@link #flatMap} and {@link #filter}, and through the
 * combinators of {@link Gens}; every composition shrinks, because shrinking edits the recorded
 * choice sequence and regenerates (MacIver and Donaldson, "Test-Case Reduction via Test-Case
 * Generation", ECOOP 2020).
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {
    /** How many times {@link #filter} redraws before the try is discarded. */
    int FILTER_ATTEMPTS = 100;

    /**
     * Generates one value.
     *
     * @param choices the source of choices
     * @return the value
     */
    T generate(Choices choices);

    /** Applies {@code f} to every generated value. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return c -> f.apply(generate(c));
    }

    /** Generates a value, then generates from the generator that {@code f} makes of it. */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> f) {
        Objects.requireNonNull(f, "f");
        return c -> f.apply(generate(c)).generate(c);
    }

    /**
     * Keeps only the values that satisfy {@code keep}, redrawing up to {@link #FILTER_ATTEMPTS}
     * times; after that the try is discarded and counted against the runner's discard budget. Each
     * attempt is a span, so the shrinker can delete the rejected ones.
     *
     * @param why what the filter keeps, printed when the discard budget runs out
     * @param keep the condition
     * @return the filtered generator
     */
    default Gen<T> filter(String why, Predicate<? super T> keep) {
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(keep, "keep");
        Object label = new Object();
        return c -> {
            for (int i = 0; i < FILTER_ATTEMPTS; i++) {
                c.beginSpan(label);
                T v = generate(c);
                c.endSpan();
                if (keep.test(v)) {
                    return v;
                }
            }
            throw new Discard(why);
        };
    }
}
