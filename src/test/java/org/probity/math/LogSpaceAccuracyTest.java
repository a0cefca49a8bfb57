package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link LogSpace} against {@value HighPrecision#DIGITS}-digit references
 * ({@link HighPrecision}). Each dataset is drawn with a fixed seed across magnitudes (log-uniform
 * exponents), prints its max and RMS ulp error and asserts the budget stated on the dataset.
 */
class LogSpaceAccuracyTest {
    private static final long SEED = 20261124L;
    private static final int N = 600;

    /** Budgets of every log-space helper: max 1 ulp, RMS 0.5 ulp (measured RMS 0.18–0.34). */
    private static final double BUDGET = 1.0;
    private static final double BUDGET_RMS = 0.5;
    /**
     * Budgets of the helpers computed in double-double and rounded once (xlogy, klTerm, log1mExp,
     * logSumExp of two): max 0.6 ulp (measured 0.50–0.53), RMS 0.35 ulp (measured 0.28–0.30;
     * correct rounding of uniformly spread values gives 0.29).
     */
    private static final double ROUNDED_ONCE = 0.6;
    private static final double ROUNDED_ONCE_RMS = 0.35;

    private static UniformRandomProvider rng(int stream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {SEED, stream});
    }

    /** A positive number with a log-uniform binary exponent in [lo, hi). */
    static double magnitude(UniformRandomProvider r, int lo, int hi) {
        return Math.scalb(1 + r.nextDouble(), lo + r.nextInt(hi - lo));
    }

    private static String in(double... xs) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : ", ").append(xs[i]);
        }
        return b.append(')').toString();
    }

    private static Dfp log1mExpRef(double x) {
        // log(-expm1(x)) keeps digits for x near 0; log1p(-exp(x)) for x far below 0.
        Dfp dx = HighPrecision.of(x);
        return x > -0.5 ? HighPrecision.log(HighPrecision.expm1(dx).negate())
            : HighPrecision.log1p(HighPrecision.exp(dx).negate());
    }

    private static Dfp log1pExpRef(double x) {
        return HighPrecision.log1p(HighPrecision.exp(HighPrecision.of(x)));
    }

    @Test
    void log1mExpAcrossMagnitudes() {
        UniformRandomProvider r = rng(1);
        UlpStats s = UlpStats.of("log1mExp x in -[2^-60, 2^10)");
        for (int i = 0; i < N; i++) {
            double x = -magnitude(r, -60, 10);
            s.add(in(x), LogSpace.log1mExp(x), log1mExpRef(x));
        }
        s.assertWithin(ROUNDED_ONCE, ROUNDED_ONCE_RMS);
    }

    @Test
    void log1mExpNearTheBranchPoint() {
        UniformRandomProvider r = rng(2);
        UlpStats s = UlpStats.of("log1mExp x in [-ln2 - 0.1, -ln2 + 0.1]");
        for (int i = 0; i < N; i++) {
            double x = -Math.log(2) + 0.2 * (r.nextDouble() - 0.5);
            s.add(in(x), LogSpace.log1mExp(x), log1mExpRef(x));
        }
        s.assertWithin(ROUNDED_ONCE, ROUNDED_ONCE_RMS);
    }

    @Test
    void log1pExpAcrossMagnitudesAndSigns() {
        UniformRandomProvider r = rng(3);
        UlpStats s = UlpStats.of("log1pExp x in ±[2^-60, 2^9.5)");
        for (int i = 0; i < N; i++) {
            double x = magnitude(r, -60, 9) * (r.nextBoolean() ? 1 : -1);
            s.add(in(x), LogSpace.log1pExp(x), log1pExpRef(x));
        }
        UlpStats t = UlpStats.of("log1pExp x in [15, 40] (branch switches)");
        for (int i = 0; i < N; i++) {
            double x = 15 + 25 * r.nextDouble();
            t.add(in(x), LogSpace.log1pExp(x), log1pExpRef(x));
        }
        s.assertWithin(BUDGET, BUDGET_RMS);
        t.assertWithin(BUDGET, BUDGET_RMS);
    }

    /**
     * logSumExp is ill-conditioned where the result is near 0 and the terms are not (relative
     * condition \( \kappa = \sum_i \mathrm{softmax}_i |x_i| / |r| \)); the error is asserted in
     * units of \( \kappa \) ulps, i.e. as a backward error.
     */
    @Test
    void logSumExpOfTwo() {
        UniformRandomProvider r = rng(4);
        UlpStats s = UlpStats.of("logSumExp(a, b) / condition");
        UlpStats raw = UlpStats.of("logSumExp(a, b) raw");
        for (int i = 0; i < N; i++) {
            double a = magnitude(r, -20, 9) * (r.nextBoolean() ? 1 : -1);
            double b = a + magnitude(r, -40, 6) * (r.nextBoolean() ? 1 : -1);
            Dfp ea = HighPrecision.exp(HighPrecision.of(a));
            Dfp eb = HighPrecision.exp(HighPrecision.of(b));
            Dfp sum = ea.add(eb);
            Dfp ref = HighPrecision.log(sum);
            double kappa = ea.multiply(Math.abs(a)).add(eb.multiply(Math.abs(b))).divide(sum).toDouble()
                / Math.abs(HighPrecision.toDouble(ref));
            s.addConditioned(in(a, b), LogSpace.logSumExp(a, b), ref, kappa);
            raw.add(in(a, b), LogSpace.logSumExp(a, b), ref);
        }
        s.print();
        raw.assertWithin(ROUNDED_ONCE, ROUNDED_ONCE_RMS);
    }

    @Test
    void logSumExpOfArrays() {
        UniformRandomProvider r = rng(5);
        UlpStats s = UlpStats.of("logSumExp(x[2..64]), |x| in [2^-10, 2^9)");
        for (int i = 0; i < N / 3; i++) {
            double[] xs = new double[2 + r.nextInt(63)];
            Dfp sum = HighPrecision.of(0);
            for (int j = 0; j < xs.length; j++) {
                xs[j] = magnitude(r, -10, 9) * (r.nextBoolean() ? 1 : -1);
                sum = sum.add(HighPrecision.exp(HighPrecision.of(xs[j])));
            }
            s.add("array of " + xs.length, LogSpace.logSumExp(xs), HighPrecision.log(sum));
        }
        s.assertWithin(BUDGET, BUDGET_RMS);
    }

    @Test
    void xlogyAcrossMagnitudes() {
        UniformRandomProvider r = rng(6);
        UlpStats s = UlpStats.of("xlogy x in [2^-30, 2), y in [2^-1000, 2^1000)");
        UlpStats near = UlpStats.of("xlogy y in [1 - 2^-10, 1 + 2^-10]");
        for (int i = 0; i < N; i++) {
            double x = magnitude(r, -30, 1);
            double y = magnitude(r, -1000, 1000);
            s.add(in(x, y), LogSpace.xlogy(x, y), HighPrecision.of(x).multiply(HighPrecision.log(HighPrecision.of(y))));
            double z = 1 + 0x1.0p-10 * (2 * r.nextDouble() - 1);
            near.add(in(x, z), LogSpace.xlogy(x, z), HighPrecision.of(x).multiply(HighPrecision.log(HighPrecision.of(z))));
        }
        s.assertWithin(ROUNDED_ONCE, ROUNDED_ONCE_RMS);
        near.assertWithin(ROUNDED_ONCE, ROUNDED_ONCE_RMS);
    }

    @Test
    void klTermAcrossRatios() {
        UniformRandomProvider r = rng(7);
        UlpStats far = UlpStats.of("klTerm x, y in [2^-60, 1)");
        UlpStats near = UlpStats.of("klTerm y = x (1 + d), |d| in [2^-50, 2^-1)");
        for (int i = 0; i < N; i++) {
            double x = magnitude(r, -60, 0);
            double y = magnitude(r, -60, 0);
            far.add(in(x, y), LogSpace.klTerm(x, y), klRef(x, y));
            double y2 = x * (1 + magnitude(r, -50, -1) * (r.nextBoolean() ? 1 : -1));
            near.add(in(x, y2), LogSpace.klTerm(x, y2), klRef(x, y2));
        }
        far.assertWithin(ROUNDED_ONCE, ROUNDED_ONCE_RMS);
        near.assertWithin(ROUNDED_ONCE, ROUNDED_ONCE_RMS);
    }

    private static Dfp klRef(double x, double y) {
        Dfp dx = HighPrecision.of(x);
        return dx.multiply(HighPrecision.log(dx.divide(HighPrecision.of(y))));
    }

    /** DoubleDouble.log is double-double: hi + lo within 1e-28 relative of ln y (measured max printed). */
    @Test
    void doubleDoubleLogIsDoubleDouble() {
        UniformRandomProvider r = rng(8);
        double worst = 0;
        for (int i = 0; i < N; i++) {
            double y = i % 2 == 0 ? magnitude(r, -1074, 1023) : 1 + (r.nextDouble() - 0.5) * 0x1.0p-20;
            if (y == 1) {
                continue;
            }
            DoubleDouble l = DoubleDouble.log(y);
            Dfp ref = HighPrecision.log(HighPrecision.of(y));
            double rel = HighPrecision.of(l.hi()).add(HighPrecision.of(l.lo())).subtract(ref).divide(ref).abs().toDouble();
            worst = Math.max(worst, rel);
            assertThat(rel).as("DoubleDouble.log(%s) = %s + %s: %s", y, l.hi(), l.lo(), rel).isLessThan(1e-28);
            assertThat(l.hi()).as("hi is the rounded log").isEqualTo(LogSpace.xlogy(1, y));
        }
        System.out.println("[accuracy] DoubleDouble.log: max relative error " + worst);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DoubleDouble.log(0.0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("y: expected a positive finite number, got 0.0");
    }

    @Test
    void printsTheSeed() {
        System.out.println(String.format(Locale.ROOT, "[accuracy] LogSpaceAccuracyTest seed %d", SEED));
    }
}
