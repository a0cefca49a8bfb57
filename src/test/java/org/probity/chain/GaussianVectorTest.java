package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link GaussianVector} on a 2 x 2 covariance whose inverse, determinant and Schur complement are known
 * in closed form: \( \Sigma = [[2, 1], [1, 2]] \), \( \det\Sigma = 3 \), \( \Sigma^{-1} = \tfrac13 [[2, -1], [-1, 2]] \).
 * The allowance is 16 roundings of the largest term (a 2 x 2 Cholesky and a handful of sums).
 */
class GaussianVectorTest {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final Offset<Double> CLOSE = Offset.offset(16 * 0x1.0p-53 * 4);
    private static final GaussianVector S = GaussianVector.of(new double[] {1, -1}, new double[][] {{2, 1}, {1, 2}});

    @Test
    void densityFromTheInverseAndDeterminant() {
        // x - m = (1, 1): quadratic form 1/3 (2 - 1 - 1 + 2) = 2/3
        assertThat(S.logDensity(2, 0)).isCloseTo(-0.5 * (2 * LOG_2PI + Math.log(3) + 2.0 / 3), CLOSE);
        // x - m = (1, -1): quadratic form 1/3 (2 + 1 + 1 + 2) = 2
        assertThat(S.logDensity(2, -2)).isCloseTo(-0.5 * (2 * LOG_2PI + Math.log(3) + 2), CLOSE);
        // a diagonal covariance: the sum of the one-dimensional densities
        GaussianVector d = GaussianVector.of(new double[] {1, -2}, new double[][] {{4, 0}, {0, 0.25}});
        double one = -0.5 * (LOG_2PI + Math.log(4) + 0.25);
        double two = -0.5 * (LOG_2PI + Math.log(0.25) + 16);
        assertThat(d.logDensity(0, 0)).isCloseTo(one + two, CLOSE);
    }

    @Test
    void klDivergenceFromTheClosedForm() {
        GaussianVector standard = GaussianVector.of(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        GaussianVector q = GaussianVector.of(new double[] {1, 1}, new double[][] {{2, 1}, {1, 2}});
        // 1/2 (tr(S2^-1 S1) + d' S2^-1 d - n + ln(det S2 / det S1)) = 1/2 (4/3 + 2/3 - 2 + ln 3) = ln(3)/2
        assertThat(standard.klDivergence(q)).isCloseTo(0.5 * Math.log(3), CLOSE);
        // the other way: 1/2 (tr(S) + |d|^2 - 2 - ln 3) = 1/2 (4 + 2 - 2 - ln 3)
        assertThat(q.klDivergence(standard)).isCloseTo(0.5 * (4 - Math.log(3)), CLOSE);
        assertThat(q.klDivergence(q)).isNotNegative().isCloseTo(0, CLOSE);
        // a mean shift alone: half the Mahalanobis distance, here (1, -1) S^-1 (1, -1)' / 2 = 1
        GaussianVector shifted = GaussianVector.of(new double[] {2, -2}, new double[][] {{2, 1}, {1, 2}});
        assertThat(S.klDivergence(shifted)).isCloseTo(1.0, CLOSE);
    }

    @Test
    void conditionalIsTheSchurComplementAndMarginalPicksEntries() {
        // x_0 | x_1 = v: mean 1 + (1/2)(v + 1), variance 2 - 1/2
        GaussianVector c = S.conditional(new int[] {0}, new int[] {1}, new double[] {3});
        assertThat(c.mean()[0]).isCloseTo(3.0, CLOSE);
        assertThat(c.covariance()[0][0]).isCloseTo(1.5, CLOSE);
        GaussianVector none = S.conditional(new int[] {1, 0}, new int[0], new double[0]);
        assertThat(none.mean()).containsExactly(-1, 1);
        assertThat(S.marginal(1).covariance()).isDeepEqualTo(new double[][] {{2}});
        assertThat(S.marginal(1, 0).covariance()).isDeepEqualTo(new double[][] {{2, 1}, {1, 2}});
        assertThat(S.dimension()).isEqualTo(2);
    }

    @Test
    void theCovarianceIsSymmetrisedAndCopied() {
        GaussianVector g = GaussianVector.of(new double[] {0, 0}, new double[][] {{1, 0.2}, {0.4, 1}});
        assertThat(g.covariance()[0][1]).isEqualTo(0.5 * (0.2 + 0.4));
        assertThat(g.covariance()[1][0]).isEqualTo(0.5 * (0.2 + 0.4));
        double[][] c = g.covariance();
        c[0][0] = 9;
        double[] m = g.mean();
        m[0] = 9;
        assertThat(g.covariance()[0][0]).isEqualTo(1.0);
        assertThat(g.mean()[0]).isZero();
        assertThat(g).hasToString("GaussianVector[mean=[0.0, 0.0], covariance=[[1.0, 0.30000000000000004], [0.30000000000000004, 1.0]]]");
    }

    @Test
    void badShapesAndMatricesAreNamed() {
        refuses(() -> GaussianVector.of(new double[] {0, 0}, new double[][] {{1, 0}}),
            "covariance: expected a 2 x 2 matrix, got 1 rows");
        refuses(() -> GaussianVector.of(new double[] {0, 0}, new double[][] {{1, 0}, {0}}),
            "covariance: expected a 2 x 2 matrix, got row 1 of length 1");
        refuses(() -> GaussianVector.of(new double[] {0, Double.NaN}, new double[][] {{1, 0}, {0, 1}}),
            "mean: expected finite entries, got NaN at index 1");
        refuses(() -> GaussianVector.of(new double[] {0, 0}, new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}}),
            "covariance: expected finite entries, got Infinity at (0, 1)");
        refuses(() -> S.logDensity(1), "x: expected dimension 2, got 1");
        refuses(() -> S.klDivergence(S.marginal(0)), "q: expected dimension 2, got 1");
        refuses(() -> S.conditional(new int[] {0}, new int[] {1}, new double[0]), "values: expected dimension 1, got 0");
        GaussianVector singular = GaussianVector.of(new double[] {0, 0}, new double[][] {{1, 1}, {1, 1}});
        refuses(() -> singular.logDensity(0, 0),
            "covariance: expected a positive-definite matrix (density), got [[1.0, 1.0], [1.0, 1.0]]");
        refuses(() -> S.klDivergence(singular),
            "covariance: expected a positive-definite matrix (second argument), got [[1.0, 1.0], [1.0, 1.0]]");
        refuses(() -> singular.klDivergence(S),
            "covariance: expected a positive-definite matrix (first argument), got [[1.0, 1.0], [1.0, 1.0]]");
    }

    private static void refuses(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
