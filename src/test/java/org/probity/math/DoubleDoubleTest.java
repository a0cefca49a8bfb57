package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;

/** The double-double arithmetic: exactness where it is exact, and sinPi against 64-digit Dfp. */
class DoubleDoubleTest {
    private static final long SEED = 20261124L;

    private static double relativeError(DoubleDouble x, Dfp exact) {
        Dfp v = HighPrecision.of(x.hi()).add(HighPrecision.of(x.lo()));
        return exact.isZero() ? v.abs().toDouble() : v.subtract(exact).divide(exact).abs().toDouble();
    }

    @Test
    void sinPiOfExactRationalsKeepsRelativeAccuracyNearZeroAndPi() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        Dfp pi = HighPrecision.field().getPi();
        double worst = 0;
        for (int i = 0; i < 2000; i++) {
            long d = 1 + r.nextLong(1L << (1 + r.nextInt(40)));
            // half the cases near the ends, where sin is near 0 and a rounded angle would cancel
            long n = i % 2 == 0 ? r.nextLong(d + 1) : (i % 4 == 1 ? r.nextLong(Math.min(d, 50) + 1) : d - r.nextLong(Math.min(d, 50) + 1));
            DoubleDouble s = DoubleDouble.sinPi(n, d);
            Dfp exact = DfpMath.sin(pi.multiply(HighPrecision.of(n)).divide(HighPrecision.of(d)));
            double e = n == 0 || n == d ? Math.abs(s.hi()) + Math.abs(s.lo()) : relativeError(s, exact);
            worst = Math.max(worst, e);
            assertThat(e).as("sinPi(%d, %d) = %s", n, d, s).isLessThan(1e-30);
        }
        System.out.println("[accuracy] DoubleDouble.sinPi: max relative error " + worst);
        assertThat(DoubleDouble.sinPi(1, 2).hi()).isEqualTo(1.0);
        assertThat(DoubleDouble.sinPi(1, 6).hi()).isEqualTo(0.5);
        assertThat(DoubleDouble.sinPi(0, 7).hi()).isZero();
        assertThat(DoubleDouble.sinPi(7, 7).hi()).isZero();
    }

    @Test
    void sinPiRejectsArgumentsOutsideItsDomain() {
        assertThatThrownBy(() -> DoubleDouble.sinPi(3, 2)).hasMessage("n/d: expected 0 <= n <= d and d > 0, got 3/2");
        assertThatThrownBy(() -> DoubleDouble.sinPi(-1, 2)).hasMessage("n/d: expected 0 <= n <= d and d > 0, got -1/2");
        assertThatThrownBy(() -> DoubleDouble.sinPi(0, 0)).hasMessage("n/d: expected 0 <= n <= d and d > 0, got 0/0");
    }

    @Test
    void arithmeticIsExactWhereItMustBe() {
        assertThat(DoubleDouble.of(Long.MAX_VALUE - 1).hi() + DoubleDouble.of(Long.MAX_VALUE - 1).lo()).isEqualTo(9.223372036854776E18);
        DoubleDouble big = DoubleDouble.of((1L << 60) + 3);
        assertThat((long) big.hi() + (long) big.lo()).isEqualTo((1L << 60) + 3);
        DoubleDouble d = DoubleDouble.difference(1, 1e-20);
        assertThat(d.hi()).isEqualTo(1.0);
        assertThat(d.lo()).isEqualTo(-1e-20);
        // fma products stay exact near the ends of the range, where Dekker splitting overflows or underflows
        DoubleDouble q = DoubleDouble.of(3e300).divide(DoubleDouble.of(0.7));
        assertThat(relativeError(q, HighPrecision.of(3e300).divide(HighPrecision.of(0.7)))).isLessThan(1e-31);
        DoubleDouble tiny = DoubleDouble.of(2e-308).divide(DoubleDouble.of(3e-308));
        assertThat(tiny.hi()).isEqualTo(2e-308 / 3e-308);
        assertThat(DoubleDouble.of(2).sqrt().multiply(DoubleDouble.of(2).sqrt()).subtract(2).hi()).isLessThan(1e-30);
        assertThat(DoubleDouble.ZERO.sqrt().hi()).isZero();
    }

    @Test
    void logsOfDoubleDoublesAreRoundedOnce() {
        // ln(1 + 2^-60): the low part carries the whole answer
        DoubleDouble x = DoubleDouble.of(1, 0x1.0p-60);
        assertThat(x.log()).isEqualTo(0x1.0p-60);
        assertThat(DoubleDouble.of(0.75).log1m()).isEqualTo(Math.log(0.25));
        assertThat(DoubleDouble.of(1).log(-1074)).isEqualTo(-1074 * Constants.LN2, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> DoubleDouble.ZERO.log()).hasMessage("y: expected a positive finite number, got 0.0");
    }
}
