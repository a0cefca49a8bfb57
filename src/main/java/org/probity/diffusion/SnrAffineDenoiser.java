package org.probity.diffusion;

import java.util.Arrays;
import java.util.Locale;
import org.probity.diffusion.internal.RationalIntegrals;
import org.probity.math.Arguments;
import org.probity.math.NeumaierSum;

/**
 * An affine denoiser written as a function of the SNR \( v \) rather than of time, VDM's
 * \( \tilde x_\theta(z, v) \) (Kingma et al. 2021, eq. 18–20): \( \tilde x(z, v) = a(v)\, z + b(v) \)
 * with \( a(v)\, \alpha_v = c v / (1 + \rho v) \), \( \alpha_v^2 = v / (1 + v) \), and
 * \( b(v) = (m + n v) / (1 + \rho v) \); parameters \( c \in \mathbb R \), \( \rho &gt; 0 \),
 * \( m, n \in \mathbb R^d \). The family holds Wiener's optimal denoiser for data
 * \( \mathcal N(m, \tau^2 I) \) (\( c = \rho = \tau^2 \), \( n = 0 \)), miscalibrated ones
 * (\( c \ne \rho \)) and ones that never reach x (\( (\rho - c) x \ne n \)).
 *
 * <p>Its expected squared error is rational in v:
 * \( \tilde g(v) = \mathbb E_\varepsilon \|x - \tilde x(\alpha_v x + \sigma_v \varepsilon, v)\|^2
 * = (A_0 + A_1 v + A_2 v^2) / (1 + \rho v)^2 \) with \( A_0 = \|x - m\|^2 \),
 * \( A_1 = 2 (x - m) \cdot ((\rho - c) x - n) + d c^2 \), \( A_2 = \|(\rho - c) x - n\|^2 \); so
 * \( \int \tilde g\, dv \) is closed-form ({@link #integral}) and \( \tilde g' \) has a linear
 * numerator, which makes the oscillation on an interval exact ({@link #oscillation}).
 * Instances are immutable.
 */
public final class SnrAffineDenoiser {
    private static final String MSG_DIM = "n: expected %d entries like m, got %d";
    private static final String MSG_SNR = "%s: expected an SNR >= 0, finite, got %s";
    private static final String MSG_RANGE = "v1: expected v0 <= v1, got v0 = %s, v1 = %s";

    private final double c;
    private final double rho;
    private final double[] m;
    private final double[] n;

    private SnrAffineDenoiser(double c, double rho, double[] m, double[] n) {
        this.c = c;
        this.rho = rho;
        this.m = m;
        this.n = n;
    }

