package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.probity.math.Tolerance;

/**
 * The chain package's supporting pieces against facts that do not depend on their code: the stochastic
 * checks accept exactly the sums their named rule accepts (both forms agree at the edge of the rule),
 * propagation is the vector-matrix product (exact where the products are), the diagonal chain is
 * independent components (its density and expectations are the sums over dimensions), the condition
 * number bound is an upper bound of the joint covariance's condition number (eigenvalues by Hipparchus),
 * and the magnitude of a quadratic expectation bounds it.
 */
class ChainSupportTest {
    private static final double U = Tolerance.UNIT_ROUNDOFF;

    @Test
    void bothProbabilityChecksAcceptExactlyTheSumsOfTheirRule() {
        // K = 4: the rule allows 8 * 4 roundings of u around 1
        double edge = 1 + 32 * U;
        double[] atEdge = {0.25, 0.25, 0.25, edge - 0.75};
        assertThat(atEdge[0] + atEdge[1] + atEdge[2] + atEdge[3]).isEqualTo(edge);
        assertThat(Stochastic.isProbabilityVector(atEdge, 4)).isTrue();
        assertThat(Stochastic.probabilityVector("p", atEdge, 4)).containsExactly(atEdge);
        double[] beyond = {0.25, 0.25, 0.25, 0.25 + 34 * U};
        assertThat(Stochastic.isProbabilityVector(beyond, 4)).isFalse();
        assertThatThrownBy(() -> Stochastic.probabilityVector("p", beyond, 4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("p: expected entries summing to 1 within ");
        double[] below = {0.25, 0.25, 0.25, 0.25 - 34 * U};
        assertThat(Stochastic.isProbabilityVector(below, 4)).isFalse();
        // entries outside [0, 1], wrong length, null
        assertThat(Stochastic.isProbabilityVector(new double[] {1.5, -0.5}, 2)).isFalse();
        assertThat(Stochastic.isProbabilityVector(new double[] {-0.0, 1}, 2)).isTrue();
        assertThat(Stochastic.isProbabilityVector(new double[] {Double.NaN, 1}, 2)).isFalse();
        assertThat(Stochastic.isProbabilityVector(new double[] {1}, 2)).isFalse();
        assertThat(Stochastic.isProbabilityVector(null, 1)).isFalse();
        assertThatThrownBy(() -> Stochastic.probabilityVector("p", new double[] {1.5, -0.5}, 2))
            .hasMessage("p[0]: expected a probability in [0, 1], got 1.5");
        assertThatThrownBy(() -> Stochastic.probabilityVector("p", new double[] {0.5, -0.5}, 2))
            .hasMessage("p[1]: expected a probability in [0, 1], got -0.5");
        assertThatThrownBy(() -> Stochastic.probabilityVector("p", new double[] {1}, 2)).hasMessage("p: expected 2 entries, got 1");
        assertThatThrownBy(() -> Stochastic.probabilityVector("p", null, 2)).hasMessage("p: expected an array, got null");
        assertThat(Stochastic.index("t", 3, 0, 3)).isEqualTo(3);
        assertThat(Stochastic.index("t", 0, 0, 3)).isZero();
        assertThatThrownBy(() -> Stochastic.index("t", 4, 0, 3)).hasMessage("t: expected an integer in [0, 3], got 4");
        assertThatThrownBy(() -> Stochastic.index("t", -1, 0, 3)).hasMessage("t: expected an integer in [0, 3], got -1");
    }

    @Test
    void propagationIsTheVectorMatrixProductWithTheRoundingsRecovered() {
        double[] m = {0.5, 0.25, 0.25};
        double[][] q = {{0.5, 0.5, 0}, {0, 0.75, 0.25}, {1, 0, 0}};
        double[] out = new double[3];
        Stochastic.propagate(m, q, out, new double[3]);
        // dyadic entries: every product and sum is exact
        assertThat(out).containsExactly(0.5, 0.4375, 0.0625);
        // 0.5 + 2^-54 + 2^-54 = 0.5 + 2^-53 exactly; added one by one each 2^-54 is a tie that rounds back to 0.5
        double[] w = {0.5, 0x1.0p-54, 0x1.0p-54};
        double[][] first = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}};
        double[] o = new double[3];
        Stochastic.propagate(w, first, o, new double[3]);
        assertThat(o[0]).isEqualTo(0.5 + 0x1.0p-53);
        assertThat(o[1]).isZero();
    }

    private static final LinearGaussianChain A = LinearGaussianChain.of(0.3, 0.5, new double[] {0.9, -0.7, 1.2},
        new double[] {0.1, 0.0, -0.4}, new double[] {0.2, 0.3, 0.05});
    private static final LinearGaussianChain B = LinearGaussianChain.of(-1, 2, new double[] {0.5, 0.5, 2},
        new double[] {1, 1, 0}, new double[] {1, 0.5, 0.25});

