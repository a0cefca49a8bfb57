package org.probity.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Doubles in a range, generated across magnitudes rather than on a decimal grid. Each value comes
 * from one of five sources, chosen by a first choice whose low values are the simplest:
 *
 * <ol>
 *   <li>10 %: special values in range, simplest first — 0 (or the bound nearest 0), ±1, ½, ±2,
 *       0.1, 1e-3, then the bounds;</li>
 *   <li>40 %: log-uniform magnitude — an exponent uniform between that of the smallest magnitude of
 *       interest (2⁻⁶⁰ when the range touches 0) and that of the largest, a uniform 52-bit mantissa;</li>
 *   <li>15 %: uniform on the range;</li>
 *   <li>15 %: near 1 (1 − 2⁻ᵏ·m for k in 10..53, covering 1 − 1e-3 … 1 − 2⁻⁵³) and near the bounds;</li>
 *   <li>15 %: near 0 — magnitudes 2⁻²⁰ … 2⁻⁶⁰ or 2⁻²⁰ … 2⁻¹⁰²², and with {@link #withSubnormals()}
 *       a third of them subnormal (2⁻¹⁰²³ … 2⁻¹⁰⁷⁴);</li>
 *   <li>5 %: NaN and ±∞ with {@link #withNonFinite()}, otherwise uniform.</li>
 * </ol>
 *
 * <p>Values outside the range are clamped to it; with {@link #exclusive()} the bounds themselves
 * are replaced by their inner neighbours. Subnormals appear only when asked for. Shrinking lowers
 * the choices, so a failing double shrinks toward a special value, then toward magnitude 1 with a
 * short mantissa (the fraction bits are drawn reversed, so lowering that choice drops the least
 * significant bits first).
 */
public final class DoubleGen implements Gen<Double> {
    private static final String MSG_RANGE =
        "doubles: expected lo <= hi, neither NaN, got lo = %s, hi = %s";
    private static final int NEAR_ZERO_TOP = -20;
    private static final int LOG_UNIFORM_FLOOR = -60;

    private final double lo;
    private final double hi;
    private final boolean subnormals;
    private final boolean nonFinite;
    private final boolean open;
    private final double[] specials;

    private DoubleGen(double lo, double hi, boolean subnormals, boolean nonFinite, boolean open) {
        this.lo = lo;
        this.hi = hi;
        this.subnormals = subnormals;
        this.nonFinite = nonFinite;
        this.open = open;
        this.specials = specials();
    }

    static DoubleGen of(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_RANGE, lo, hi));
        }
        double l = Math.max(lo, -Double.MAX_VALUE);
        double h = Math.min(hi, Double.MAX_VALUE);
        return new DoubleGen(l, h, false, false, false);
    }

    /** A copy that also generates subnormal magnitudes near 0. */
    public DoubleGen withSubnormals() {
        return new DoubleGen(lo, hi, true, nonFinite, open);
    }

    /** A copy that also generates NaN, +∞ and −∞ (about 5 % of values). */
    public DoubleGen withNonFinite() {
        return new DoubleGen(lo, hi, subnormals, true, open);
    }

    /** A copy over the open range {@code (lo, hi)}. */
    public DoubleGen exclusive() {
        if (!(Math.nextUp(lo) < hi)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "doubles: the open range (%s, %s) holds no double", lo, hi));
        }
        return new DoubleGen(lo, hi, subnormals, nonFinite, true);
    }

    /** Arrays of {@code minLength..maxLength} values of this generator. */
    public Gen<double[]> arrays(int minLength, int maxLength) {
        return Gens.lists(this, minLength, maxLength)
            .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public Double generate(Choices c) {
        c.beginSpan(this);
        double v = draw(c);
        c.endSpan();
        return v;
    }

    private double draw(Choices c) {
        long source = c.draw(99);
        double v;
        if (source < 10) {
            v = specials[(int) c.draw(specials.length - 1)];
        } else if (source < 50) {
            v = logUniform(c);
        } else if (source < 65) {
            v = uniform(c);
        } else if (source < 80) {
            v = nearOneOrBound(c);
        } else if (source < 95) {
            v = nearZero(c);
        } else {
            v = nonFinite ? nonFiniteValue(c) : uniform(c);
        }
        return fit(v);
    }

    private double logUniform(Choices c) {
        double sign = sign(c);
        double maxMag = sign > 0 ? Math.abs(hi) : Math.abs(lo);
        double minMag = touchesZero() ? Math.scalb(1.0, LOG_UNIFORM_FLOOR)
            : Math.min(Math.abs(lo), Math.abs(hi));
        if (maxMag == 0) {
            return 0;
        }
        int eMin = Math.max(Math.getExponent(Math.max(minMag, Double.MIN_NORMAL)), LOG_UNIFORM_FLOOR);
        int eMax = Math.getExponent(maxMag);
        eMin = Math.min(eMin, eMax);
        // Exponents nearest 0 first: down from the target to eMin, then up to eMax.
        int target = Math.max(eMin, Math.min(0, eMax));
        long j = c.draw(eMax - eMin);
        int e = j <= target - eMin ? target - (int) j : target + (int) (j - (target - eMin));
        double mantissa = mantissa(c);
        return sign * Math.scalb(mantissa, e);
    }

    /**
     * A mantissa in [1, 2) whose choice holds the fraction bits reversed: lowering the choice, or
     * clearing its high bits, drops the least significant bits first, so a shrunk value has a short
     * binary fraction (1.5, 1.25, ...) rather than 1 + 2^-52 k for a small k.
     */
    private static double mantissa(Choices c) {
        long m = c.draw((1L << 52) - 1);
        return 1.0 + (Long.reverse(m) >>> 12) * 0x1.0p-52;
    }

    private double uniform(Choices c) {
        double u = c.draw((1L << 53) - 1) * 0x1.0p-53;
        double v = lo + u * (hi - lo);
        return Double.isFinite(v) ? v : lo * (1 - u) + hi * u;
    }

    private double nearOneOrBound(Choices c) {
        long which = c.draw(2);
        int k = 10 + (int) c.draw(43);
        double m = 1.0 + c.draw(15) / 16.0;
        if (which == 0 && lo <= 1 && 1 <= hi) {
            return 1 - Math.scalb(m, -k) / 2;
        }
        if (which == 1 || which == 0) {
            return hi - Math.abs(hi) * Math.scalb(m, -k) / 2;
        }
        return lo + Math.abs(lo) * Math.scalb(m, -k) / 2;
    }

    private double nearZero(Choices c) {
        if (!touchesZero()) {
            return nearOneOrBound(c);
        }
        double sign = sign(c);
        int bottom = subnormals ? -1074 : Double.MIN_EXPONENT;
        long range = c.draw(subnormals ? 2 : 1);
        int e;
        if (range == 2) {
            e = Double.MIN_EXPONENT - 1 - (int) c.draw(Double.MIN_EXPONENT - 1 - bottom);
        } else {
            e = NEAR_ZERO_TOP - (int) c.draw(range == 0 ? 40 : NEAR_ZERO_TOP - bottom);
        }
        double mantissa = mantissa(c);
        return sign * Math.scalb(mantissa, e);
    }

    private double nonFiniteValue(Choices c) {
        long which = c.draw(2);
        return which == 0 ? Double.NaN : which == 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private double sign(Choices c) {
        if (lo >= 0) {
            return 1;
        }
        if (hi <= 0) {
            return -1;
        }
        return c.draw(1) == 0 ? 1 : -1;
    }

    private boolean touchesZero() {
        return lo <= 0 && hi >= 0;
    }

    private double fit(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) && nonFinite) {
            return v;
        }
        double x = Math.max(lo, Math.min(hi, v));
        if (!subnormals && x != 0 && Math.abs(x) < Double.MIN_NORMAL) {
            x = lo <= 0 && 0 <= hi && !(open && (lo == 0 || hi == 0)) ? 0 : Math.copySign(Double.MIN_NORMAL, x);
        }
        if (open && x == lo) {
            x = Math.nextUp(lo);
        }
        if (open && x == hi) {
            x = Math.nextDown(hi);
        }
        return x == 0 ? 0.0 : x;
    }

    private double[] specials() {
        double simplest = lo <= 0 && hi >= 0 ? 0 : (lo > 0 ? lo : hi);
        double[] candidates = {simplest, 0, 1, -1, 0.5, 2, -2, 0.1, 1e-3, lo, hi};
        Set<Double> in = new LinkedHashSet<>();
        for (double x : candidates) {
            if (x >= lo && x <= hi && !(open && (x == lo || x == hi))) {
                in.add(x == 0 ? 0.0 : x);
            }
        }
        if (in.isEmpty()) {
            in.add(fit(simplest));
        }
        List<Double> list = new ArrayList<>(in);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "doubles%s%s, %s%s%s%s", open ? "(" : "[", lo, hi, open ? ")" : "]",
            subnormals ? " with subnormals" : "", nonFinite ? " with non-finite" : "");
    }
}
