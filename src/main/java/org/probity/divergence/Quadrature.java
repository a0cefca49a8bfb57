package org.probity.divergence;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.probity.dist.Gaussian;
import org.probity.math.Constants;
import org.probity.math.GaussLegendre;
import org.probity.math.NeumaierSum;
import org.probity.math.StandardNormal;
import org.probity.math.Tolerance;

/**
 * Second method for the Gaussian closed forms: numerical integration of the defining expectation
 * \( \mathbb E_p[f(X)] = \int \varphi(z)\, f(\mu_1 + \sigma_1 z)\, dz \), with f evaluated from the log
 * densities ({@link Gaussian#logDensity}) and never from the closed form.
 *
 * <p>Rule: composite 20-point Gauss–Legendre (Hipparchus, nodes computed in high precision) on
 * \( [-L, L] \), \( L = 40 \), with 32 and 64 equal panels. The declared error bound is
 * \( |I_{32} - I_{64}| \) (the integrand is entire, so the finer rule's error is far smaller than the
 * difference) plus the truncated tail \( 2 Q(L) \max_{\pm} |f(\mu_1 \pm \sigma_1 L)| \) plus a rounding
 * bound \( 16 u \int \varphi(z) (|\ln p| + |\ln q|) \) for the evaluation of f as a difference of log
 * densities. For nearly equal p and q the rounding term dominates: the quadrature then confirms the
 * closed form only to about \( 10^{-15} \) absolute, which is why it is a second method and not the
 * reference (the reference is {@code HighPrecision}).
 */
public final class Quadrature {
    private static final double L = 40;
    private static final int PANELS = 32;
    private static final GaussIntegrator RULE = GaussLegendre.rule(20);

    private Quadrature() {
    }

    /** \( \mathrm{KL}(p\|q) = \int p (\ln p - \ln q) \). */
    public static Estimate klGaussian(Gaussian p, Gaussian q) {
        return expectation(p, x -> p.logDensity(x) - q.logDensity(x),
            x -> Math.abs(p.logDensity(x)) + Math.abs(q.logDensity(x)), "Gauss-Legendre KL");
    }

    /** \( H(p, q) = -\int p \ln q \). */
    public static Estimate crossEntropyGaussian(Gaussian p, Gaussian q) {
        return expectation(p, x -> -q.logDensity(x), x -> Math.abs(q.logDensity(x)), "Gauss-Legendre cross-entropy");
    }

    /** \( H(p) = -\int p \ln p \). */
    public static Estimate entropyGaussian(Gaussian p) {
        return expectation(p, x -> -p.logDensity(x), x -> Math.abs(p.logDensity(x)), "Gauss-Legendre entropy");
    }

    /**
     * \( \mathbb E_p[f(X)] \) for a Gaussian p, with the error bound described in the class comment.
     *
     * @param p the distribution of X
     * @param f the integrand (finite wherever p has mass)
     * @param magnitude a pointwise bound on the magnitudes that f's evaluation subtracts (for the
     *     rounding term); e.g. \( |\ln p(x)| + |\ln q(x)| \)
     * @param method a label for reports
     * @return the estimate
     */
    public static Estimate expectation(Gaussian p, DoubleUnaryOperator f, DoubleUnaryOperator magnitude, String method) {
        double m = p.mean();
        double s = p.standardDeviation();
        DoubleUnaryOperator g = z -> Math.exp(-0.5 * z * z) * f.applyAsDouble(m + s * z);
        DoubleUnaryOperator a = z -> Math.exp(-0.5 * z * z) * magnitude.applyAsDouble(m + s * z);
        double norm = Constants.INV_SQRT_2PI;
        double coarse = composite(g, PANELS) * norm;
        double fine = composite(g, 2 * PANELS) * norm;
        double abs = composite(a, PANELS) * norm;
        double tail = 2 * Math.exp(StandardNormal.logCdf(-L))
            * Math.max(Math.abs(f.applyAsDouble(m + s * L)), Math.abs(f.applyAsDouble(m - s * L)));
        double bound = Math.abs(fine - coarse) + tail + 16 * Tolerance.UNIT_ROUNDOFF * abs;
        long evaluations = (long) RULE.getNumberOfPoints() * (4L * PANELS);
        return new Estimate(fine, bound, evaluations, method);
    }

    private static double composite(DoubleUnaryOperator g, int panels) {
        double h = 2 * L / panels;
        NeumaierSum sum = NeumaierSum.create();
        for (int i = 0; i < panels; i++) {
            double lo = -L + i * h;
            double half = 0.5 * h;
            double mid = lo + half;
            for (int j = 0; j < RULE.getNumberOfPoints(); j++) {
                sum.add(half * RULE.getWeight(j) * g.applyAsDouble(mid + half * RULE.getPoint(j)));
            }
        }
        return sum.sum();
    }
}
