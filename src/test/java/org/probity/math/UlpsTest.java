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
        // a negative number and zero: no overflow, the steps from the number down to zero
        assertThat(Ulps.distance(-1.0, 0.0)).isEqualTo(Double.doubleToRawLongBits(1.0));
        assertThat(Ulps.distance(0.0, -1.0)).isEqualTo(Double.doubleToRawLongBits(1.0));
    }

    @Test
    void stepIsTheInverseOfDistanceAndSaturatesAtTheInfinities() {
        assertThat(Ulps.step(1.0, 1)).isEqualTo(Math.nextUp(1.0));
        assertThat(Ulps.step(1.0, -3)).isEqualTo(Math.nextDown(Math.nextDown(Math.nextDown(1.0))));
        assertThat(Ulps.step(-Double.MIN_VALUE, 2)).isEqualTo(Double.MIN_VALUE);
        assertThat(Ulps.distance(-1.5, Ulps.step(-1.5, 1L << 60))).isEqualTo(1L << 60);
        // the point zero is returned as +0.0, never -0.0
        assertThat(Double.doubleToRawLongBits(Ulps.step(-Double.MIN_VALUE, 1))).isZero();
        assertThat(Double.doubleToRawLongBits(Ulps.step(Double.MIN_VALUE, -1))).isZero();
        assertThat(Ulps.step(Double.MAX_VALUE, 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Ulps.step(Double.MAX_VALUE, 5)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Ulps.step(-Double.MAX_VALUE, -5)).isEqualTo(Double.NEGATIVE_INFINITY);
        // the count itself would overflow a long: still the infinities
        assertThat(Ulps.step(Double.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Ulps.step(-Double.MAX_VALUE, Long.MIN_VALUE)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Ulps.step(Double.NaN, 1)).isNaN();
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
