package org.probity.diffusion.internal;

/**
 * The moments \( J_k = \int_{v_0}^{v_1} v^k / (1 + \rho v)^2\, dv \), k = 0, 1, 2, each as a sum of
 * non-negative terms (no cancellation at any \( \rho v \)). With \( w_i = 1 + \rho v_i \),
 * \( \Delta = v_1 - v_0 \) and \( y = \rho\Delta / w_1 \in [0, 1) \) (so \( 1 - y = w_0 / w_1 \)):
 * \( J_0 = \Delta / (w_0 w_1) \),
 * \( J_1 = H(y)\, (\Delta / w_1)^2 + v_0 \Delta / (w_0 w_1) \),
 * \( J_2 = F(y)\, (\Delta / w_1)^3 + v_0 v_1 \Delta / (w_0 w_1) \), where
 * \( H(y) = (-\log(1 - y) - y) / y^2 = \sum_{k \ge 2} y^{k-2} / k \) and
 * \( F(y) = (y/(1-y) + 2\log(1 - y) + y) / y^3 = \sum_{k \ge 3} (1 - 2/k)\, y^{k-3} \) (series of
 * positive terms for \( y \le 3/4 \), the closed forms above it, where they cancel by less than a
 * factor 7). Derived from the antiderivatives \( -1/(\rho w) \), \( (\log w + 1/w)/\rho^2 \) and
 * \( (w - 2\log w - 1/w)/\rho^3 \) by writing their differences in y.
 */
public final class RationalIntegrals {
    private static final double SERIES_LIMIT = 0.75;
    private static final int MAX_TERMS = 400;

    private RationalIntegrals() {
    }

    /**
     * \( \{J_0, J_1, J_2\} \) for \( \rho &gt; 0 \), \( 0 \le v_0 \le v_1 &lt; \infty \) and
     * \( \Delta = v_1 - v_0 \), supplied by the caller where it is known more accurately than the
     * difference of the rounded endpoints (checked by the caller).
     */
    public static double[] moments(double rho, double v0, double v1, double delta) {
        double w0 = 1 + rho * v0;
        double w1 = 1 + rho * v1;
        double y = rho * delta / w1;
        double u = delta / w1;
        double j0 = delta / (w0 * w1);
        double j1 = h(y, rho * delta / w0) * u * u + v0 * j0;
        double j2 = f(y, rho * delta / w0) * u * u * u + v0 * v1 * j0;
        return new double[] {j0, j1, j2};
    }

    /** \( H(y) \); r = y / (1 - y). */
    static double h(double y, double r) {
        if (y > SERIES_LIMIT) {
            return (Math.log1p(r) - y) / (y * y);
        }
        double sum = 0;
        double p = 1;
        for (int k = 2; k < MAX_TERMS; k++) {
            double term = p / k;
            sum += term;
            if (term <= 0x1p-56 * sum) {
                break;
            }
            p *= y;
        }
        return sum;
    }

    /** \( F(y) \); r = y / (1 - y). */
    static double f(double y, double r) {
        if (y > SERIES_LIMIT) {
            return (r - 2 * Math.log1p(r) + y) / (y * y * y);
        }
        double sum = 0;
        double p = 1;
        for (int k = 3; k < MAX_TERMS; k++) {
            double term = p * (1 - 2.0 / k);
            sum += term;
            if (term <= 0x1p-56 * sum) {
                break;
            }
            p *= y;
        }
        return sum;
    }
}
