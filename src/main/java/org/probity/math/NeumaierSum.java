package org.probity.math;

/**
 * Compensated summation (Neumaier's variant of Kahan summation).
 *
 * <p>The error of the returned sum is bounded by \( 2u \sum |x_i| + O(n u^2) \sum |x_i| \) with
 * \( u = 2^{-53} \), independent of the number of terms to first order, against \( (n-1)u \sum|x_i|\)
 * for naive summation (Neumaier 1974; Higham, <i>Accuracy and Stability of Numerical Algorithms</i>,
 * §4.3). When a term or the running sum is infinite or NaN, the naive IEEE sum is returned, so
 * {@code +∞ + 1 = +∞} and {@code +∞ + −∞ = NaN} as in plain arithmetic.
 *
 * <p>Instances are mutable accumulators and not thread-safe; the static methods are pure.
 */
public final class NeumaierSum {
    private double sum;
    private double compensation;
    private double naive;

    private NeumaierSum() {
    }

    /** Returns an empty accumulator (its sum is 0). */
    public static NeumaierSum create() {
        return new NeumaierSum();
    }

    /**
     * Adds a term.
     *
     * @param x the term
     * @return this accumulator
     */
    public NeumaierSum add(double x) {
        naive += x;
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
        return this;
    }

    /** Adds the product {@code a * b} as one term. */
    public NeumaierSum addProduct(double a, double b) {
        return add(a * b);
    }

    /** Returns the compensated sum of the terms added so far. */
    public double sum() {
        if (!Double.isFinite(naive) || !Double.isFinite(sum)) {
            return naive;
        }
        return sum + compensation;
    }

    /**
     * Returns the compensated sum of {@code xs}.
     *
     * @param xs the terms; an empty array sums to 0
     * @return the sum
     */
    public static double sum(double... xs) {
        NeumaierSum s = new NeumaierSum();
        for (double x : xs) {
            s.add(x);
        }
        return s.sum();
    }

    /** Returns the compensated dot product \( \sum_i a_i b_i \) (each product rounded once). */
    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "dot: lengths differ: a has %d entries, b has %d", a.length, b.length));
        }
        NeumaierSum s = new NeumaierSum();
        for (int i = 0; i < a.length; i++) {
            s.add(a[i] * b[i]);
        }
        return s.sum();
    }
}
