package org.probity.math;

import java.math.BigDecimal;
import java.util.Locale;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

/**
 * Reference arithmetic with {@value #DIGITS} significant decimal digits (Hipparchus {@link Dfp}),
 * used to compute the expected values that double-precision code is measured against.
 *
 * <p>Conversions: {@link #of(double)} is exact for every finite double except subnormals and
 * magnitudes beyond \( 10^{\pm 60} \), which keep {@value #DIGITS} significant digits;
 * {@link #toDouble(Dfp)} rounds correctly to nearest (through {@link BigDecimal#doubleValue()}).
 * Elementary functions ({@link #exp}, {@link #log}) are Hipparchus' {@link DfpMath} routines, whose
 * error is a few units of the last Dfp digit; {@link #expm1}, {@link #log1p}, {@link #erfc} and
 * {@link #logErfc} are written here with series and continued fractions that keep the relative
 * error below \( 10^{-45} \) over their whole domain (checked by {@code HighPrecisionTest}).
 *
 * <p>The Dfp exponent range is about \( 10^{\pm 131000} \), so \( e^{-x^2} \) stays representable for
 * \( |x| \lesssim 540 \); beyond that use the log forms ({@link #logErfc}, {@link #logNormalCdf}).
 */
public final class HighPrecision {
    /** Significant decimal digits of every value this class returns. */
    public static final int DIGITS = 64;

    private static final DfpField FIELD = new DfpField(DIGITS);
    private static final Dfp ZERO = FIELD.getZero();
    private static final Dfp ONE = FIELD.getOne();
    private static final Dfp TWO = FIELD.getTwo();
    private static final Dfp HALF = ONE.divide(2);
    private static final Dfp SQRT_PI = FIELD.getPi().sqrt();
    private static final Dfp SQRT2 = FIELD.getSqr2();
    private static final Dfp LN2 = FIELD.getLn2();
    /** Below this |x| erfc uses the Taylor series of erf, above it the continued fraction. */
    private static final double ERF_SERIES_LIMIT = 2.5;
    private static final int MAX_TERMS = 100_000;
    private static final String MSG_NONFINITE = "%s: expected a finite number, got %s";

    private HighPrecision() {
    }

    /** The Dfp field of this class ({@value #DIGITS} digits). */
    public static DfpField field() {
        return FIELD;
    }

    /**
     * The double {@code x} as a high-precision number (exact for normal doubles of moderate size).
     *
     * @param x any double; infinities and NaN map to the Dfp special values
     * @return the value of {@code x}
     */
    public static Dfp of(double x) {
        return FIELD.newDfp(x);
    }

    /** The integer {@code n} as a high-precision number (exact). */
    public static Dfp of(long n) {
        return FIELD.newDfp(n);
    }

    /**
     * The decimal string {@code s} (e.g. {@code "0.1"}) rounded to {@value #DIGITS} digits.
     *
     * @param s a decimal number in Java syntax
     * @return its value
     */
    public static Dfp parse(String s) {
        return FIELD.newDfp(s);
    }

