package org.probity.check;

/**
 * Two values generated together, for {@link Gens#zip}.
 *
 * @param first the first value
 * @param second the second value
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 */
public record Pair<A, B>(A first, B second) {
    @Override
    public String toString() {
        return "(" + org.probity.check.internal.Show.value(first) + ", "
            + org.probity.check.internal.Show.value(second) + ")";
    }
}
