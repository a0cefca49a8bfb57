package org.probity.divergence;

import java.util.Locale;

/**
 * A value computed by a second method (quadrature, Monte Carlo) with a declared bound on its error:
 * with Monte Carlo, \( |value - truth| \le errorBound \) holds with probability at least
 * \( 1 - \alpha \) (the false-alarm rate the estimate was made with); with quadrature, the bound is the
 * convergence, truncation and rounding bound of the rule.
 *
 * @param value the estimate
 * @param errorBound the declared bound on \( |value - truth| \), {@code >= 0}
 * @param evaluations samples drawn or integrand evaluations made
 * @param method a short description of how the value was obtained, printed in reports
 */
public record Estimate(double value, double errorBound, long evaluations, String method) {
    /** Validates the bound (finite or +∞, never negative or NaN). */
    public Estimate {
        if (!(errorBound >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "errorBound: expected a number >= 0, got %s", errorBound));
        }
    }

    /**
     * Whether {@code claimed} is consistent with this estimate: \( |claimed - value| \le errorBound + slack \),
     * and equal infinities agree.
     *
     * @param claimed a value from another method (e.g. a closed form)
     * @param slack the error allowance of {@code claimed} itself, {@code >= 0}
     * @return true when consistent
     */
    public boolean agreesWith(double claimed, double slack) {
        if (claimed == value) {
            return true;
        }
        return Math.abs(claimed - value) <= errorBound + slack;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s ± %s (%s, %d evaluations)", value, errorBound, method, evaluations);
    }
}
