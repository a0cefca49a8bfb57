package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Special values and edge semantics of {@link LogSpace} (DESIGN.md: 0 log 0 = 0, logSumExp of -inf is -inf). */
class LogSpaceTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void log1mExp() {
        assertThat(LogSpace.log1mExp(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.log1mExp(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.log1mExp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(LogSpace.log1mExp(-800)).isEqualTo(-0.0);
        assertThat(LogSpace.log1mExp(-740)).isEqualTo(-Math.exp(-740));
        assertThat(LogSpace.log1mExp(1e-300)).isNaN();
        assertThat(LogSpace.log1mExp(Double.NaN)).isNaN();
        assertThat(LogSpace.log1mExp(-Math.log(2))).isEqualTo(-Math.log(2));
        // e^-745.1 = 2.55e-324 rounds to the smallest subnormal: log(1 - e^x) is minus it, not 0
        assertThat(LogSpace.log1mExp(-745.1)).isEqualTo(-Double.MIN_VALUE);
    }

    @Test
    void logSumExpOfTwo() {
        assertThat(LogSpace.logSumExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.logSumExp(Double.NEGATIVE_INFINITY, 3)).isEqualTo(3);
        assertThat(LogSpace.logSumExp(INF, 3)).isEqualTo(INF);
        assertThat(LogSpace.logSumExp(Double.NaN, 3)).isNaN();
        assertThat(LogSpace.logSumExp(3, Double.NaN)).isNaN();
        assertThat(LogSpace.logSumExp(INF, Double.NaN)).isNaN();
        assertThat(LogSpace.logSumExp(0, 0)).isEqualTo(Math.log(2));
        assertThat(LogSpace.logSumExp(1000, 0)).isEqualTo(1000);
        assertThat(LogSpace.logSumExp(-1e300, 5)).isEqualTo(5);
    }

    @Test
    void xlogyAndKlTerm() {
        assertThat(LogSpace.xlogy(0, 0)).isZero();
        assertThat(LogSpace.xlogy(0, INF)).isZero();
        assertThat(LogSpace.xlogy(2, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.xlogy(2, INF)).isEqualTo(INF);
        assertThat(LogSpace.xlogy(1, -1)).isNaN();
        assertThat(LogSpace.xlogy(Double.NaN, 1)).isNaN();
        assertThat(LogSpace.xlogy(3, 1)).isZero();
        assertThat(LogSpace.xlogy(1, Double.MIN_VALUE)).isEqualTo(Math.log(Double.MIN_VALUE));
        assertThat(LogSpace.klTerm(0, 0)).isZero();
        assertThat(LogSpace.klTerm(0, 0.5)).isZero();
        assertThat(LogSpace.klTerm(0.5, 0)).isEqualTo(INF);
        assertThat(LogSpace.klTerm(0.25, 0.25)).isZero();
        assertThat(LogSpace.klTerm(1, Double.MIN_VALUE)).isEqualTo(-Math.log(Double.MIN_VALUE));
        assertThat(LogSpace.klTerm(Double.MIN_VALUE, 1)).isEqualTo(Double.MIN_VALUE * Math.log(Double.MIN_VALUE));
    }

    /**
     * klTerm where x / y leaves the normal range (overflows, or falls below the smallest normal), with
     * mantissas that are not powers of two, so the scaled quotient and its fma remainder both count:
     * correctly rounded against x ln(x / y) in 64 digits.
     */
    @Test
    void klTermWhereTheQuotientLeavesTheNormalRange() {
        double[][] pairs = {{0.7, 3e-310}, {0.7, 3.3e-300}, {3e-310, 0.7}, {5e-320, 0.3}, {0.3, 5e-320}, {1.7e-200, 2.9e200},
            {2.9e200, 1.3e-200}, {3e-310, 7e-322}};
        for (double[] xy : pairs) {
            org.hipparchus.dfp.Dfp x = HighPrecision.of(xy[0]);
            org.hipparchus.dfp.Dfp ref = x.multiply(HighPrecision.log(x.divide(HighPrecision.of(xy[1]))));
            assertThat(HighPrecision.ulpError(LogSpace.klTerm(xy[0], xy[1]), ref)).as("klTerm(%s, %s)", xy[0], xy[1])
                .isLessThanOrEqualTo(0.6);
        }
    }

    @Test
    void log1pExpAndArrays() {
        assertThat(LogSpace.log1pExp(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(LogSpace.log1pExp(INF)).isEqualTo(INF);
        assertThat(LogSpace.logSumExp()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.logSumExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))
            .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.logSumExp(1.0, Double.NaN, 2.0)).isNaN();
    }
}