    /**
     * Rounds to the nearest double (ties to even).
     *
     * @param x a high-precision number
     * @return the nearest double; ±∞ on overflow, a subnormal or +0 on underflow (a Dfp zero maps
     *     to +0), NaN for NaN
     */
    public static double toDouble(Dfp x) {
        if (x.isNaN()) {
            return Double.NaN;
        }
        if (x.isInfinite()) {
            return x.lessThan(ZERO) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (x.isZero()) {
            return 0.0;
        }
        return toBigDecimal(x).doubleValue();
    }

    /** The exact decimal value of the finite number {@code x}. */
    public static BigDecimal toBigDecimal(Dfp x) {
        if (x.isNaN() || x.isInfinite()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NONFINITE, "x", x));
        }
        return new BigDecimal(x.toString());
    }

    /** \( e^x \). */
    public static Dfp exp(Dfp x) {
        return DfpMath.exp(x);
    }

    /** \( \ln x \) for \( x > 0 \); NaN for negative {@code x}, \( -\infty \) at 0. */
    public static Dfp log(Dfp x) {
        return DfpMath.log(x);
    }

    /** \( \sqrt{x} \). */
    public static Dfp sqrt(Dfp x) {
        return x.sqrt();
    }

    /**
     * \( e^x - 1 \), relative error \( < 10^{-60} \): Taylor series for \( |x| < 1 \), {@code exp(x) - 1}
     * otherwise (no cancellation there).
     */
    public static Dfp expm1(Dfp x) {
        if (x.abs().lessThan(ONE)) {
            Dfp term = x;
            Dfp sum = x;
            for (int k = 2; k < MAX_TERMS; k++) {
                term = term.multiply(x).divide(k);
                Dfp next = sum.add(term);
                if (next.equals(sum)) {
                    return sum;
                }
                sum = next;
            }
            return sum;
        }
        return exp(x).subtract(ONE);
    }

    /**
     * \( \ln(1 + x) \) for \( x > -1 \): for \( |x| < 1/2 \) the series
     * \( 2\,\mathrm{atanh}(x / (2 + x)) \), otherwise {@code log(1 + x)} (exact sum, no cancellation).
     */
    public static Dfp log1p(Dfp x) {
        if (x.abs().lessThan(HALF)) {
            return atanhSeries(x.divide(TWO.add(x))).multiply(2);
        }
        return log(ONE.add(x));
    }

    private static Dfp atanhSeries(Dfp z) {
        Dfp z2 = z.multiply(z);
        Dfp power = z;
        Dfp sum = z;
        for (int k = 3; k < MAX_TERMS; k += 2) {
            power = power.multiply(z2);
            Dfp next = sum.add(power.divide(k));
            if (next.equals(sum)) {
                return sum;
            }
            sum = next;
        }
        return sum;
    }

    /**
     * The complementary error function \( \operatorname{erfc}(x) = \frac{2}{\sqrt\pi}\int_x^\infty
     * e^{-t^2} dt \). Taylor series of erf for \( |x| \le 2.5 \) (terms never exceed \( e^{6.25} \), so
     * at most 3 of the 64 digits are lost), the Laplace continued fraction beyond (A&amp;S 7.1.14).
     */
    public static Dfp erfc(Dfp x) {
        if (x.isNaN()) {
            return x;
        }
        if (x.abs().toDouble() <= ERF_SERIES_LIMIT) {
            return ONE.subtract(erfSeries(x));
        }
        if (x.lessThan(ZERO)) {
            return TWO.subtract(erfc(x.negate()));
        }
        return exp(x.multiply(x).negate()).multiply(erfcxFraction(x));
    }

    /**
     * \( \ln \operatorname{erfc}(x) \), representable far beyond the range where erfc itself underflows
     * Dfp: \( -x^2 + \ln(\sqrt\pi\, e^{x^2}\operatorname{erfc}(x)) \) for \( x > 2.5 \).
     */
    public static Dfp logErfc(Dfp x) {
        if (x.toDouble() <= ERF_SERIES_LIMIT) {
            return log(erfc(x));
        }
        return log(erfcxFraction(x)).subtract(x.multiply(x));
    }

    /** \( \Phi(z) = \tfrac12 \operatorname{erfc}(-z/\sqrt2) \), the standard normal CDF. */
    public static Dfp normalCdf(Dfp z) {
        return erfc(z.negate().divide(SQRT2)).multiply(HALF);
    }

    /**
     * \( \ln \Phi(z) \), for every finite {@code z}: no underflow in the lower tail, and
     * \( \operatorname{log1p}(-\operatorname{erfc}(z/\sqrt2)/2) \) above 0 so that values near 0 keep
     * their digits.
     */
    public static Dfp logNormalCdf(Dfp z) {
        if (z.greaterThan(ZERO)) {
            return log1p(erfc(z.divide(SQRT2)).multiply(HALF).negate());
        }
        return logErfc(z.negate().divide(SQRT2)).subtract(LN2);
    }

    /**
     * \( \ln(\Phi(b) - \Phi(a)) \) for \( a &lt; b \) (either may be infinite), computed in the tail
     * that keeps the difference free of cancellation: \( \ln\Phi(b) + \ln(1 - e^{\ln\Phi(a) - \ln\Phi(b)}) \)
     * after reflecting the interval so that \( a + b \le 0 \).
     */
    public static Dfp logNormalProbability(Dfp a, Dfp b) {
        if (!a.lessThan(b)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "logNormalProbability: expected a < b, got a = %s, b = %s", a, b));
        }
        if (a.add(b).greaterThan(ZERO) || a.isInfinite() && b.isInfinite()) {
            Dfp t = a;
            a = b.negate();
            b = t.negate();
        }
        if (b.isInfinite()) {
            return a.isInfinite() ? ZERO : logNormalCdf(a.negate());
        }
        Dfp lb = logNormalCdf(b);
        if (a.isInfinite()) {
            return lb;
        }
        Dfp ratio = exp(logNormalCdf(a).subtract(lb));
        return lb.add(log1p(ratio.negate()));
    }

    private static Dfp erfSeries(Dfp x) {
        // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
        Dfp x2 = x.multiply(x).negate();
        Dfp power = x;
        Dfp sum = x;
        for (int n = 1; n < MAX_TERMS; n++) {
            power = power.multiply(x2).divide(n);
            Dfp next = sum.add(power.divide(2 * n + 1));
            if (next.equals(sum)) {
                break;
            }
            sum = next;
        }
        return sum.multiply(2).divide(SQRT_PI);
    }

    /** \( e^{x^2}\operatorname{erfc}(x) \) for \( x > 0 \) by the Laplace continued fraction (modified Lentz). */
    private static Dfp erfcxFraction(Dfp x) {
        // erfc(x) e^{x^2} sqrt(pi) = 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), i.e. b_n = x, a_n = n/2.
        Dfp tiny = FIELD.newDfp("1e-1000");
        Dfp f = x;
        Dfp c = x;
        Dfp d = ZERO;
        for (int n = 1; n < MAX_TERMS; n++) {
            Dfp an = FIELD.newDfp(n).divide(2);
            d = x.add(an.multiply(d));
            if (d.isZero()) {
                d = tiny;
            }
            c = x.add(an.divide(c));
            if (c.isZero()) {
                c = tiny;
            }
            d = ONE.divide(d);
            Dfp delta = c.multiply(d);
            f = f.multiply(delta);
            if (delta.subtract(ONE).abs().lessThan(FIELD.newDfp("1e-70"))) {
                break;
            }
        }
        return ONE.divide(f).divide(SQRT_PI);
    }

    /**
     * The error of {@code actual} in units of the last place of the correctly rounded reference:
     * \( |actual - exact| / \mathrm{ulp}(\mathrm{round}(exact)) \), a fractional number (0.5 at most for a
     * correctly rounded result).
     *
     * @param actual the double under test
     * @param exact the high-precision reference
     * @return the error in ulps; 0 when both are the same infinity; +∞ when only one is infinite or
     *     either is NaN
     */
    public static double ulpError(double actual, Dfp exact) {
        double rounded = toDouble(exact);
        if (Double.isNaN(actual) || Double.isNaN(rounded)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(actual) || Double.isInfinite(rounded)) {
            return actual == rounded ? 0 : Double.POSITIVE_INFINITY;
        }
        Dfp diff = of(actual).subtract(exact).abs();
        return diff.divide(of(Math.ulp(rounded))).toDouble();
    }
}
