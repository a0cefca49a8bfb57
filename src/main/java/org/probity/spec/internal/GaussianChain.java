package org.probity.spec.internal;

import java.util.Arrays;

/**
 * A scalar linear-Gaussian Markov chain read in its own order: position 0 is
 * \( \mathcal N(m_0, v_0) \), position k is \( x = g_k x_{prev} + h_k + \mathcal N(0, w_k) \). The
 * forward process q runs x_0 → x_T; the generative process p runs x_T → x_0.
 *
 * <p>Every density {@code q(A | B)} is built from the chain's factors, never from the joint
 * covariance: with S = A ∪ B in chain order, \( \log q(A | B) = \log q(S) - \log q(B) \), where each
 * marginal is a start factor times composed transitions \( f(x_v | x_u) = \mathcal N(G x_u + H, W) \)
 * between consecutive elements, and the factors that the two marginals share (consecutive elements
 * of B with no element of A between them) are left out rather than subtracted. Composed gains,
 * offsets and variances come from the recurrences \( G' = g G \), \( H' = g H + h \),
 * \( W' = g^2 W + w \) — sums of non-negative terms, so W has a relative error of a few u even when it
 * is 1e-5 and 1 - ᾱ would cancel. The Schur complement of a nearly singular covariance (x_{t-1} and
 * x_t nearly collinear for small β) is what it replaces: that lost about u κ relative, κ up to 1e5
 * (issue 15 item 6: log q(x_1 | x_2, x_0) off by 2e-8 at β = [1e-4, 1e-3]).
 */
final class GaussianChain {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** time[k]: the model's variable index at chain position k. */
    private final int[] time;
    /** position[i]: the chain position of the model's variable x_i. */
    private final int[] position;
    private final double m0;
    private final double v0;
    private final double[] g;
    private final double[] h;
    private final double[] w;

    private GaussianChain(int[] time, double m0, double v0, double[] g, double[] h, double[] w) {
        this.time = time;
        this.position = new int[time.length];
        for (int k = 0; k < time.length; k++) {
            position[time[k]] = k;
        }
        this.m0 = m0;
        this.v0 = v0;
        this.g = g;
        this.h = h;
        this.w = w;
    }

    /** q: x_0 ~ N(μ_0, v_0), x_t = sqrt(1 - β_t) x_{t-1} + N(0, β_t); {@code betas[0]} unused. */
    static GaussianChain forward(double[] betas, double mu0, double var0) {
        int n = betas.length;
        int[] time = new int[n];
        double[] g = new double[n];
        double[] h = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            time[k] = k;
            if (k > 0) {
                g[k] = Math.sqrt(1 - betas[k]);
                w[k] = betas[k];
            }
        }
        return new GaussianChain(time, mu0, var0, g, h, w);
    }

    /** p: x_T ~ N(m_T, v_T), x_{t-1} = a_t x_t + b_t + N(0, c_t); arrays indexed by t = 1..T. */
    static GaussianChain reverse(double meanT, double varT, double[] a, double[] b, double[] c) {
        int n = a.length;
        int steps = n - 1;
        int[] time = new int[n];
        double[] g = new double[n];
        double[] h = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            time[k] = steps - k;
            if (k > 0) {
                int t = steps - k + 1;
                g[k] = a[t];
                h[k] = b[t];
                w[k] = c[t];
            }
        }
        return new GaussianChain(time, meanT, varT, g, h, w);
    }

    /**
     * \( \log p(x_A | x_B) \) as a quadratic in the model's variables x_0..x_{n-1}.
     *
     * @param targets the variables of A (non-empty, distinct, disjoint from {@code given})
     * @param given the variables of B
     */
    Quad logConditional(int[] targets, int[] given) {
        int n = time.length;
        boolean[] inA = new boolean[n];
        boolean[] inS = new boolean[n];
        for (int i : targets) {
            inA[position[i]] = true;
            inS[position[i]] = true;
        }
        for (int i : given) {
            inS[position[i]] = true;
        }
        Accumulator q = new Accumulator(n);
        int prev = -1;
        int prevGiven = -1;
        boolean pending = false;
        for (int k = 0; k < n; k++) {
            if (!inS[k]) {
                continue;
            }
            if (inA[k]) {
                add(q, prev, k, 1);
                pending = true;
            } else {
                if (pending) {
                    add(q, prev, k, 1);
                    add(q, prevGiven, k, -1);
                }
                prevGiven = k;
                pending = false;
            }
            prev = k;
        }
        return q.quad();
    }

    /**
     * Adds {@code sign} times log f(x at v | x at u), the composed transition N(G x_u + H, W), or for
     * u < 0 the marginal N(M_v, V_v) at v.
     */
    private void add(Accumulator q, int u, int v, double sign) {
        double gain = 1;
        double offset = u < 0 ? m0 : 0;
        double var = u < 0 ? v0 : 0;
        for (int j = u < 0 ? 1 : u + 1; j <= v; j++) {
            gain = g[j] * gain;
            offset = g[j] * offset + h[j];
            var = g[j] * g[j] * var + w[j];
        }
        q.gaussian(sign, time[v], u < 0 ? -1 : time[u], gain, offset, var);
    }

    /** c + b^T x + x^T M x, summed in place (one n x n array however many factors). */
    private static final class Accumulator {
        private double c;
        private final double[] b;
        private final double[][] m;

        Accumulator(int n) {
            b = new double[n];
            m = new double[n][n];
        }

        /** Adds sign log N(x_i; gain x_j + offset, var) (j < 0: no x_j). */
        void gaussian(double sign, int i, int j, double gain, double offset, double var) {
            c += sign * (-0.5 * offset * offset / var - 0.5 * (LOG_2PI + Math.log(var)));
            b[i] += sign * offset / var;
            m[i][i] += sign * -0.5 / var;
            if (j >= 0) {
                b[j] += sign * -gain * offset / var;
                m[j][j] += sign * -0.5 * gain * gain / var;
                m[i][j] += sign * 0.5 * gain / var;
                m[j][i] += sign * 0.5 * gain / var;
            }
        }

        Quad quad() {
            return new Quad(c, b, m);
        }
    }

    @Override
    public String toString() {
        return "chain " + Arrays.toString(time);
    }
}
