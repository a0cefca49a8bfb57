package org.probity.identities.gen;

import java.util.Arrays;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.diffusion.LogSnrSchedule;
import org.probity.diffusion.SnrAffineDenoiser;

/**
 * Instances of the variational-diffusion-model identities: a continuous log-SNR schedule (linear or
 * cosine, endpoints \( \gamma_0 \in [-14, 3] \), \( \gamma_1 - \gamma_0 \in [0.05, 18] \), which
 * covers VDM's −13.3 … 5), its twin of the other shape with the same endpoints, a data point
 * \( x \in [-3, 3]^d \), d = 1..3, an SNR-affine denoiser (random; Wiener's optimal denoiser for
 * some \( \mathcal N(m, \tau^2 I) \); or one that reaches x at high SNR) and a step count
 * T = 1..{@value #MAX_STEPS}. Failures shrink toward d = 1, T = 1, the linear schedule and simple numbers.
 */
public final class VdmGens {
    /** The largest T drawn. */
    public static final int MAX_STEPS = 64;

    private VdmGens() {
    }

    /**
     * One instance.
     *
     * @param schedule the schedule
     * @param twin the other shape with the same endpoints
     * @param denoiser the denoiser, as a function of the SNR
     * @param x the data point
     * @param steps T
     */
    public record Instance(LogSnrSchedule schedule, LogSnrSchedule twin, SnrAffineDenoiser denoiser, double[] x, int steps) {
        /** d. */
        public int dimension() {
            return x.length;
        }

        /** \( \max(|\gamma_0|, |\gamma_1|) \). */
        public double gammaScale() {
            return Math.max(Math.abs(schedule.gamma(0)), Math.abs(schedule.gamma(1)));
        }

        @Override
        public String toString() {
            return "d = " + x.length + ", T = " + steps + ", schedule " + schedule + " (twin " + twin + "), x = "
                + Arrays.toString(x) + ", " + denoiser;
        }
    }

    /** Instances as described in the class comment. */
    public static Gen<Instance> instances() {
        return ch -> {
            double g0 = Gens.doubles(-14, 3).generate(ch);
            double width = Gens.doubles(0.05, 18).generate(ch);
            double g1 = g0 + width;
            boolean cosine = Gens.booleans().generate(ch);
            LogSnrSchedule lin = LogSnrSchedule.linear(g0, g1);
            LogSnrSchedule cos = LogSnrSchedule.cosine(g0, g1);
            int d = Gens.integers(1, 3).generate(ch);
            double[] x = Gens.doubles(-3, 3).arrays(d, d).generate(ch);
            int kind = Gens.integers(0, 2).generate(ch);
            double rho = Gens.doubles(0.01, 100).generate(ch);
            SnrAffineDenoiser f;
            if (kind == 0) {
                double c = Gens.doubles(-2, 2).generate(ch);
                double[] m = Gens.doubles(-2, 2).arrays(d, d).generate(ch);
                double[] n = Gens.doubles(-2, 2).arrays(d, d).generate(ch);
                f = SnrAffineDenoiser.of(c, rho, m, n);
            } else if (kind == 1) {
                double[] m = Gens.doubles(-2, 2).arrays(d, d).generate(ch);
                f = SnrAffineDenoiser.of(rho, rho, m, new double[d]);
            } else {
                double c = Gens.doubles(-2, 2).generate(ch);
                double[] n = new double[d];
                for (int j = 0; j < d; j++) {
                    n[j] = (rho - c) * x[j];
                }
                f = SnrAffineDenoiser.of(c, rho, x, n);
            }
            int steps = Gens.integers(1, MAX_STEPS).generate(ch);
            return new Instance(cosine ? cos : lin, cosine ? lin : cos, f, x, steps);
        };
    }
}