    /**
     * The denoiser with the given parameters (see the class comment).
     *
     * @param c the signal gain scale, finite
     * @param rho the pole, finite and &gt; 0
     * @param m the offset at v = 0, finite entries, d ≥ 1 of them
     * @param n the offset slope, as many entries as m
     * @throws IllegalArgumentException naming the parameter otherwise
     */
    public static SnrAffineDenoiser of(double c, double rho, double[] m, double[] n) {
        Arguments.requireFinite("c", c);
        Arguments.requirePositiveFinite("rho", rho);
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException("m: expected d >= 1 entries, got none");
        }
        if (n == null || n.length != m.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, m.length, n == null ? 0 : n.length));
        }
        for (int j = 0; j < m.length; j++) {
            Arguments.requireFinite("m[" + j + "]", m[j]);
            Arguments.requireFinite("n[" + j + "]", n[j]);
        }
        return new SnrAffineDenoiser(c, rho, m.clone(), n.clone());
    }

    /** d. */
    public int dimension() {
        return m.length;
    }

    /** c. */
    public double c() {
        return c;
    }

    /** ρ. */
    public double rho() {
        return rho;
    }

    /** m (a copy). */
    public double[] m() {
        return m.clone();
    }

    /** n (a copy). */
    public double[] n() {
        return n.clone();
    }

    /** \( a(v)\, \alpha_v = c v / (1 + \rho v) \), v ≥ 0. */
    public double signalGain(double v) {
        requireSnr("v", v);
        return c * v / (1 + rho * v);
    }

    /** \( a(v) = c \sqrt{v (1 + v)} / (1 + \rho v) \), the gain on z, v ≥ 0. */
    public double gain(double v) {
        requireSnr("v", v);
        return c * Math.sqrt(v * (1 + v)) / (1 + rho * v);
    }

    /** \( b(v) = (m + n v) / (1 + \rho v) \), v ≥ 0. */
    public double[] offset(double v) {
        requireSnr("v", v);
        double w = 1 + rho * v;
        double[] b = new double[m.length];
        for (int j = 0; j < b.length; j++) {
            b[j] = Math.fma(n[j], v, m[j]) / w;
        }
        return b;
    }

    /**
     * \( \tilde g(v) = \|(1 - a\alpha_v) x - b(v)\|^2 + d\, c^2 v / (1 + \rho v)^2 \), v ≥ 0, as
     * \( (\sum_j ((w - c v) x_j - m_j - n_j v)^2 + d c^2 v) / w^2 \), \( w = 1 + \rho v \):
     * relative error a few ulps times \( (\sum_j (|w x_j| + |c v x_j| + |m_j| + |n_j v|)^2 + d c^2 v) / (w^2 \tilde g) \).
     */
    public double expectedSquaredError(double[] x, double v) {
        requireX(x);
        requireSnr("v", v);
        double w = 1 + rho * v;
        NeumaierSum s = NeumaierSum.create();
        for (int j = 0; j < x.length; j++) {
            double r = (w - c * v) * x[j] - m[j] - n[j] * v;
            s.add(r * r);
        }
        s.add(x.length * c * c * v);
        return s.sum() / (w * w);
    }

    /** \( \{A_0, A_1, A_2\} \) of the class comment. */
    public double[] coefficients(double[] x) {
        requireX(x);
        NeumaierSum a0 = NeumaierSum.create();
        NeumaierSum a1 = NeumaierSum.create();
        NeumaierSum a2 = NeumaierSum.create();
        for (int j = 0; j < x.length; j++) {
            double p = x[j] - m[j];
            double q = (rho - c) * x[j] - n[j];
            a0.add(p * p);
            a1.add(2 * p * q);
            a2.add(q * q);
        }
        a1.add(x.length * c * c);
        return new double[] {a0.sum(), a1.sum(), a2.sum()};
    }

    /**
     * \( \int_{v_0}^{v_1} \tilde g(v)\, dv = A_0 J_0 + A_1 J_1 + A_2 J_2 \), \( J_k = \int v^k / (1 + \rho v)^2 \),
     * each \( J_k \) a sum of non-negative terms ({@link RationalIntegrals}); relative error a few ulps
     * times \( (A_0 J_0 + |A_1| J_1 + A_2 J_2) / \int \tilde g \) (1 unless \( A_1 &lt; 0 \) cancels).
     *
     * @param x the data point, d entries
     * @param v0 the lower SNR, ≥ 0 and finite
     * @param v1 the upper SNR, ≥ v0 and finite
     * @throws IllegalArgumentException naming the parameter otherwise
     */
    public double integral(double[] x, double v0, double v1) {
        return integral(x, v0, v1, v1 - v0);
    }

    /**
     * {@link #integral(double[], double, double)} with the length \( v_1 - v_0 \) supplied, for
     * endpoints known only to a few ulps whose difference is known better (a schedule's
     * {@link LogSnrSchedule#snrDecrement}): the closed form then keeps that difference's relative accuracy.
     *
     * @param delta \( v_1 - v_0 \), ≥ 0
     */
    public double integral(double[] x, double v0, double v1, double delta) {
        double[] j = moments(v0, v1, delta);
        double[] a = coefficients(x);
        return a[0] * j[0] + a[1] * j[1] + a[2] * j[2];
    }

    /** \( A_0 J_0 + |A_1| J_1 + A_2 J_2 \): the magnitude of {@link #integral}'s summands. */
    public double integralMagnitude(double[] x, double v0, double v1) {
        double[] j = moments(v0, v1, v1 - v0);
        double[] a = coefficients(x);
        return a[0] * j[0] + Math.abs(a[1]) * j[1] + a[2] * j[2];
    }

    private double[] moments(double v0, double v1) {
        return moments(v0, v1, v1 - v0);
    }

    private double[] moments(double v0, double v1, double delta) {
        requireSnr("v0", v0);
        requireSnr("v1", v1);
        if (!(v0 <= v1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_RANGE, v0, v1));
        }
        if (!(delta >= 0 && delta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "delta: expected v1 - v0 >= 0, finite, got %s", delta));
        }
        return RationalIntegrals.moments(rho, v0, v1, delta);
    }

    /**
     * \( \sup_{v \in [v_0, v_1]} |\tilde g(v) - \tilde g(v_0)| \), exact: \( \tilde g' \) has the
     * numerator \( (A_1 - 2\rho A_0) + (2A_2 - \rho A_1) v \) over \( (1 + \rho v)^3 \), so
     * \( \tilde g \) is monotone on either side of its one stationary point, and the supremum is at
     * \( v_1 \) or at that point. Rounding: that of three evaluations of \( \tilde g \).
     */
    public double oscillation(double[] x, double v0, double v1) {
        moments(v0, v1);
        double g0 = expectedSquaredError(x, v0);
        double osc = Math.abs(expectedSquaredError(x, v1) - g0);
        double vStar = stationaryPoint(x, v0, v1);
        return Double.isNaN(vStar) ? osc : Math.max(osc, Math.abs(expectedSquaredError(x, vStar) - g0));
    }

    /**
     * The total variation of \( \tilde g \) on \( [v_0, v_1] \), exact (two monotone pieces around the
     * stationary point of {@link #oscillation}); \( \ge \) the sum of the oscillations on any partition.
     */
    public double totalVariation(double[] x, double v0, double v1) {
        moments(v0, v1);
        double g0 = expectedSquaredError(x, v0);
        double g1 = expectedSquaredError(x, v1);
        double vStar = stationaryPoint(x, v0, v1);
        if (Double.isNaN(vStar)) {
            return Math.abs(g1 - g0);
        }
        double gs = expectedSquaredError(x, vStar);
        return Math.abs(gs - g0) + Math.abs(g1 - gs);
    }

    /** The zero of \( \tilde g' \) strictly inside \( (v_0, v_1) \), or NaN. */
    private double stationaryPoint(double[] x, double v0, double v1) {
        double[] a = coefficients(x);
        double p = a[1] - 2 * rho * a[0];
        double q = 2 * a[2] - rho * a[1];
        double vStar = q == 0 ? Double.NaN : -p / q;
        return vStar > v0 && vStar < v1 ? vStar : Double.NaN;
    }

    /**
     * The same denoiser as a function of time under a schedule, \( \hat x(z; t) = \tilde x(z, \mathrm{SNR}(t)) \)
     * (VDM eq. 18): the form in which \( L_\infty \) is the same for every schedule with the same SNR
     * endpoints.
     */
    public AffineDenoiser inTime(LogSnrSchedule s) {
        SnrAffineDenoiser self = this;
        return new AffineDenoiser() {
            @Override
            public int dimension() {
                return self.dimension();
            }

            @Override
            public double gain(double t) {
                return self.gain(s.snr(t));
            }

            @Override
            public double[] offset(double t) {
                return self.offset(s.snr(t));
            }

            @Override
            public String toString() {
                return self + " under " + s;
            }
        };
    }

    private void requireX(double[] x) {
        if (x == null || x.length != m.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "x: expected %d entries, got %d", m.length,
                x == null ? 0 : x.length));
        }
    }

    private static void requireSnr(String name, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SNR, name, v));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "x~(z, v) = a(v) z + (m + n v)/(1 + rho v), a(v) alpha_v = c v/(1 + rho v); "
            + "c = %s, rho = %s, m = %s, n = %s", c, rho, Arrays.toString(m), Arrays.toString(n));
    }
}
