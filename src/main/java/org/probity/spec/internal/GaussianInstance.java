package org.probity.spec.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.probity.diffusion.LogSnrSchedule;
import org.probity.math.Counts;
import org.probity.math.ShortestDouble;
import org.probity.spec.ast.Function;

/**
 * A {@code gaussian} model instance: linear-Gaussian diffusion in d dimensions with schedule
 * β_1..β_T, \( q(x_0) = N(\mu_0, \mathrm{diag}(v_0)) \),
 * \( q(x_t | x_{t-1}) = N(\sqrt{1-\beta_t} x_{t-1}, \beta_t I) \);
 * \( p(x_T) = N(m_T, \mathrm{diag}(v_T)) \), \( p(x_{t-1} | x_t) = N(a_t \odot x_t + b_t, \mathrm{diag}(c_t)) \).
 * Both processes are products over the dimensions of scalar linear-Gaussian Markov chains
 * ({@link GaussianChain}); every density {@code q(A | B)} is built from their factors, returned as
 * the log-density quadratic in the slots x_{t,i} (slot t d + i). Also holds the points at which
 * free variables are checked (one value per slot).
 */
public final class GaussianInstance implements ModelInstance {
    private final GaussianParameters par;
    private final double[][] points;
    private final GaussianChain[] forward;
    private final GaussianChain[] reverse;
    private final Map<String, Quad> cache = new HashMap<>();
    private final Networks networks;
    /** The continuous-time schedule of a {@code vdm} model, or null. */
    private final LogSnrSchedule continuous;
    /** The first call of a time function at a time outside [0, 1] on this instance, and that time (for the reason). */
    private Object outsideTimeNode;
    private double outsideTime;

    GaussianInstance(GaussianParameters par, double[][] points) {
        this(par, points, Networks.NONE);
    }

    GaussianInstance(GaussianParameters par, double[][] points, Networks networks) {
        this(par, points, networks, null);
    }

    GaussianInstance(GaussianParameters par, double[][] points, Networks networks, LogSnrSchedule continuous) {
        this.par = par;
        this.networks = networks;
        this.continuous = continuous;
        this.points = points;
        int d = par.dims();
        this.forward = new GaussianChain[d];
        this.reverse = new GaussianChain[d];
        for (int i = 0; i < d; i++) {
            forward[i] = GaussianChain.forward(par.betas(), par.mu0()[i], par.var0()[i], d, i);
            reverse[i] = GaussianChain.reverse(par.meanT()[i], par.varT()[i], column(par.ra(), i), column(par.rb(), i),
                column(par.rc(), i), d, i);
        }
    }

    /** A one-dimensional instance. */
    GaussianInstance(double[] betas, double mu0, double var0, double meanT, double varT, double[] ra, double[] rb,
                     double[] rc, double[][] points) {
        this(GaussianParameters.scalar(betas, mu0, var0, meanT, varT, ra, rb, rc), points);
    }

    private static double[] column(double[][] m, int i) {
        double[] out = new double[m.length];
        for (int t = 1; t < m.length; t++) {
            out[t] = m[t][i];
        }
        return out;
    }

    @Override
    public int steps() {
        return par.steps();
    }

    @Override
    public String family() {
        return "gaussian";
    }

    @Override
    public String describeSize() {
        return "T = " + Counts.of(steps(), "step") + (par.dims() == 1 ? "" : ", d = " + par.dims());
    }

    /** The number of variable slots: (T + 1) d. */
    int n() {
        return (steps() + 1) * par.dims();
    }

    /** The dimension d. */
    int dims() {
        return par.dims();
    }

    /** The parameters. */
    GaussianParameters parameters() {
        return par;
    }

    double[][] points() {
        return points;
    }

    double mu0() {
        return par.mu0()[0];
    }

    double var0() {
        return par.var0()[0];
    }

    /** Dimension 0: p(x_T) = N(meanT, varT) for t = 0; p(x_{t-1} | x_t) = N(ra[t] x_t + rb[t], rc[t]). */
    double[] reverseParameters(int t) {
        return t == 0 ? new double[] {par.meanT()[0], par.varT()[0]}
            : new double[] {par.ra()[t][0], par.rb()[t][0], par.rc()[t][0]};
    }

