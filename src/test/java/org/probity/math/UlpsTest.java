package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edge cases of {@link Ulps#distance}: zeros, subnormals, infinities, NaN, overflow of the count. */
class UlpsTest {
    @Test
    void adjacentDoublesAreOneApartInEveryBinade() {
        double[] xs = {1.0, 0.1, 1e-300, Double.MIN_NORMAL, 1e300, -2.5};
        for (double x : xs) {
            assertThat(Ulps.distance(x, Math.nextUp(x))).as("%s", x).isEqualTo(1);
            assertThat(Ulps.distance(Math.nextDown(x), x)).as("%s", x).isEqualTo(1);
        }
        assertThat(Ulps.distance(Double.MAX_VALUE, Double.POSITIVE_INFINITY)).isEqualTo(1);
    }

    @Test
    void zerosAndSubnormals() {
        assertThat(Ulps.distance(0.0, -0.0)).isZero();
        assertThat(Ulps.distance(-0.0, Double.MIN_VALUE)).isEqualTo(1);
        assertThat(Ulps.distance(-Double.MIN_VALUE, Double.MIN_VALUE)).isEqualTo(2);
        assertThat(Ulps.distance(0.0, Double.MIN_NORMAL)).isEqualTo(1L << 52);
    }

    @Test
    void isSymmetricAndCountsThroughZero() {
        assertThat(Ulps.distance(-1.0, 1.0)).isEqualTo(2 * Double.doubleToRawLongBits(1.0));
        assertThat(Ulps.distance(1.0, -1.0)).isEqualTo(Ulps.distance(-1.0, 1.0));
    }

    @Test
    void nanAndOverflowGiveLongMax() {
        assertThat(Ulps.distance(Double.NaN, 1.0)).isEqualTo(Long.MAX_VALUE);
        assertThat(Ulps.distance(1.0, Double.NaN)).isEqualTo(Long.MAX_VALUE);
        assertThat(Ulps.distance(Double.NaN, Double.NaN)).isEqualTo(Long.MAX_VALUE);
        assertThat(Ulps.distance(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isEqualTo(Long.MAX_VALUE);
        assertThat(Ulps.distance(-Double.MAX_VALUE, Double.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Ulps.distance(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isZero();
    }
}
