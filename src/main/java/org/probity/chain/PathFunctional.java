package org.probity.chain;

import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * An additive path functional
 * \( F(x_{0:T}) = g(x_0) + \sum_{t=1}^{T} f_t(x_{t-1}, x_t) + h(x_T) \), whose expectation under a
 * Markov chain is computed exactly by dynamic programming in \( O(T K^2) \) evaluations
 * ({@link FiniteChain#expectation(PathFunctional)}).
 *
 * <p>Values may be \( \pm\infty \); a term whose probability is 0 contributes 0 whatever its value
 * (the convention \( 0 \cdot \log 0 = 0 \) of DESIGN.md).
 */
@FunctionalInterface
public interface PathFunctional {
    /**
     * The step term \( f_t(x_{t-1}, x_t) \).
     *
     * @param t the step, {@code 1 <= t <= T}
     * @param from the state \( x_{t-1} \)
     * @param to the state \( x_t \)
     * @return the term
     */
    double step(int t, int from, int to);

    /** The start term \( g(x_0) \); 0 unless overridden. */
    default double start(int x0) {
        return 0;
    }

    /** The end term \( h(x_T) \); 0 unless overridden. */
    default double end(int xT) {
        return 0;
    }

    /**
     * A functional with the given step, start and end terms.
     *
     * @param steps the step terms \( f_t \)
     * @param start \( g \)
     * @param end \( h \)
     * @return the functional
     */
    static PathFunctional of(PathFunctional steps, IntToDoubleFunction start, IntToDoubleFunction end) {
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        return new PathFunctional() {
            @Override
            public double step(int t, int from, int to) {
                return steps.step(t, from, to);
            }

            @Override
            public double start(int x0) {
                return start.applyAsDouble(x0);
            }

            @Override
            public double end(int xT) {
                return end.applyAsDouble(xT);
            }
        };
    }
}
