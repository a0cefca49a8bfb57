package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;
import org.probity.chain.VariationalBound;
import org.probity.math.Tolerance;

/**
 * Issue 11's D3PM false alarms where reverse probabilities fall below the double range: the true
 * reverse process of a schedule with tiny β keeps those entries in log space
 * ({@link ReverseChain#trueReverse}, {@code TransitionSource.fillLog}), so the bound stays tight.
 */
class D3pmUnderflowTest {
    /** Within 32 (T + 1) K^2 roundings, the rule of the catalog's tight-bound identity, at magnitude 1. */
    private static Tolerance rule(int k, int steps) {
        return Tolerance.absolute(32.0 * (steps + 1) * k * k * Tolerance.UNIT_ROUNDOFF).named("32 (T+1) K^2 roundings");
    }

    @Test
    void tightBoundWhenTheTrueReverseUnderflows() {
        // verify --seed 1 --tries 1000, shrunk: uniform, K = 2, T = 2; p(x_1 = 0 | x_2 = 1) is about 2.5e-324
        DiscreteDiffusion d = DiscreteDiffusion.uniform(2, new double[] {1.9571956640712625E-295, 5.0487097934144756E-29});
        double[] q0 = {0, 1};
        FiniteChain q = d.forwardChain(q0);
        ReverseChain p = ReverseChain.trueReverse(q);
        assertThat(p.transition(2)[1][0]).as("the probability itself underflows").isZero();
        VariationalBound b = d.bound(q0, D3pmReverseModel.of(d, p));
        Tolerance tol = rule(2, 2);
        assertThat(tol.accepts(0, b.elbo(1))).as("ELBO(1) = %s, log q(x_0) = 0", b.elbo(1)).isTrue();
        assertThat(tol.accepts(0, b.logLikelihood(1))).isTrue();
        assertThat(tol.accepts(b.totalVlb(), b.crossEntropy())).isTrue();
    }

    @Test
    void tinyBetasOfEveryFamilyKeepTheBoundTight() {
        // verify --seed 1 --tries 1000, first found: uniform, K = 5, T = 4, betas from 2e-303 to near 1
        double[] betas = {2.0133210055750075E-303, 7.417656101275255E-177, 0.9999982118606567, 2.2340137559800217E-12};
        for (DiscreteDiffusion.Family f : DiscreteDiffusion.Family.values()) {
            DiscreteDiffusion d = DiscreteDiffusion.create(f, 5, betas);
            double[] q0 = {0, 0, 1, 0, 0};
            ReverseChain p = ReverseChain.trueReverse(d.forwardChain(q0));
            VariationalBound b = d.bound(q0, D3pmReverseModel.of(d, p));
            assertThat(rule(5, 4).accepts(0, b.elbo(2))).as("%s: ELBO(2) = %s", f, b.elbo(2)).isTrue();
        }
    }
}
