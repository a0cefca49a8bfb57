package org.probity.identities.gen;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.dist.DiagonalGaussian;
import org.probity.dist.Gaussian;

/**
 * Generators of the divergence identities' instances: pairs of probability vectors (which sum to 1
 * within rounding, {@link Gens#probabilityVectors}), pairs of univariate Gaussians across magnitudes
 * (independent, and nearly equal), diagonal Gaussians, and the named edge cases run first.
 */
public final class DivergenceGens {
    private DivergenceGens() {
    }

    /** A pair of probability vectors of one length. */
    public record CategoricalPair(double[] p, double[] q) {
        @Override
        public String toString() {
            return "p=" + java.util.Arrays.toString(p) + ", q=" + java.util.Arrays.toString(q);
        }
    }

    /** Two univariate Gaussians \( \mathcal N(m_1, v_1) \), \( \mathcal N(m_2, v_2) \) and a seed for Monte Carlo. */
    public record GaussianPair(double m1, double v1, double m2, double v2, long seed) {
        /** \( \mathcal N(m_1, v_1) \). */
        public Gaussian p() {
            return Gaussian.of(m1, v1);
        }

        /** \( \mathcal N(m_2, v_2) \). */
        public Gaussian q() {
            return Gaussian.of(m2, v2);
        }

        /** A generator seeded with {@code seed}, for Monte Carlo. */
        public UniformRandomProvider rng() {
            return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        }
    }

    /** Pairs of probability vectors of length 2..16, q positive when {@code positiveQ}. */
    public static Gen<CategoricalPair> categoricalPairs(boolean positiveQ) {
        return Gens.integers(2, 16).flatMap(k -> Gens.combine(Gens.probabilityVectors(k),
            positiveQ ? Gens.positiveProbabilityVectors(k) : Gens.probabilityVectors(k), CategoricalPair::new));
    }

    /** Independent pairs, and pairs whose parameters differ by a relative 1e-6 or less. */
    public static Gen<GaussianPair> gaussianPairs() {
        Gen<double[]> one = Gens.combine(Gens.doubles(-10, 10), Gens.doubles(-6, 6), (m, l) -> new double[] {m, l});
        Gen<GaussianPair> independent = Gens.combine(one, one, Gens.longs(0, Long.MAX_VALUE),
            (a, b, s) -> new GaussianPair(a[0], Math.exp(a[1]), b[0], Math.exp(b[1]), s));
        Gen<GaussianPair> near = Gens.combine(one, Gens.zip(Gens.doubles(-1e-6, 1e-6), Gens.doubles(-1e-6, 1e-6)),
            Gens.longs(0, Long.MAX_VALUE), (a, e, s) -> new GaussianPair(a[0], Math.exp(a[1]),
                a[0] + e.first() * Math.exp(0.5 * a[1]), Math.exp(a[1]) * (1 + e.second()), s));
        return Gens.frequency(Gens.weighted(3, independent), Gens.weighted(1, near));
    }

    /** Pairs of diagonal Gaussians of dimension 1..6, each component a {@link #gaussianPairs()} pair. */
    public static Gen<DiagonalGaussian[]> diagonalPairs() {
        return Gens.lists(gaussianPairs(), 1, 6).map(list -> new DiagonalGaussian[] {
            DiagonalGaussian.of(list.stream().mapToDouble(GaussianPair::m1).toArray(),
                list.stream().mapToDouble(GaussianPair::v1).toArray()),
            DiagonalGaussian.of(list.stream().mapToDouble(GaussianPair::m2).toArray(),
                list.stream().mapToDouble(GaussianPair::v2).toArray())});
    }

    /** Named edge cases run before the generated ones: one-hot against uniform, equal, K = 2. */
    public static List<CategoricalPair> categoricalExamples() {
        return List.of(new CategoricalPair(new double[] {1, 0, 0}, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}),
            new CategoricalPair(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}),
            new CategoricalPair(new double[] {0.1, 0.3, 0.3, 0.3}, new double[] {0.2, 0.5, 0.1, 0.2}));
    }

    /** Named Gaussian edge cases: equal, standard against shifted, variance ratio 1 + 2^-40. */
    public static List<GaussianPair> gaussianExamples() {
        return List.of(new GaussianPair(0, 1, 0, 1, 1), new GaussianPair(0, 1, 1, 1, 2),
            new GaussianPair(3, 2, 3, 2 * (1 + 0x1.0p-40), 3), new GaussianPair(-1, 1e-6, 1, 1e6, 4));
    }
}
