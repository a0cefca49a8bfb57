package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.linear.Array2DRowFieldMatrix;
import org.hipparchus.linear.FieldLUDecomposition;
import org.hipparchus.linear.FieldMatrix;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.UlpStats;

/**
 * Every conditional density q(A | B) and p(A | B) of the gaussian family, as Probity builds it from
 * the chains' factors ({@link GaussianChain}) in double, against a 64-digit reference built the other
 * way: the joint covariance of the linear recursion and its Schur complement in Hipparchus Dfp
 * (recipe: {@link #reference}). Dataset: T = 2 and 3, every β_t in {1e-5, 1e-3, 0.5, 0.99}
 * and [1e-4, 1e-3] for T = 2 (a few products for T = 3), every pair of disjoint sets A ≠ ∅, B, at two points.
 * The error is in ulps of the magnitude M of the quadratic's terms at the point (the log-density
 * sums terms of size up to M, so a backward-stable evaluation errs by a few u M); budget: max 16,
 * RMS 2 (measured: max 6.5, RMS 0.64). The covariance Schur complement in double that this replaced erred by up to 2e-8 at
 * β = [1e-4, 1e-3] (issue 15 item 6) and by 4.5e10 such ulps (1.3 absolute) at β = [1e-5, 1e-5, 1e-5].
 */
class GaussianDensityAccuracyTest {
    private static final double[] BETAS = {1e-5, 1e-3, 0.5, 0.99};
    private static final double[][] POINTS = {{0.3, -1.7, 2.9, -0.4}, {-2.6, 0.1, -0.05, 3.0}};

    @Test
    void conditionalLogDensitiesAgreeWithA64DigitSchurComplement() {
        UlpStats stats = UlpStats.of("spec gaussian log q(A|B), p(A|B)");
        List<double[]> schedules = new ArrayList<>();
        for (double b1 : BETAS) {
            for (double b2 : BETAS) {
                schedules.add(new double[] {0, b1, b2});
            }
        }
        schedules.add(new double[] {0, 1e-4, 1e-3});
        schedules.add(new double[] {0, 1e-4, 1e-3, 1e-5});
        schedules.add(new double[] {0, 0.01, 1e-5, 0.5});
        schedules.add(new double[] {0, 1e-5, 1e-5, 1e-5});
        for (double[] betas : schedules) {
            int n = betas.length;
            double[] ra = new double[n];
            double[] rb = new double[n];
            double[] rc = new double[n];
            for (int t = 1; t < n; t++) {
                ra[t] = 0.9 + 0.05 * t;
                rb[t] = -0.2 * t;
                rc[t] = betas[t] * 0.7 + 1e-3;
            }
            double[][] points = new double[POINTS.length][];
            for (int i = 0; i < POINTS.length; i++) {
                points[i] = java.util.Arrays.copyOf(POINTS[i], n);
            }
            GaussianInstance g = new GaussianInstance(betas, 0.4, 1.3, -0.6, 0.8, ra, rb, rc, points);
            for (boolean generative : new boolean[] {false, true}) {
                Dfp[][] cov = covariance(betas, ra, rb, rc, generative);
                Dfp[] mean = mean(betas, ra, rb, generative);
                for (int a = 1; a < (1 << n); a++) {
                    for (int b = 0; b < (1 << n); b++) {
                        if ((a & b) != 0) {
                            continue;
                        }
                        int[] ai = bits(a, n);
                        int[] bi = bits(b, n);
                        Quad q = g.logDensity(generative, ai, bi);
                        Reference ref = new Reference(cov, mean, ai, bi);
                        for (double[] x : points) {
                            Dfp exact = ref.at(x);
                            double m = q.magnitudeAt(x);
                            double v = q.at(x);
                            String input = String.format(Locale.ROOT, "%s(%s | %s), beta %s, x %s",
                                generative ? "p" : "q", java.util.Arrays.toString(ai), java.util.Arrays.toString(bi),
                                java.util.Arrays.toString(betas), java.util.Arrays.toString(x));
                            stats.addConditioned(input, v, exact, m / Math.abs(v));
                        }
                    }
                }
            }
        }
        stats.assertWithin(16, 2);
    }

