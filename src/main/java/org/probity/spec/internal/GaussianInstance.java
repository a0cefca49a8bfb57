package org.probity.spec.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.probity.math.Constants;
import org.probity.math.ShortestDouble;
import org.probity.spec.ast.Function;

/**
 * A {@code gaussian} model instance: scalar linear-Gaussian diffusion with schedule β_1..β_T,
 * \( q(x_0) = N(\mu_0, v_0) \), \( q(x_t | x_{t-1}) = N(\sqrt{1-\beta_t} x_{t-1}, \beta_t) \);
 * \( p(x_T) = N(m_T, v_T) \), \( p(x_{t-1} | x_t) = N(a_t x_t + b_t, c_t) \). Each joint is one
 * multivariate Gaussian over x_{0:T} (mean vector and covariance from the linear recursion), and
 * every density {@code q(A | B)} is its conditional by Schur complement, returned as the
 * log-density quadratic in x. Also holds the points at which free variables are checked.
 */
public final class GaussianInstance implements ModelInstance {

    private final double[] betas;      // 1..T
    private final double mu0;
    private final double var0;
    private final double meanT;
    private final double varT;
    private final double[] ra;         // 1..T
    private final double[] rb;
    private final double[] rc;
    private final double[][] points;
    private final double[][] mean = new double[2][];
    private final RealMatrix[] cov = new RealMatrix[2];
    private final Map<String, Quad> cache = new HashMap<>();
    private double condition = 1;

    GaussianInstance(double[] betas, double mu0, double var0, double meanT, double varT, double[] ra, double[] rb,
                     double[] rc, double[][] points) {
        this.betas = betas;
        this.mu0 = mu0;
        this.var0 = var0;
        this.meanT = meanT;
        this.varT = varT;
        this.ra = ra;
        this.rb = rb;
        this.rc = rc;
        this.points = points;
        int n = betas.length;
        int steps = n - 1;
        // q: x = mean + L z
        double[][] l = new double[n][n];
        double[] m = new double[n];
        m[0] = mu0;
        l[0][0] = Math.sqrt(var0);
        for (int t = 1; t <= steps; t++) {
            double s = Math.sqrt(1 - betas[t]);
            m[t] = s * m[t - 1];
            for (int j = 0; j < n; j++) {
                l[t][j] = s * l[t - 1][j];
            }
            l[t][t] = Math.sqrt(betas[t]);
        }
        mean[0] = m;
        RealMatrix lm = MatrixUtils.createRealMatrix(l);
        cov[0] = lm.multiplyTransposed(lm);
        // p: backwards from x_T
        double[][] lp = new double[n][n];
        double[] mp = new double[n];
        mp[steps] = meanT;
        lp[steps][steps] = Math.sqrt(varT);
        for (int t = steps; t >= 1; t--) {
            mp[t - 1] = ra[t] * mp[t] + rb[t];
            for (int j = 0; j < n; j++) {
                lp[t - 1][j] = ra[t] * lp[t][j];
            }
            lp[t - 1][t - 1] = Math.sqrt(rc[t]);
        }
        mean[1] = mp;
        RealMatrix lpm = MatrixUtils.createRealMatrix(lp);
        cov[1] = lpm.multiplyTransposed(lpm);
    }

    @Override
    public int steps() {
        return betas.length - 1;
    }

    @Override
    public String family() {
        return "gaussian";
    }

    int n() {
        return betas.length;
    }

    double[][] points() {
        return points;
    }

    double mu0() {
        return mu0;
    }

    double var0() {
        return var0;
    }

    /** p(x_T) = N(meanT, varT); p(x_{t-1} | x_t) = N(ra[t] x_t + rb[t], rc[t]). */
    double[] reverseParameters(int t) {
        return t == 0 ? new double[] {meanT, varT} : new double[] {ra[t], rb[t], rc[t]};
    }

    /** β_t for t in 1..T. */
    double beta(int t) {
        return betas[t];
    }

    /** ᾱ_t = prod_{s <= t} (1 - β_s), ᾱ_0 = 1. */
    double alphaBar(int t) {
        double a = 1;
        for (int s = 1; s <= t; s++) {
            a *= 1 - betas[s];
        }
        return a;
    }

