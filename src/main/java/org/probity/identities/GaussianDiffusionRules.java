package org.probity.identities;

import org.probity.chain.LinearGaussianChain;
import org.probity.diffusion.VlbTerms;
import org.probity.identities.gen.GaussianDiffusionGens.Instance;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * The magnitudes from which the Gaussian-diffusion identities' tolerances are derived
 * ({@link Tolerances#roundedSum}, {@link Tolerances#conditionedSum}): the sum of the absolute values
 * of the summands of each log-density and VLB term compared.
 */
final class GaussianDiffusionRules {
    private GaussianDiffusionRules() {
    }

    /**
     * \( \{\log \mathcal N(x; m, v), M\} \): the log-density and the magnitude of its summands,
     * including the rounding of \( x - m \) (relative to \( |x| + |m| \), amplified by \( |x - m| / v \)) and 1.
     */
    static double[] logNormal(double x, double m, double v) {
        double d = x - m;
        double a = 0.5 * Math.log(2 * Math.PI * v);
        double b = d * d / (2 * v);
        return new double[] {-a - b, Math.abs(a) + b + Math.abs(d) * (Math.abs(x) + Math.abs(m)) / v + 1};
    }

    /** \( |L_T| + \sum_t |L_{t-1}| + |L_0| \). */
    static double absTerms(VlbTerms v) {
        double s = Math.abs(v.priorTerm()) + Math.abs(v.decoderTerm());
        for (double x : v.stepTerms()) {
            s += Math.abs(x);
        }
        return s;
    }

    /**
     * 64 (T + 1) roundings of the magnitude of the VLB terms and of log p(x_0), where log p carries
     * the composed variance P of the reverse chain (relative error about 3T u, amplified by
     * \( (x_0 - m)^2 / P \)).
     */
    static Tolerance vlbAndLikelihood(Instance in, VlbTerms v, double logP) {
        LinearGaussianChain c = in.reverse().asChain();
        int n = in.steps();
        double z2 = Math.pow(in.x0() - c.mean(n), 2) / c.variance(n);
        double mag = 1 + absTerms(v) + Math.abs(logP) + z2
            + Math.abs(in.x0()) * (Math.abs(in.x0()) + Math.abs(c.mean(n))) / c.variance(n);
        return Tolerances.roundedSum(64 * (n + 1), mag).named("64 (T+1) roundings x magnitude of the VLB terms and log p");
    }

    /** The gains \( g_t \) of a linear-Gaussian chain. */
    static double[] gains(LinearGaussianChain q) {
        double[] g = new double[q.steps()];
        for (int t = 1; t <= g.length; t++) {
            g[t - 1] = q.gain(t);
        }
        return g;
    }

    /** The noise variances of a linear-Gaussian chain. */
    static double[] noises(LinearGaussianChain q) {
        double[] v = new double[q.steps()];
        for (int t = 1; t <= v.length; t++) {
            v[t - 1] = q.noiseVariance(t);
        }
        return v;
    }
}
