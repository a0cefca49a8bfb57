package org.probity.divergence;

import java.util.Locale;
import java.util.function.ToDoubleBiFunction;
import org.probity.dist.DiagonalGaussian;
import org.probity.dist.Gaussian;
import org.probity.math.Arguments;
import org.probity.math.NeumaierSum;

/** Argument checks shared by the closed forms (messages name the parameter and its value). */
final class Checks {
    static final String MSG_DIMENSION = "q: expected dimension %d (the dimension of p), got %d";

    private Checks() {
    }

    static void gaussian(double m1, double v1, double m2, double v2) {
        Arguments.requireFinite("m1", m1);
        Arguments.requirePositiveFinite("v1", v1);
        Arguments.requireFinite("m2", m2);
        Arguments.requirePositiveFinite("v2", v2);
    }

    static void gaussianLogVariance(double m1, double logv1, double m2, double logv2) {
        Arguments.requireFinite("m1", m1);
        Arguments.requireFinite("logv1", logv1);
        Arguments.requireFinite("m2", m2);
        Arguments.requireFinite("logv2", logv2);
    }

    static void sameDimension(DiagonalGaussian p, DiagonalGaussian q) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIMENSION, p.dimension(), q.dimension()));
        }
    }

    /**
     * \( \sum_d f(p_d, q_d) \) over the components of two diagonal Gaussians of the same dimension,
     * compensated (Neumaier): the per-component accuracy carries over to a sum of non-negative terms.
     */
    static double componentSum(DiagonalGaussian p, DiagonalGaussian q, ToDoubleBiFunction<Gaussian, Gaussian> f) {
        sameDimension(p, q);
        NeumaierSum s = NeumaierSum.create();
        for (int d = 0; d < p.dimension(); d++) {
            s.add(f.applyAsDouble(p.component(d), q.component(d)));
        }
        return s.sum();
    }
}
