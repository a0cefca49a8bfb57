package org.probity.spec.internal;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.probity.math.NeumaierSum;

/**
 * The Monte Carlo policy of the gaussian evaluator: a declared false-alarm rate α (default 1e-9,
 * two-sided z = Φ^{-1}(1 - α/2) = 6.1094), a fixed number of samples per expectation decided
 * before sampling (never stopped early), and randomness seeded from the instance and the point so
 * that a shrunk counterexample replays. The relation is accepted when the difference is within
 * z standard errors (plus the exact tolerance): a true identity is rejected with probability at
 * most α per check. With n = 20 000 samples, a difference of (z + 2.33) σ/√n ≈ 0.06 σ is detected
 * with power 0.99.
 */
final class MonteCarlo {
    /** Default false-alarm rate per check. */
    static final double FALSE_ALARM = 1e-9;
    /** Φ^{-1}(1 - 1e-9 / 2). */
    static final double Z = 6.109410204869;
    /** Samples per Monte Carlo expectation. */
    static final long SAMPLES = 20_000;

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
