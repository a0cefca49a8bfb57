package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

/**
 * The double-double operations on operands whose low parts are not zero, so that every correction
 * term counts: exact results where the sum or product is representable in 106 bits, otherwise the
 * relative error below \( 2^{-102} \) that the class states, against 64-digit {@link HighPrecision}.
 */
class DoubleDoubleArithmeticTest {
    private static final double TWO_TO_MINUS_102 = 0x1.0p-102;

    private static Dfp exact(DoubleDouble x) {
        return HighPrecision.of(x.hi()).add(HighPrecision.of(x.lo()));
    }

    private static double relativeError(DoubleDouble x, Dfp exact) {
        return exact(x).subtract(exact).divide(exact).abs().toDouble();
    }

    @Test
    void sumsAndDifferencesOfDoublesAreExact() {
        DoubleDouble s = DoubleDouble.sum(1, 1e-20);
        assertThat(s.hi()).isEqualTo(1.0);
        assertThat(s.lo()).isEqualTo(1e-20);
        assertThat(s.doubleValue()).isEqualTo(1.0);
        assertThat(DoubleDouble.sum(0x1.0p53, 1).lo()).isEqualTo(1.0);
        assertThat(DoubleDouble.sum(0x1.0p53, 1).doubleValue()).isEqualTo(0x1.0p53);
        assertThat(DoubleDouble.of(3, 0x1.0p-60).doubleValue()).isEqualTo(3.0);
        assertThat(DoubleDouble.of(1, 0x1.0p-52).doubleValue()).isEqualTo(Math.nextUp(1.0));
        assertThat(DoubleDouble.sum(1, 1e-20)).hasToString("1.0 + 1.0E-20");
    }

    @Test
    void addCarriesBothLowParts() {
        // (1 + 2^-60) + (1 + 2^-61) = 2 + 3 * 2^-61 exactly
        DoubleDouble x = DoubleDouble.of(1, 0x1.0p-60).add(DoubleDouble.of(1, 0x1.0p-61));
        assertThat(x.hi()).isEqualTo(2.0);
        assertThat(x.lo()).isEqualTo(3 * 0x1.0p-61);
        // (1 + 2^-60) - (1 - 2^-61) = 3 * 2^-61: the high parts cancel and the low parts are the answer
        DoubleDouble d = DoubleDouble.of(1, 0x1.0p-60).subtract(DoubleDouble.of(1, -0x1.0p-61));
        assertThat(d.hi()).isEqualTo(3 * 0x1.0p-61);
        assertThat(d.lo()).isZero();
        DoubleDouble e = DoubleDouble.of(1, 0x1.0p-60).subtract(1.0);
        assertThat(e.hi()).isEqualTo(0x1.0p-60);
    }

    @Test
    void negateNegatesBothParts() {
        DoubleDouble n = DoubleDouble.of(1, 0x1.0p-60).negate();
        assertThat(n.hi()).isEqualTo(-1.0);
        assertThat(n.lo()).isEqualTo(-0x1.0p-60);
    }

    @Test
    void productsKeepTheLowParts() {
        // (1 + 2^-60) * 3 = 3 + 3 * 2^-60
        DoubleDouble p = DoubleDouble.of(1, 0x1.0p-60).multiply(3.0);
        assertThat(p.hi()).isEqualTo(3.0);
        assertThat(p.lo()).isEqualTo(3 * 0x1.0p-60);
        // (1 + 2^-40)(1 + 2^-60) = 1 + 2^-40 + 2^-60 + 2^-100 exactly (106 bits hold it)
        DoubleDouble q = DoubleDouble.of(1 + 0x1.0p-40).multiply(DoubleDouble.of(1, 0x1.0p-60));
        assertThat(exact(q)).isEqualTo(HighPrecision.parse("1").add(HighPrecision.of(0x1.0p-40)).add(HighPrecision.of(0x1.0p-60))
            .add(HighPrecision.of(0x1.0p-100)));
        DoubleDouble third = DoubleDouble.ONE.divide(DoubleDouble.of(3));
        assertThat(relativeError(third.square(), HighPrecision.of(1).divide(9))).isLessThan(TWO_TO_MINUS_102);
    }

    @Test
    void squareRootsAreDoubleDoubleAccurate() {
        assertThat(relativeError(DoubleDouble.of(2).sqrt(), HighPrecision.of(2.0).sqrt())).isLessThan(TWO_TO_MINUS_102);
        assertThat(relativeError(DoubleDouble.of(1e-250).sqrt(), HighPrecision.of(1e-250).sqrt())).isLessThan(TWO_TO_MINUS_102);
        // the low part of the operand counts: sqrt(1 + 2^-60) = 1 + 2^-61 - 2^-123 + ...
        DoubleDouble r = DoubleDouble.of(1, 0x1.0p-60).sqrt();
        assertThat(r.hi()).isEqualTo(1.0);
        assertThat(r.lo()).isEqualTo(0x1.0p-61);
        assertThat(DoubleDouble.of(-4).sqrt().hi()).isNaN();
    }

    @Test
    void scalbIsExactOnBothParts() {
        DoubleDouble s = DoubleDouble.of(1, 0x1.0p-60).scalb(-3);
        assertThat(s.hi()).isEqualTo(0.125);
        assertThat(s.lo()).isEqualTo(0x1.0p-63);
    }

    @Test
    void logRoundsHiPlusLoOnceAtEveryScale() {
        // ln(2 + 2^-52): the low part adds one ulp of ln 2 (64-digit reference, rounded to nearest)
        DoubleDouble y = DoubleDouble.of(2, 0x1.0p-52);
        double ref = HighPrecision.toDouble(HighPrecision.log(HighPrecision.of(2.0).add(HighPrecision.of(0x1.0p-52))));
        assertThat(y.log()).isEqualTo(ref).isEqualTo(Math.nextUp(Constants.LN2));
        DoubleDouble z = DoubleDouble.of(0.5, -0x1.0p-55);
        assertThat(z.log()).isEqualTo(HighPrecision.toDouble(HighPrecision.log(HighPrecision.of(0.5).add(HighPrecision.of(-0x1.0p-55)))));
        assertThatThrownBy(() -> DoubleDouble.log(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("y: expected a positive finite number, got Infinity");
        assertThatThrownBy(() -> DoubleDouble.of(-1).log()).hasMessage("y: expected a positive finite number, got -1.0");
    }

    @Test
    void sinPiRefusesDenominatorsFrom2To61On() {
        assertThat(DoubleDouble.sinPi(1, (1L << 61) - 1).hi()).isPositive();
        assertThatThrownBy(() -> DoubleDouble.sinPi(1, 1L << 61)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("n/d: expected 0 <= n <= d and d > 0, got 1/2305843009213693952");
    }
}
