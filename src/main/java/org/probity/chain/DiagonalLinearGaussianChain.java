package org.probity.chain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probity.math.NeumaierSum;

/**
 * A diagonal linear-Gaussian chain in D dimensions: D independent {@link LinearGaussianChain}s with
 * the same number of steps, \( x_{t,d} = a_{t,d} x_{t-1,d} + b_{t,d} + \mathcal N(0, v_{t,d}) \) (the
 * forward process of a Gaussian diffusion on an image, or a diagonal reverse model). Densities and
 * expectations of additive functionals are sums over dimensions of the scalar closed forms, summed
 * with compensation. Immutable.
 */
public final class DiagonalLinearGaussianChain {
    private static final String MSG_EMPTY = "dimensions: expected at least one chain, got 0";
    private static final String MSG_STEPS = "dimensions[%d]: expected %d steps like dimension 0, got %d";
    private static final String MSG_DIM = "%s: expected %d entries (one per dimension), got %d";

    private final LinearGaussianChain[] dims;

    private DiagonalLinearGaussianChain(LinearGaussianChain[] dims) {
        this.dims = dims;
    }

    /**
     * The product of the given scalar chains.
     *
     * @param dimensions one chain per dimension, all with the same number of steps
     * @return the diagonal chain
     * @throws IllegalArgumentException if empty or the step counts differ
     */
    public static DiagonalLinearGaussianChain of(List<LinearGaussianChain> dimensions) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException(MSG_EMPTY);
        }
        LinearGaussianChain[] d = dimensions.toArray(new LinearGaussianChain[0]);
        for (int i = 0; i < d.length; i++) {
            Objects.requireNonNull(d[i], "dimensions[" + i + "]");
            if (d[i].steps() != d[0].steps()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEPS, i, d[0].steps(), d[i].steps()));
            }
        }
        return new DiagonalLinearGaussianChain(d);
    }

    /**
     * D chains that share their coefficients \( a_t, b_t, v_t \) and differ in their start
     * \( \mathcal N(m_{0,d}, P_{0,d}) \) (a Gaussian diffusion applied to every pixel of an image).
     */
    public static DiagonalLinearGaussianChain shared(double[] initialMeans, double[] initialVariances, double[] gains,
                                                     double[] offsets, double[] noiseVariances) {
        if (initialVariances.length != initialMeans.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, "initialVariances", initialMeans.length,
                initialVariances.length));
        }
        LinearGaussianChain[] d = new LinearGaussianChain[initialMeans.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = LinearGaussianChain.of(initialMeans[i], initialVariances[i], gains, offsets, noiseVariances);
        }
        return of(List.of(d));
    }

    /** D. */
    public int dimension() {
        return dims.length;
    }

    /** T. */
    public int steps() {
        return dims[0].steps();
    }

    /** The scalar chain of dimension d. */
    public LinearGaussianChain component(int d) {
        return dims[d];
    }

    /** \( E[x_t] \), one entry per dimension. */
    public double[] mean(int t) {
        double[] m = new double[dims.length];
        for (int d = 0; d < m.length; d++) {
            m[d] = dims[d].mean(t);
        }
        return m;
    }

    /** \( \mathrm{Var}[x_t] \) (the diagonal of the covariance), one entry per dimension. */
    public double[] variance(int t) {
        double[] v = new double[dims.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = dims[d].variance(t);
        }
        return v;
    }

    /** \( \log p(x_{0:T}) = \sum_d \log p_d(x_{0:T,d}) \); {@code path[t][d]}. */
    public double logDensity(double[][] path) {
        if (path.length != steps() + 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, "path", steps() + 1, path.length));
        }
        NeumaierSum s = NeumaierSum.create();
        double[] column = new double[path.length];
        for (int d = 0; d < dims.length; d++) {
            for (int t = 0; t < path.length; t++) {
                if (path[t].length != dims.length) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, "path[" + t + "]", dims.length, path[t].length));
                }
                column[t] = path[t][d];
            }
            s.add(dims[d].logDensity(column));
        }
        return s.sum();
    }

    /**
     * \( E\big[\sum_d \sum_t Q_t(x_{t-1,d}, x_{t,d})\big] \) for the same per-step quadratics in every
     * dimension ({@link LinearGaussianChain#expectation}).
     */
    public double expectation(StepQuadratic... perStep) {
        NeumaierSum s = NeumaierSum.create();
        for (LinearGaussianChain c : dims) {
            s.add(c.expectation(perStep));
        }
        return s.sum();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DiagonalLinearGaussianChain[D=%d, T=%d]", dims.length, steps());
    }
}
