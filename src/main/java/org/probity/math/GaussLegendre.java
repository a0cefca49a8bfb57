package org.probity.math;

import java.util.Locale;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss–Legendre rules on [-1, 1] whose nodes and weights are the roots of \( P_n \) and
 * \( w_i = 2 / ((1 - x_i^2) P_n'(x_i)^2) \) computed in 40-digit arithmetic and rounded once to double:
 * the rules of Hipparchus' {@code GaussIntegratorFactory.legendreHighPrecision(n)} (Dfp, 40 digits).
 *
 * <p>Building such a rule in Dfp takes about a second of CPU (a sixth of {@code probity verify}'s
 * profile when three classes built theirs), so the 10- and 20-point rules Probity uses are
 * tabulated here: the positive half of each, mirrored (the rules are symmetric). The decimals are
 * the shortest that round-trip ({@link Double#toString}) of what {@code legendreHighPrecision(n)}
 * returns; {@code GaussLegendreTest} checks them against it bit for bit. Other sizes are built with
 * {@code legendreHighPrecision(n)} on every call.
 *
 * <p>Exact for polynomials of degree \( \le 2n - 1 \) (Davis &amp; Rabinowitz, <i>Methods of Numerical
 * Integration</i>, 2nd ed. 1984, §2.7).
 */
public final class GaussLegendre {
    /** The positive nodes of the 10-point rule, ascending. */
    private static final double[] NODES_10 = {
        0.14887433898163122, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717};
    /** The weights of {@link #NODES_10}. */
    private static final double[] WEIGHTS_10 = {
        0.29552422471475287, 0.26926671930999635, 0.21908636251598204, 0.1494513491505806, 0.06667134430868814};
    /** The positive nodes of the 20-point rule, ascending. */
    private static final double[] NODES_20 = {
        0.07652652113349734, 0.22778585114164507, 0.37370608871541955, 0.5108670019508271, 0.636053680726515,
        0.7463319064601508, 0.8391169718222188, 0.912234428251326, 0.9639719272779138, 0.9931285991850949};
    /** The weights of {@link #NODES_20}. */
    private static final double[] WEIGHTS_20 = {
        0.15275338713072584, 0.14917298647260374, 0.14209610931838204, 0.13168863844917664, 0.11819453196151841,
        0.10193011981724044, 0.08327674157670475, 0.06267204833410907, 0.04060142980038694, 0.017614007139152118};
    private static final GaussIntegrator TEN = mirrored(NODES_10, WEIGHTS_10);
    private static final GaussIntegrator TWENTY = mirrored(NODES_20, WEIGHTS_20);
    private static final String MSG_POINTS = "points: expected a number of nodes >= 1, got %d";

    private GaussLegendre() {
    }

    /**
     * The n-point Gauss–Legendre rule on [-1, 1], nodes ascending, from 40-digit arithmetic rounded once.
     * The rule is immutable and may be shared between threads.
     *
     * @param points the number of nodes n, {@code >= 1}
     * @return the rule (the same instance every time for n = 10 and n = 20)
     * @throws IllegalArgumentException if {@code points < 1}
     */
    public static GaussIntegrator rule(int points) {
        if (points < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_POINTS, points));
        }
        if (points == 10) {
            return TEN;
        }
        if (points == 20) {
            return TWENTY;
        }
        return new GaussIntegratorFactory().legendreHighPrecision(points);
    }

    /** The rule of nodes ±x_i and weights w_i, from the positive half (even n). */
    private static GaussIntegrator mirrored(double[] positive, double[] weights) {
        int half = positive.length;
        double[] x = new double[2 * half];
        double[] w = new double[2 * half];
        for (int i = 0; i < half; i++) {
            x[half + i] = positive[i];
            w[half + i] = weights[i];
            x[half - 1 - i] = -positive[i];
            w[half - 1 - i] = weights[i];
        }
        return new GaussIntegrator(x, w);
    }
}
