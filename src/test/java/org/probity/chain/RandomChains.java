package org.probity.chain;

import org.apache.commons.rng.UniformRandomProvider;

/** Seeded random chains with exact zeros, for the example tests of this package (the engine's generators live in identities.gen). */
final class RandomChains {
    private RandomChains() {
    }

    static double[] vector(UniformRandomProvider rng, int k, double zeroRate) {
        double[] v = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            v[i] = rng.nextDouble() < zeroRate ? 0 : -Math.log(rng.nextDouble());
            s += v[i];
        }
        if (s == 0) {
            v[rng.nextInt(k)] = 1;
            s = 1;
        }
        for (int i = 0; i < k; i++) {
            v[i] /= s;
        }
        return v;
    }

    static double[][] matrix(UniformRandomProvider rng, int k, double zeroRate) {
        double[][] m = new double[k][];
        for (int i = 0; i < k; i++) {
            m[i] = vector(rng, k, zeroRate);
        }
        return m;
    }

    static FiniteChain chain(UniformRandomProvider rng, int k, int steps, double zeroRate) {
        double[][][] q = new double[steps][][];
        for (int t = 0; t < steps; t++) {
            q[t] = matrix(rng, k, zeroRate);
        }
        return FiniteChain.of(vector(rng, k, zeroRate), q);
    }

    static ReverseChain reverse(UniformRandomProvider rng, int k, int steps, double zeroRate) {
        double[][][] p = new double[steps][][];
        for (int t = 0; t < steps; t++) {
            p[t] = matrix(rng, k, zeroRate);
        }
        return ReverseChain.of(vector(rng, k, zeroRate), p);
    }
}
