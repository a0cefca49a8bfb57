package org.probity.spec.internal;

import java.util.Locale;
import org.probity.math.Counts;

/**
 * The numbers of one gaussian instance in d dimensions: the schedule β_1..β_T (index 0 unused), and
 * per dimension i the mean and variance of q(x_0) and of p(x_T), and the gain, offset and variance
 * of each reverse step p(x_{t-1} | x_t) ({@code ra[t][i]}, {@code rb[t][i]}, {@code rc[t][i]}).
 */
record GaussianParameters(double[] betas, double[] mu0, double[] var0, double[] meanT, double[] varT, double[][] ra,
                          double[][] rb, double[][] rc) {

    static GaussianParameters scalar(double[] betas, double mu0, double var0, double meanT, double varT, double[] ra,
                                     double[] rb, double[] rc) {
        int n = betas.length;
        double[][] a = new double[n][1];
        double[][] b = new double[n][1];
        double[][] c = new double[n][1];
        for (int t = 1; t < n; t++) {
            a[t][0] = ra[t];
            b[t][0] = rb[t];
            c[t][0] = rc[t];
        }
        return new GaussianParameters(betas, new double[] {mu0}, new double[] {var0}, new double[] {meanT},
            new double[] {varT}, a, b, c);
    }

    int steps() {
        return betas.length - 1;
    }

    int dims() {
        return mu0.length;
    }

    @Override
    public String toString() {
        int steps = steps();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "gaussian, T = %s%s%n", Counts.of(steps, "step"),
            dims() == 1 ? "" : ", d = " + Counts.of(dims(), "dimension")));
        sb.append("    beta_1..beta_T = [");
        for (int t = 1; t <= steps; t++) {
            sb.append(t > 1 ? ", " : "").append(GaussianInstance.d(betas[t]));
        }
        sb.append("]\n");
        sb.append(String.format(Locale.ROOT, "    q(x_0) = N(%s, %s)%n", v(mu0), v(var0)));
        sb.append(String.format(Locale.ROOT, "    p(x_%d) = N(%s, %s)%n", steps, v(meanT), v(varT)));
        for (int t = steps; t >= 1; t--) {
            sb.append(String.format(Locale.ROOT, "    p(x_%d | x_%d) = N(%s * x_%d + %s, %s)%n", t - 1, t, v(ra[t]), t,
                v(rb[t]), v(rc[t])));
        }
        return sb.toString().stripTrailing();
    }

    /** A number in one dimension, a vector [a, b] in several. */
    private static String v(double[] x) {
        if (x.length == 1) {
            return GaussianInstance.d(x[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            sb.append(i > 0 ? ", " : "").append(GaussianInstance.d(x[i]));
        }
        return sb.append(']').toString();
    }
}
