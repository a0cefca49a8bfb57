package org.probity.spec.internal;

import java.util.List;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * One term's Gaussian integral for {@link Closed#integrate}: \( \int P(x) e^{Q(x)} \, dx_A \) by
 * completing the square in the variables A, as a term in the remaining variables.
 */
final class GaussianIntegral {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GaussianIntegral() {
    }

    static Closed of(Closed.Term t, List<Integer> a, int n, double[] conditions, Budget budget) {
        int k = a.size();
        Quad q = t.expo();
        double[][] lam = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                lam[i][j] = -2 * q.m[a.get(i)][a.get(j)];
            }
        }
        RealMatrix lm = MatrixUtils.createRealMatrix(lam);
        CholeskyDecomposition chol;
        try {
            chol = new CholeskyDecomposition(lm, 1e-12, 1e-14);
        } catch (RuntimeException e) {
            return Closed.none("an integrand that is not a normalisable Gaussian in the variables integrated", n);
        }
        RealMatrix s = chol.getSolver().getInverse();
        conditions[0] = Math.max(conditions[0], lm.getNorm1() * s.getNorm1());
        boolean[] inA = new boolean[n];
        for (int i : a) {
            inA[i] = true;
        }
        // eta(r) = b_a + F r, F = 2 M_{a,r} (zero columns on A)
        double[] ba = new double[k];
        double[][] f = new double[k][n];
        for (int i = 0; i < k; i++) {
            ba[i] = q.b[a.get(i)];
            for (int j = 0; j < n; j++) {
                if (!inA[j]) {
                    f[i][j] = q.m[a.get(i)][j] + q.m[j][a.get(i)];
                }
            }
        }
        double[][] sm = s.getData();
        // mean = S b_a + S F r
        double[] sba = new double[k];
        double[][] sf = new double[k][n];
        for (int i = 0; i < k; i++) {
            for (int l = 0; l < k; l++) {
                sba[i] += sm[i][l] * ba[l];
                for (int j = 0; j < n; j++) {
                    sf[i][j] += sm[i][l] * f[l][j];
                }
            }
        }
        // new exponent: rest of Q + 1/2 eta^T S eta + k/2 log 2pi - 1/2 log det Lambda
        double logDet = 0;
        RealMatrix lower = chol.getL();
        for (int i = 0; i < k; i++) {
            logDet += 2 * Math.log(lower.getEntry(i, i));
        }
        double c = q.c + 0.5 * dot(ba, sba) + 0.5 * k * LOG_2PI - 0.5 * logDet;
        double[] b = new double[n];
        double[][] m = new double[n][n];
        for (int j = 0; j < n; j++) {
            if (inA[j]) {
                continue;
            }
            b[j] = q.b[j];
            for (int i = 0; i < k; i++) {
                b[j] += sba[i] * f[i][j];
            }
            for (int l = 0; l < n; l++) {
                if (inA[l]) {
                    continue;
                }
                m[j][l] = q.m[j][l];
                for (int i = 0; i < k; i++) {
                    m[j][l] += 0.5 * f[i][j] * sf[i][l];
                }
            }
        }
        Quad expo = new Quad(c, b, m);
        // E[P(G x + h + E z)], z ~ N(0, S): x_j = x_j (j not in A), x_a = (S F x)_a + (S b_a)_a + z_a
        Quad p = t.poly();
        double[][] g = new double[n][n];
        double[] h = new double[n];
        for (int j = 0; j < n; j++) {
            if (!inA[j]) {
                g[j][j] = 1;
            }
        }
        for (int i = 0; i < k; i++) {
            g[a.get(i)] = sf[i].clone();
            h[a.get(i)] = sba[i];
        }
        double pc = p.c + dot(p.b, h);
        double[] ph = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ph[i] += p.m[i][j] * h[j];
            }
        }
        pc += dot(h, ph);
        for (int i = 0; i < k; i++) {
            for (int l = 0; l < k; l++) {
                pc += p.m[a.get(i)][a.get(l)] * sm[l][i];
            }
        }
        double[] pb = new double[n];
        double[][] pm = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                pb[j] += g[i][j] * (p.b[i] + 2 * ph[i]);
            }
        }
        double[][] mg = new double[n][n];
        for (int i = 0; i < n; i++) {
            budget.checkNow();
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    mg[i][j] += p.m[i][l] * g[l][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            budget.checkNow();
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    pm[i][j] += g[l][i] * mg[l][j];
                }
            }
        }
        return Closed.of(List.of(new Closed.Term(new Quad(pc, pb, pm), expo)), n);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