    private static int[] bits(int mask, int n) {
        int[] out = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if ((mask & (1 << i)) != 0) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** x = mean + L z: the factor L of the linear recursion (q forward from x_0, p backward from x_T), in Dfp. */
    private static Dfp[][] factor(double[] betas, double[] ra, double[] rc, boolean generative) {
        int n = betas.length;
        Dfp zero = HighPrecision.of(0);
        Dfp[][] l = new Dfp[n][n];
        for (Dfp[] row : l) {
            java.util.Arrays.fill(row, zero);
        }
        if (!generative) {
            l[0][0] = HighPrecision.sqrt(HighPrecision.of(1.3));
            for (int t = 1; t < n; t++) {
                Dfp s = HighPrecision.sqrt(HighPrecision.of(1).subtract(HighPrecision.of(betas[t])));
                for (int j = 0; j < n; j++) {
                    l[t][j] = l[t - 1][j].multiply(s);
                }
                l[t][t] = HighPrecision.sqrt(HighPrecision.of(betas[t]));
            }
        } else {
            int steps = n - 1;
            l[steps][steps] = HighPrecision.sqrt(HighPrecision.of(0.8));
            for (int t = steps; t >= 1; t--) {
                for (int j = 0; j < n; j++) {
                    l[t - 1][j] = l[t][j].multiply(HighPrecision.of(ra[t]));
                }
                l[t - 1][t - 1] = HighPrecision.sqrt(HighPrecision.of(rc[t]));
            }
        }
        return l;
    }

    private static Dfp[][] covariance(double[] betas, double[] ra, double[] rb, double[] rc, boolean generative) {
        Dfp[][] l = factor(betas, ra, rc, generative);
        int n = l.length;
        Dfp[][] c = new Dfp[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Dfp s = HighPrecision.of(0);
                for (int k = 0; k < n; k++) {
                    s = s.add(l[i][k].multiply(l[j][k]));
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    private static Dfp[] mean(double[] betas, double[] ra, double[] rb, boolean generative) {
        int n = betas.length;
        Dfp[] m = new Dfp[n];
        if (!generative) {
            m[0] = HighPrecision.of(0.4);
            for (int t = 1; t < n; t++) {
                m[t] = m[t - 1].multiply(HighPrecision.sqrt(HighPrecision.of(1).subtract(HighPrecision.of(betas[t]))));
            }
        } else {
            m[n - 1] = HighPrecision.of(-0.6);
            for (int t = n - 1; t >= 1; t--) {
                m[t - 1] = m[t].multiply(HighPrecision.of(ra[t])).add(HighPrecision.of(rb[t]));
            }
        }
        return m;
    }

    /**
     * log N(x_A; μ_A + Σ_AB Σ_BB^{-1} (x_B - μ_B), Σ_AA - Σ_AB Σ_BB^{-1} Σ_BA) in 64-digit arithmetic:
     * the matrices once per (A, B), then each point.
     */
    private static final class Reference {
        private final Dfp[] mean;
        private final int[] a;
        private final int[] b;
        private final FieldMatrix<Dfp> h;
        private final FieldMatrix<Dfp> sInv;
        private final Dfp constant;

        Reference(Dfp[][] cov, Dfp[] mean, int[] a, int[] b) {
            this.mean = mean;
            this.a = a;
            this.b = b;
            FieldMatrix<Dfp> s = sub(cov, a, a);
            if (b.length > 0) {
                FieldMatrix<Dfp> sab = sub(cov, a, b);
                h = sab.multiply(new FieldLUDecomposition<>(sub(cov, b, b)).getSolver().getInverse());
                s = s.subtract(h.multiply(sab.transpose()));
            } else {
                h = null;
            }
            FieldLUDecomposition<Dfp> lu = new FieldLUDecomposition<>(s);
            sInv = lu.getSolver().getInverse();
            Dfp twoPi = HighPrecision.field().getPi().multiply(2);
            constant = HighPrecision.log(twoPi).multiply(-0.5 * a.length)
                .subtract(HighPrecision.log(lu.getDeterminant()).multiply(0.5));
        }

        Dfp at(double[] x) {
            int k = a.length;
            Dfp[] r = new Dfp[k];
            for (int i = 0; i < k; i++) {
                r[i] = HighPrecision.of(x[a[i]]).subtract(mean[a[i]]);
            }
            if (h != null) {
                Dfp[] db = new Dfp[b.length];
                for (int j = 0; j < b.length; j++) {
                    db[j] = HighPrecision.of(x[b[j]]).subtract(mean[b[j]]);
                }
                Dfp[] shift = h.operate(db);
                for (int i = 0; i < k; i++) {
                    r[i] = r[i].subtract(shift[i]);
                }
            }
            Dfp[] sr = sInv.operate(r);
            Dfp quad = HighPrecision.of(0);
            for (int i = 0; i < k; i++) {
                quad = quad.add(r[i].multiply(sr[i]));
            }
            return constant.subtract(quad.multiply(0.5));
        }
    }

    private static FieldMatrix<Dfp> sub(Dfp[][] m, int[] rows, int[] cols) {
        Dfp[][] out = new Dfp[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out[i][j] = m[rows[i]][cols[j]];
            }
        }
        return new Array2DRowFieldMatrix<>(out, false);
    }
}
