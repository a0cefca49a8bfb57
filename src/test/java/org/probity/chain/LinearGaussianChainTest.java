package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.math.Tolerance;

/** Closed forms of the linear-Gaussian chain against independent routes through the full joint. */
class LinearGaussianChainTest {
    // A handful of roundings through a 5 x 5 Cholesky of a well-conditioned matrix (kappa < 100).
    private static final Tolerance LINALG = Tolerance.conditioned(64, 100).named("Cholesky of a 5x5 joint, kappa < 100");
    private static final LinearGaussianChain CHAIN = LinearGaussianChain.of(0.3, 0.5,
        new double[] {0.9, -0.7, 1.2, 0.5}, new double[] {0.1, 0.0, -0.4, 0.2}, new double[] {0.2, 0.3, 0.05, 1.0});

    private static void close(double expected, double actual) {
        ProbityAssertions.assertThat(actual).isCloseTo(expected, LINALG);
    }

    @Test
    void marginalsAndCovariancesByRecurrence() {
        assertThat(CHAIN.mean(1)).isEqualTo(0.9 * 0.3 + 0.1);
        assertThat(CHAIN.variance(1)).isEqualTo(0.81 * 0.5 + 0.2);
        assertThat(CHAIN.covariance(1, 3)).isEqualTo(CHAIN.variance(1) * -0.7 * 1.2);
        assertThat(CHAIN.covariance(3, 1)).isEqualTo(CHAIN.covariance(1, 3));
        GaussianVector p = CHAIN.pairwise(0, 4);
        assertThat(p.covariance()[0][1]).isEqualTo(CHAIN.covariance(0, 4));
    }

    @Test
    void backwardKernelByBayesEqualsSchurConditional() {
        for (int t = 1; t <= 4; t++) {
            double[] k = CHAIN.backwardKernel(t);
            double xt = 0.7 - t;
            GaussianVector c = CHAIN.pairwise(t - 1, t).conditional(new int[] {0}, new int[] {1}, new double[] {xt});
            close(c.mean()[0], k[0] * xt + k[1]);
            close(c.covariance()[0][0], k[2]);
        }
    }

    @Test
    void markovPropertyOfTheJoint() {
        // x_1 | (x_0, x_2, x_3, x_4) depends on x_0 and x_2 only.
        GaussianVector a = CHAIN.conditional(new int[] {1}, new int[] {0, 2, 3, 4}, new double[] {0.1, -0.3, 2, 5});
        GaussianVector b = CHAIN.conditional(new int[] {1}, new int[] {0, 2}, new double[] {0.1, -0.3});
        close(b.mean()[0], a.mean()[0]);
        close(b.covariance()[0][0], a.covariance()[0][0]);
    }

    @Test
    void factorisedDensityEqualsJointDensity() {
        double[] path = {0.2, -0.1, 0.4, 0.3, -1.0};
        close(CHAIN.joint().logDensity(path), CHAIN.logDensity(path));
    }

    @Test
    void quadraticExpectationEqualsJointMoments() {
        StepQuadratic[] q = new StepQuadratic[4];
        double expected = 0;
        GaussianVector j = CHAIN.joint();
        double[] m = j.mean();
        double[][] c = j.covariance();
        for (int t = 1; t <= 4; t++) {
            q[t - 1] = new StepQuadratic(0.5 * t, -1.5, 0.25, 2, -t, 0.1);
            int s = t - 1;
            expected += 0.5 * t * (c[s][s] + m[s] * m[s]) - 1.5 * (c[s][t] + m[s] * m[t]) + 0.25 * (c[t][t] + m[t] * m[t])
                + 2 * m[s] - t * m[t] + 0.1;
        }
        close(expected, CHAIN.expectation(q));
    }

    @Test
    void klOfIdenticalIsZeroAndOfShiftedIsHalfMahalanobis() {
        GaussianVector a = GaussianVector.of(new double[] {0, 0}, new double[][] {{2, 0}, {0, 2}});
        GaussianVector b = GaussianVector.of(new double[] {1, 1}, new double[][] {{2, 0}, {0, 2}});
        assertThat(a.klDivergence(a)).isZero();
        close(0.5, a.klDivergence(b));
    }

    @Test
    void validationNamesTheArgument() {
        assertThatThrownBy(() -> LinearGaussianChain.of(0, -1, new double[0], new double[0], new double[0]))
            .hasMessage("initialVariance: expected a finite variance >= 0, got -1.0");
        assertThatThrownBy(() -> LinearGaussianChain.of(0, 1, new double[] {1}, new double[] {0}, new double[] {Double.NaN}))
            .hasMessage("noiseVariances[0]: expected a finite number, got NaN >= 0");
        assertThatThrownBy(() -> LinearGaussianChain.of(0, 1, new double[] {1}, new double[0], new double[] {1}))
            .hasMessage("offsets: expected 1 entries (one per step), got 0");
        assertThatThrownBy(() -> LinearGaussianChain.of(0, 0, new double[] {1}, new double[] {0}, new double[] {0}).backwardKernel(1))
            .hasMessage("t: the backward kernel at step 1 conditions on x_1, whose variance is 0");
        assertThatThrownBy(() -> CHAIN.mean(5)).hasMessage("t: expected a timestep in 0..4, got 5");
    }
}
