package org.probity.identities;

import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * The magnitudes from which the divergence identities' tolerances are derived: the sums of the
 * absolute values of the terms each relation adds, for {@link Tolerances#roundedSum}.
 */
final class DivergenceRules {
    private DivergenceRules() {
    }

    /** {@link Tolerances#roundedSum}: \( c\,u \max(1, M) \), rounding of sums of terms of magnitude M. */
    static Tolerance roundoff(double c, double magnitude, String of) {
        return Tolerances.roundedSum(c, magnitude).named(c + " u x (" + of + ")");
    }

    /** \( \sum_{i: p_i > 0} p_i (|\log p_i| + |\log q_i|) \): the magnitude of the terms of H(p), H(p, q) and KL. */
    static double logMagnitude(double[] p, double[] q) {
        NeumaierSum s = NeumaierSum.create();
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                s.add(p[i] * (Math.abs(Math.log(p[i])) + Math.abs(Math.log(q[i]))));
            }
        }
        return s.sum();
    }

    /** The sum of the absolute values of the summands of H(p, q) and H(p) for univariate Gaussians. */
    static double gaussianMagnitude(double m1, double v1, double m2, double v2) {
        double dm = m1 - m2;
        return Math.abs(0.5 * Math.log(2 * Math.PI * v2)) + 0.5 * v1 / v2 + 0.5 * dm * dm / v2
            + Math.abs(0.5 * Math.log(2 * Math.PI * Math.E * v1));
    }

    /** \( |\sum_i x_i - 1| \), with the 1 inside a compensated sum so that no deviation is rounded away. */
    static double normalizationError(double[] x) {
        NeumaierSum s = NeumaierSum.create().add(-1);
        for (double v : x) {
            s.add(v);
        }
        return Math.abs(s.sum());
    }
}
