package org.probity.spec.internal;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.probity.math.NeumaierSum;

/**
 * The Monte Carlo policy of the gaussian evaluator: a declared false-alarm rate α = 1e-9 per check
 * (two-sided z_α = Φ^{-1}(1 - α/2) = 6.1094), a sample size derived before sampling from α, the
 * power 1 - β = 0.99 (z_β = 2.3263) and the smallest error to detect, δ = 0.06 standard deviations
 * of the integrand: n = ⌈((z_α + z_β) / δ)^2⌉ = 19 768 per expectation, never stopped early.
 * Randomness is seeded from the instance and the point so that a shrunk counterexample replays.
 * The relation is accepted when the difference is within z_α standard errors (plus the exact
 * tolerance), so a true identity is rejected with probability at most α per check.
 */
final class MonteCarlo {
    /** Default false-alarm rate per check. */
    static final double FALSE_ALARM = org.probity.divergence.MonteCarlo.DEFAULT_FALSE_ALARM;
    /** Φ^{-1}(1 - 1e-9 / 2), by the one Monte Carlo policy of {@code divergence.MonteCarlo}. */
    static final double Z = org.probity.divergence.MonteCarlo.twoSidedQuantile(FALSE_ALARM);
    /** The power of the test against an error of {@link #EFFECT} standard deviations. */
    static final double POWER = 0.99;
    /** The smallest error to detect, in standard deviations of the integrand. */
    static final double EFFECT = 0.06;
    /** Samples per Monte Carlo expectation: ⌈((z_α + z_β) / δ)^2⌉. */
    static final long SAMPLES = org.probity.divergence.MonteCarlo.normalSampleSize(FALSE_ALARM, POWER, EFFECT);

    private final long seed;

    MonteCarlo(long seed) {
        this.seed = seed;
    }

    long sampleSize() {
        return SAMPLES;
    }

    interface Sampler {
        double[] normals();
    }

    Sampler sampler(double[] point, int k) {
        long s = seed ^ Arrays.hashCode(point) * 0x9E3779B97F4A7C15L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(s);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] z = new double[k];
        return () -> {
            for (int i = 0; i < k; i++) {
                z[i] = normal.sample();
            }
            return z;
        };
    }

    Accumulator accumulator() {
        return new Accumulator();
    }

    /** Mean and variance of the mean, by Welford's update. */
    static final class Accumulator {
        private long count;
        private double mean;
        private double m2;
        private final NeumaierSum sum = NeumaierSum.create();

        void add(double v) {
            count++;
            sum.add(v);
            double d = v - mean;
            mean += d / count;
            m2 += d * (v - mean);
        }

        double mean() {
            return sum.sum() / count;
        }

        double varianceOfMean() {
            return count < 2 ? Double.POSITIVE_INFINITY : m2 / (count - 1) / count;
        }
    }
}
