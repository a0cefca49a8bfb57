package org.probity.spec.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.probity.math.ShortestDouble;
import org.probity.spec.ast.Function;

/**
 * A {@code gaussian} model instance: scalar linear-Gaussian diffusion with schedule β_1..β_T,
 * \( q(x_0) = N(\mu_0, v_0) \), \( q(x_t | x_{t-1}) = N(\sqrt{1-\beta_t} x_{t-1}, \beta_t) \);
 * \( p(x_T) = N(m_T, v_T) \), \( p(x_{t-1} | x_t) = N(a_t x_t + b_t, c_t) \). Each process is a
 * linear-Gaussian Markov chain ({@link GaussianChain}), and every density {@code q(A | B)} is built
 * from its factors, returned as the log-density quadratic in x. Also holds the points at which free
 * variables are checked.
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
    private final GaussianChain forward;
    private final GaussianChain reverse;
    private final Map<String, Quad> cache = new HashMap<>();

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
        this.forward = GaussianChain.forward(betas, mu0, var0);
        this.reverse = GaussianChain.reverse(meanT, varT, ra, rb, rc);
    }

    @Override
    public int steps() {
        return betas.length - 1;
    }

    @Override
    public String family() {
        return "gaussian";
    }

    @Override
    public String describeSize() {
        return String.format(Locale.ROOT, "T = %d steps", steps());
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

    /**
     * log q(A | B) or log p(A | B) as a quadratic in x, from the process's chain factors
     * ({@link GaussianChain}).
     *
     * @param a the variables of A (non-empty)
     * @param b the variables of B, disjoint from A
     */
    Quad logDensity(boolean generative, int[] a, int[] b) {
        String key = generative + ":" + Arrays.toString(a) + ":" + Arrays.toString(b);
        return cache.computeIfAbsent(key, k -> (generative ? reverse : forward).logConditional(a, b));
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
