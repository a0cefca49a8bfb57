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