    @Test
    void aDiagonalChainIsIndependentComponents() {
        DiagonalLinearGaussianChain d = DiagonalLinearGaussianChain.of(List.of(A, B));
        assertThat(d.dimension()).isEqualTo(2);
        assertThat(d.steps()).isEqualTo(3);
        assertThat(d.component(1)).isSameAs(B);
        for (int t = 0; t <= 3; t++) {
            assertThat(d.mean(t)).containsExactly(A.mean(t), B.mean(t));
            assertThat(d.variance(t)).containsExactly(A.variance(t), B.variance(t));
        }
        double[][] path = {{0.2, -1}, {0.1, 0.5}, {-0.3, 1.5}, {0.4, 2}};
        double sum = A.logDensity(0.2, 0.1, -0.3, 0.4) + B.logDensity(-1, 0.5, 1.5, 2);
        assertThat(d.logDensity(path)).isCloseTo(sum, org.assertj.core.data.Offset.offset(8 * U * Math.abs(sum)));
        StepQuadratic[] q = {StepQuadratic.logNormalStep(0.9, 0.1, 0.2), null, new StepQuadratic(1, 2, 3, 4, 5, 6)};
        double e = A.expectation(q) + B.expectation(q);
        assertThat(d.expectation(q)).isCloseTo(e, org.assertj.core.data.Offset.offset(8 * U * Math.abs(e)));
        assertThat(d).hasToString("DiagonalLinearGaussianChain[D=2, T=3]");
        DiagonalLinearGaussianChain s = DiagonalLinearGaussianChain.shared(new double[] {0.3, -1}, new double[] {0.5, 2},
            new double[] {0.9, -0.7, 1.2}, new double[] {0.1, 0.0, -0.4}, new double[] {0.2, 0.3, 0.05});
        assertThat(s.mean(3)).containsExactly(A.mean(3), LinearGaussianChain.of(-1, 2, new double[] {0.9, -0.7, 1.2},
            new double[] {0.1, 0.0, -0.4}, new double[] {0.2, 0.3, 0.05}).mean(3));
    }

    @Test
    void aDiagonalChainRefusesMismatchedShapes() {
        LinearGaussianChain two = LinearGaussianChain.of(0, 1, new double[] {1, 1}, new double[] {0, 0}, new double[] {1, 1});
        assertThatThrownBy(() -> DiagonalLinearGaussianChain.of(List.of())).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("dimensions: expected at least one chain, got 0");
        assertThatThrownBy(() -> DiagonalLinearGaussianChain.of(List.of(A, two)))
            .hasMessage("dimensions[1]: expected 3 steps like dimension 0, got 2");
        assertThatThrownBy(() -> DiagonalLinearGaussianChain.shared(new double[] {0, 1}, new double[] {1}, new double[] {1},
            new double[] {0}, new double[] {1})).hasMessage("initialVariances: expected 2 entries (one per dimension), got 1");
        DiagonalLinearGaussianChain d = DiagonalLinearGaussianChain.of(List.of(A, B));
        assertThatThrownBy(() -> d.logDensity(new double[3][2])).hasMessage("path: expected 4 entries (one per dimension), got 3");
        assertThatThrownBy(() -> d.logDensity(new double[][] {{0, 0}, {0, 0}, {0}, {0, 0}}))
            .hasMessage("path[2]: expected 2 entries (one per dimension), got 1");
    }

    /** The bound against the exact condition number of the joint covariance (Hipparchus eigenvalues). */
    @Test
    void conditionNumberBoundBoundsTheJointsConditionNumber() {
        for (LinearGaussianChain c : new LinearGaussianChain[] {A, B,
            LinearGaussianChain.of(0, 1, new double[] {1}, new double[] {0}, new double[] {1}),
            LinearGaussianChain.of(2, 1e-3, new double[] {3, -0.1}, new double[] {0, 1}, new double[] {4, 1e-2})}) {
            double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(c.joint().covariance())).getEigenvalues();
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double e : ev) {
                max = Math.max(max, e);
                min = Math.min(min, e);
            }
            double kappa = max / min;
            assertThat(c.conditionNumberBound()).as("%s", c).isGreaterThanOrEqualTo(kappa * (1 - 1e-12));
        }
        // x1 = x0 + e, P0 = v = 1: precision [[2, -1], [-1, 1]], Gershgorin max 3; trace of [[1, 1], [1, 2]] is 3
        assertThat(LinearGaussianChain.of(0, 1, new double[] {1}, new double[] {0}, new double[] {1}).conditionNumberBound())
            .isEqualTo(9.0);
    }

    @Test
    void theMagnitudeOfAQuadraticExpectationBoundsIt() {
        StepQuadratic[] q = {new StepQuadratic(1, -2, 3, -4, 5, -6), null, new StepQuadratic(-0.5, 0.25, 1, 0, -1, 2)};
        double e = A.expectation(q);
        double mag = A.expectationMagnitude(q);
        assertThat(mag).isGreaterThanOrEqualTo(Math.abs(e));
        // with every summand non-negative the magnitude is the expectation
        StepQuadratic[] pos = {new StepQuadratic(1, 0, 1, 0, 0, 1), new StepQuadratic(2, 0, 0, 0, 0, 0), null};
        assertThat(A.expectationMagnitude(pos)).isCloseTo(A.expectation(pos), org.assertj.core.data.Offset.offset(8 * U * 10));
        // E[x_{t-1} x_t] = a_t P_{t-1} + m_{t-1} m_t: xy alone at t = 1
        StepQuadratic[] xy = {new StepQuadratic(0, 1, 0, 0, 0, 0), null, null};
        assertThat(A.expectation(xy)).isEqualTo(0.9 * 0.5 + 0.3 * A.mean(1));
        assertThat(A.expectationMagnitude(xy)).isEqualTo(Math.abs(0.9 * 0.5 + 0.3 * A.mean(1)));
        assertThatThrownBy(() -> A.expectationMagnitude(new StepQuadratic[2])).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("perStep");
    }
}
