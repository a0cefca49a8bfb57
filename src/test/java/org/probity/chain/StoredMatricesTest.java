package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link TransitionSource#storedTransition}: the dynamic programs read the matrices a chain stores in
 * place, so they must never write them. Every routine runs on chains whose stored matrices are compared,
 * entry for entry, with copies taken before.
 */
class StoredMatricesTest {
    private static final long SEED = 1717L;

    /** Copies of every matrix of a source (through {@code transition}, which copies). */
    private static double[][][] snapshot(TransitionSource s) {
        double[][][] m = new double[s.steps()][][];
        for (int t = 1; t <= s.steps(); t++) {
            m[t - 1] = s.transition(t);
        }
        return m;
    }

    private static void assertUnchanged(TransitionSource s, double[][][] before) {
        for (int t = 1; t <= s.steps(); t++) {
            assertThat(s.storedTransition(t)).as("stored matrix %d", t).isDeepEqualTo(before[t - 1]);
        }
    }

    /** Every dynamic program of the package on q and p. */
    private static void runAll(FiniteChain q, ReverseChain p) {
        VariationalBound b = VariationalBound.of(q, p);
        b.vlbs();
        b.logLikelihoods();
        b.terms(0);
        b.crossEntropy();
        p.logLikelihoods();
        q.marginals();
        q.klDivergence(p.asChain());
        q.expectation(new PathFunctional() {
            @Override
            public double step(int t, int from, int to) {
                return from == to ? 1 : 0;
            }
        });
    }

    @Test
    void storedSourcesShareTheirMatricesAndEqualFill() {
        FiniteChain q = RandomChains.chain(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), 3, 2, 0.2);
        double[][] filled = new double[3][3];
        q.fill(2, filled);
        assertThat(q.storedTransition(2)).isDeepEqualTo(filled).isSameAs(q.storedTransition(2));
    }

    @Test
    void denseChainsAreNotWritten() {
        // K = 64: the parallel rows and (with jdk.incubator.vector) the SIMD kernel; zeros in both chains
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1);
        FiniteChain q = RandomChains.chain(rng, 64, 5, 0.2);
        ReverseChain p = RandomChains.reverse(rng, 64, 5, 0.0);
        double[][][] qBefore = snapshot(q);
        double[][][] pBefore = snapshot(p);
        runAll(q, p);
        assertUnchanged(q, qBefore);
        assertUnchanged(p, pBefore);
    }

    @Test
    void theLogRecomputationDoesNotWriteTheStoredReverse() {
        // uniform transitions with beta = 2e-295, 5e-29 from state 1: the true reverse p(x_1 = 0 | x_2 = 1)
        // underflows, so the bound recomputes that row from fillLog (into a buffer of its own)
        double b1 = 1.9571956640712625E-295;
        double b2 = 5.0487097934144756E-29;
        FiniteChain q = FiniteChain.of(new double[] {0, 1},
            new double[][] {{1 - b1 / 2, b1 / 2}, {b1 / 2, 1 - b1 / 2}},
            new double[][] {{1 - b2 / 2, b2 / 2}, {b2 / 2, 1 - b2 / 2}});
        ReverseChain p = ReverseChain.trueReverse(q);
        assertThat(p.transition(2)[1][0]).as("the reverse probability underflows").isZero();
        double[][][] qBefore = snapshot(q);
        double[][][] pBefore = snapshot(p);
        VariationalBound b = VariationalBound.of(q, p);
        assertThat(b.vlb(1)).as("the recomputed row is finite").isFinite();
        runAll(q, p);
        assertUnchanged(q, qBefore);
        assertUnchanged(p, pBefore);
    }
}
