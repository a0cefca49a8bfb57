package org.probity.chain;

import java.util.Arrays;
import java.util.Locale;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.probity.math.Constants;
import org.probity.math.NeumaierSum;

/**
 * A multivariate normal \( \mathcal N(\mu, \Sigma) \) with a full covariance: the joint, pairwise
 * marginals and conditionals of a {@link LinearGaussianChain}. Immutable.
 *
 * <p>Linear algebra by Cholesky factorisation (Hipparchus); densities and KL divergences are exact
 * up to the conditioning of \( \Sigma \) (relative error about \( n \kappa(\Sigma) u \)).
 */
public final class GaussianVector {
    private static final String MSG_SHAPE = "covariance: expected a %d x %d matrix, got %s";
    private static final String MSG_FINITE = "%s: expected finite entries, got %s at %s";
    private static final String MSG_DIM = "%s: expected dimension %d, got %d";
    private static final String MSG_SINGULAR = "covariance: expected a positive-definite matrix (%s), got %s";

    private final double[] mean;
    private final double[][] cov;

    private GaussianVector(double[] mean, double[][] cov) {
        this.mean = mean;
        this.cov = cov;
    }

    /**
     * \( \mathcal N(\mu, \Sigma) \).
     *
     * @param mean \( \mu \), finite entries
     * @param covariance \( \Sigma \), square of the same dimension, finite, symmetrised as
     *     \( (\Sigma + \Sigma^\top)/2 \); positive semi-definite is not checked here (densities and
     *     conditionals need positive definite and throw otherwise)
     * @return the distribution (arrays copied)
     */
    public static GaussianVector of(double[] mean, double[][] covariance) {
        int n = mean.length;
        if (covariance.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SHAPE, n, n, covariance.length + " rows"));
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FINITE, "mean", mean[i], "index " + i));
            }
            if (covariance[i].length != n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SHAPE, n, n, "row " + i + " of length " + covariance[i].length));
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0.5 * (covariance[i][j] + covariance[j][i]);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FINITE, "covariance", v, "(" + i + ", " + j + ")"));
                }
                c[i][j] = v;
            }
        }
        return new GaussianVector(mean.clone(), c);
    }

    /** The dimension n. */
    public int dimension() {
        return mean.length;
    }

    /** A copy of \( \mu \). */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of \( \Sigma \). */
    public double[][] covariance() {
        double[][] c = new double[cov.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = cov[i].clone();
        }
        return c;
    }

    /** The marginal of the coordinates {@code idx} (in that order). */
    public GaussianVector marginal(int... idx) {
        double[] m = new double[idx.length];
        double[][] c = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
            m[i] = mean[idx[i]];
            for (int j = 0; j < idx.length; j++) {
                c[i][j] = cov[idx[i]][idx[j]];
            }
        }
        return new GaussianVector(m, c);
    }

    /**
     * The conditional of coordinates {@code targets} given coordinates {@code given} equal
     * {@code values}, by the Schur complement:
     * \( \mu_A + \Sigma_{AB}\Sigma_{BB}^{-1}(x_B - \mu_B) \), \( \Sigma_{AA} - \Sigma_{AB}\Sigma_{BB}^{-1}\Sigma_{BA} \).
     *
     * @throws IllegalArgumentException if \( \Sigma_{BB} \) is not positive definite
     */
    public GaussianVector conditional(int[] targets, int[] given, double[] values) {
        if (values.length != given.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, "values", given.length, values.length));
        }
        if (given.length == 0) {
            return marginal(targets);
        }
        DecompositionSolver s = cholesky(marginal(given).cov, "conditioning block");
        RealMatrix sab = new Array2DRowRealMatrix(targets.length, given.length);
        double[] resid = new double[given.length];
        for (int j = 0; j < given.length; j++) {
            resid[j] = values[j] - mean[given[j]];
            for (int i = 0; i < targets.length; i++) {
                sab.setEntry(i, j, cov[targets[i]][given[j]]);
            }
        }
        RealMatrix k = s.solve(sab.transpose()).transpose(); // Sigma_AB Sigma_BB^-1
        RealVector shift = k.operate(MatrixUtils.createRealVector(resid));
        RealMatrix reduce = k.multiply(sab.transpose());
        double[] m = new double[targets.length];
        double[][] c = new double[targets.length][targets.length];
        for (int i = 0; i < targets.length; i++) {
            m[i] = mean[targets[i]] + shift.getEntry(i);
            for (int j = 0; j < targets.length; j++) {
                c[i][j] = cov[targets[i]][targets[j]] - 0.5 * (reduce.getEntry(i, j) + reduce.getEntry(j, i));
            }
        }
        return new GaussianVector(m, c);
    }

    /**
     * \( \log \mathcal N(x; \mu, \Sigma) = -\tfrac12 [n \log 2\pi + \log\det\Sigma + (x-\mu)^\top\Sigma^{-1}(x-\mu)] \).
     *
     * @throws IllegalArgumentException if \( \Sigma \) is not positive definite
     */
    public double logDensity(double... x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, "x", mean.length, x.length));
        }
        CholeskyDecomposition ch = choleskyOf(cov, "density");
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - mean[i];
        }
        double quad = quadratic(ch, d);
        return -0.5 * (mean.length * Constants.LOG_2PI + logDet(ch) + quad);
    }

    /**
     * \( \mathrm{KL}(\text{this} \,\|\, q) = \tfrac12[\mathrm{tr}(\Sigma_q^{-1}\Sigma_p) + (\mu_q-\mu_p)^\top\Sigma_q^{-1}(\mu_q-\mu_p) - n + \log\det\Sigma_q - \log\det\Sigma_p] \), in nats.
     *
     * @throws IllegalArgumentException if either covariance is not positive definite or dimensions differ
     */
    public double klDivergence(GaussianVector q) {
        if (q.dimension() != dimension()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, "q", dimension(), q.dimension()));
        }
        CholeskyDecomposition cq = choleskyOf(q.cov, "second argument");
        CholeskyDecomposition cp = choleskyOf(cov, "first argument");
        RealMatrix x = cq.getSolver().solve(new Array2DRowRealMatrix(cov, false));
        NeumaierSum s = NeumaierSum.create();
        for (int i = 0; i < mean.length; i++) {
            s.add(x.getEntry(i, i));
        }
        double[] d = new double[mean.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = q.mean[i] - mean[i];
        }
        s.add(quadratic(cq, d)).add(-mean.length).add(logDet(cq)).add(-logDet(cp));
        return Math.max(0, 0.5 * s.sum());
    }

    private static double quadratic(CholeskyDecomposition ch, double[] d) {
        double[] y = forwardSolve(ch.getL(), d);
        return NeumaierSum.dot(y, y);
    }

    private static double[] forwardSolve(RealMatrix l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            NeumaierSum s = NeumaierSum.create().add(b[i]);
            for (int j = 0; j < i; j++) {
                s.add(-l.getEntry(i, j) * y[j]);
            }
            y[i] = s.sum() / l.getEntry(i, i);
        }
        return y;
    }

    private static double logDet(CholeskyDecomposition ch) {
        RealMatrix l = ch.getL();
        NeumaierSum s = NeumaierSum.create();
        for (int i = 0; i < l.getRowDimension(); i++) {
            s.add(2 * Math.log(l.getEntry(i, i)));
        }
        return s.sum();
    }

    private static CholeskyDecomposition choleskyOf(double[][] c, String what) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(c, true), 1e-14, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SINGULAR, what, Arrays.deepToString(c)), e);
        }
    }

    private static DecompositionSolver cholesky(double[][] c, String what) {
        return choleskyOf(c, what).getSolver();
    }

    @Override
    public String toString() {
        return "GaussianVector[mean=" + Arrays.toString(mean) + ", covariance=" + Arrays.deepToString(cov) + "]";
    }
}