    /**
     * A schedule function at step t in 0..T (β_0 = 0, ᾱ_0 = 1).
     *
     * @throws IllegalArgumentException for an elementary function
     */
    double schedule(Function f, int t) {
        return switch (f) {
            case BETA -> beta(t);
            case ALPHA -> 1 - beta(t);
            case ABAR -> alphaBar(t);
            case SNR -> {
                double a = alphaBar(t);
                yield a / (1 - a);
            }
            case LOG, EXP, SQRT, ABS -> throw new IllegalArgumentException(
                "function: expected a schedule function, got " + f);
        };
    }

    /** The largest condition number of a covariance block inverted so far. */
    double condition() {
        return condition;
    }

    /** log q(A | B) or log p(A | B) as a quadratic in x (A, B as bit masks, A non-empty). */
    Quad logDensity(boolean generative, int aMask, int bMask) {
        return cache.computeIfAbsent(generative + ":" + aMask + ":" + bMask, key -> build(generative ? 1 : 0, aMask, bMask));
    }

    private Quad build(int which, int aMask, int bMask) {
        int n = n();
        int[] a = bits(aMask);
        int[] b = bits(bMask);
        RealMatrix sigma = cov[which];
        double[] mu = mean[which];
        RealMatrix saa = sigma.getSubMatrix(a, a);
        double[][] h = new double[a.length][b.length];
        RealMatrix s = saa;
        if (b.length > 0) {
            RealMatrix sbb = sigma.getSubMatrix(b, b);
            RealMatrix sab = sigma.getSubMatrix(a, b);
            RealMatrix sbbInv = new CholeskyDecomposition(sbb, 1e-12, 0).getSolver().getInverse();
            condition = Math.max(condition, sbb.getNorm1() * sbbInv.getNorm1());
            RealMatrix hm = sab.multiply(sbbInv);
            h = hm.getData();
            s = saa.subtract(hm.multiplyTransposed(sab));
            s = s.add(s.transpose()).scalarMultiply(0.5);
        }
        CholeskyDecomposition cs = new CholeskyDecomposition(s, 1e-12, 0);
        RealMatrix sInv = cs.getSolver().getInverse();
        sInv = sInv.add(sInv.transpose()).scalarMultiply(0.5);
        condition = Math.max(condition, s.getNorm1() * sInv.getNorm1());
        // cancellation in the Schur complement and the conditioning of S: ||Sigma_AA|| ||S^-1||
        condition = Math.max(condition, saa.getNorm1() * sInv.getNorm1());
        double logDet = Math.log(cs.getDeterminant());
        // residual r = L x - h0
        int k = a.length;
        double[][] l = new double[k][n];
        double[] h0 = new double[k];
        for (int i = 0; i < k; i++) {
            l[i][a[i]] = 1;
            h0[i] = mu[a[i]];
            for (int j = 0; j < b.length; j++) {
                l[i][b[j]] -= h[i][j];
                h0[i] -= h[i][j] * mu[b[j]];
            }
        }
        RealMatrix lm = MatrixUtils.createRealMatrix(l);
        RealMatrix w = lm.transposeMultiply(sInv);           // L^T S^-1 (n x k)
        double[][] m = w.multiply(lm).scalarMultiply(-0.5).getData();
        double[] bv = w.operate(h0);
        double c = -0.5 * k * Constants.LOG_2PI - 0.5 * logDet - 0.5 * sInv.operate(MatrixUtils.createRealVector(h0))
            .dotProduct(MatrixUtils.createRealVector(h0));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return new Quad(c, bv, m);
    }

    private int[] bits(int mask) {
        int[] out = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int i = 0; i < n(); i++) {
            if ((mask & (1 << i)) != 0) {
                out[k++] = i;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        int steps = steps();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "gaussian, T = %d steps%n", steps));
        sb.append("    beta_1..beta_T = [");
        for (int t = 1; t <= steps; t++) {
            sb.append(t > 1 ? ", " : "").append(ShortestDouble.toString(betas[t]));
        }
        sb.append("]\n");
        sb.append(String.format(Locale.ROOT, "    q(x_0) = N(%s, %s)%n", d(mu0), d(var0)));
        sb.append(String.format(Locale.ROOT, "    p(x_%d) = N(%s, %s)%n", steps, d(meanT), d(varT)));
        for (int t = steps; t >= 1; t--) {
            sb.append(String.format(Locale.ROOT, "    p(x_%d | x_%d) = N(%s * x_%d + %s, %s)%n", t - 1, t, d(ra[t]), t,
                d(rb[t]), d(rc[t])));
        }
        return sb.toString().stripTrailing();
    }

    private static String d(double x) {
        return ShortestDouble.toString(x);
    }
}