    /** β_t for t in 1..T (β_0 = 0). */
    double beta(int t) {
        return par.betas()[t];
    }

    /** ᾱ_t = prod_{s <= t} (1 - β_s), ᾱ_0 = 1. */
    double alphaBar(int t) {
        double a = 1;
        for (int s = 1; s <= t; s++) {
            a *= 1 - par.betas()[s];
        }
        return a;
    }

    /**
     * A schedule function at step t in 0..T (β_0 = 0, ᾱ_0 = 1).
     *
     * @throws IllegalArgumentException for a function that is not one of the schedule
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
            case LOG, EXP, SQRT, ABS, SUMDIMS, DOT, NORM2, TR, DET, DIAG, GAMMA, GAMMA_PRIME, SNR_T, SNR_PRIME, ALPHA_T,
                SIGMA_T, PI -> throw new IllegalArgumentException(
                "function: expected a schedule function, got " + f);
        };
    }

    /** The continuous-time log-SNR schedule of a {@code vdm} model, or null in a plain gaussian model. */
    LogSnrSchedule continuous() {
        return continuous;
    }

    /**
     * A time function of a {@code vdm} model at t (VDM §3: γ, γ′, SNR = e^{−γ}, SNR′ = −γ′ SNR,
     * α_t = √sigmoid(−γ), σ_t = √sigmoid(γ)); NaN (undefined) for t outside [0, 1].
     *
     * @throws IllegalArgumentException for a function that is not one of time, or a model without a schedule
     */
    double time(Function f, double t, Object node) {
        if (!(t >= 0 && t <= 1) && outsideTimeNode == null) {
            outsideTimeNode = node;
            outsideTime = t;
        }
        return time(f, t);
    }

    /** The node of the first time-function call outside [0, 1] on this instance (undefined there), or null. */
    Object outsideTimeNode() {
        return outsideTimeNode;
    }

    /** The time of {@link #outsideTimeNode()}. */
    double outsideTime() {
        return outsideTime;
    }

    double time(Function f, double t) {
        if (continuous == null) {
            throw new IllegalArgumentException("time: a vdm model's function, got " + f + " on a gaussian model");
        }
        if (!(t >= 0 && t <= 1)) {
            return Double.NaN;
        }
        return switch (f) {
            case GAMMA -> continuous.gamma(t);
            case GAMMA_PRIME -> continuous.gammaDerivative(t);
            case SNR_T -> continuous.snr(t);
            case SNR_PRIME -> continuous.snrDerivative(t);
            case ALPHA_T -> continuous.alpha(t);
            case SIGMA_T -> continuous.sigma(t);
            case LOG, EXP, SQRT, ABS, BETA, ALPHA, ABAR, SNR, SUMDIMS, DOT, NORM2, TR, DET, DIAG, PI ->
                throw new IllegalArgumentException("function: expected a time function, got " + f);
        };
    }

    /**
     * log q(A | B) or log p(A | B) as a quadratic in the first {@code slots} slots (at least
     * {@link #n()}; the rest are auxiliary variables), summed over the dimensions.
     *
     * @param a the variables (times) of A
     * @param b the variables of B; one also in A is given itself (factor 1)
     */
    Quad logDensity(boolean generative, int[] a, int[] b, int slots) {
        String key = generative + ":" + Arrays.toString(a) + ":" + Arrays.toString(b) + ":" + slots;
        return cache.computeIfAbsent(key, k -> {
            GaussianChain.Accumulator acc = new GaussianChain.Accumulator(slots);
            for (GaussianChain c : generative ? reverse : forward) {
                c.logConditional(a, b, acc);
            }
            return acc.quad();
        });
    }

    /** log q(A | B) or log p(A | B) over the model's slots only. */
    Quad logDensity(boolean generative, int[] a, int[] b) {
        return logDensity(generative, a, b, n());
    }

    /** The networks drawn for this instance. */
    Networks networks() {
        return networks;
    }

    @Override
    public String toString() {
        String base = continuous == null ? par.toString() : par + "\n    continuous-time schedule: gamma(t) = "
            + continuous.name();
        return networks.isEmpty() ? base : base + "\n" + networks;
    }

    static String d(double x) {
        return ShortestDouble.toString(x);
    }
}
