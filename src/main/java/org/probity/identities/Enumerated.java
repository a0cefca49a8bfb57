package org.probity.identities;

import org.probity.chain.FiniteChain;
import org.probity.chain.PathEnumeration;
import org.probity.chain.ReverseChain;
import org.probity.math.NeumaierSum;

/**
 * Reference values of a (q, p) pair by one pass over all \( K^{T+1} \) paths, from the raw matrices
 * only (products of entries, compensated sums): independent of every dynamic program under test.
 * Whether q takes a path and whether p forbids it are decided by the factors, never by their
 * product, which underflows to 0 on paths of probability below \( 2^{-1074} \): a path that q
 * takes and p forbids makes VLB(x_0) infinite however small its probability.
 */
final class Enumerated {
    final int k;
    final int steps;
    /** \( \sum_{\text{paths}} q(x_{0:T}) \). */
    final double totalQ;
    /** \( \sum_{\text{paths}} p(x_{0:T}) \). */
    final double totalP;
    /** [t][i] = q(x_t = i). */
    final double[][] marginals;
    /** [t][x0][i][j] = q(x_{t-1} = i, x_t = j | x_0), t = 1..T (index t). */
    final double[][][][] triples;
    /** [t][x0][j] = q(x_t = j | x_0). */
    final double[][][] cumulative;
    /** [x0] = p(x_0). */
    final double[] likelihood;
    /** [x0] = E_{q(x_{1:T}|x_0)}[log q(x_{1:T}|x_0) - log p(x_{0:T})]. */
    final double[] vlb;
    /** [x0] = E_{q(x_{1:T}|x_0)}[sum |log q| + |log p|]: the magnitude of the terms of the VLB sums. */
    final double[] magnitude;
    /**
     * [x0] = the largest log q(x_{0:T}) over the paths from x_0 that q takes and p forbids (−∞ when
     * there are none): where it lies below log of the smallest normal number, the zero of p may be an
     * underflow of a reverse entry rather than a forbidden transition.
     */
    final double[] largestForbiddenLogJoint;
    /**
     * [x0] = the largest log q(x_{1:T} | x_0) over the same paths (−∞ when there are none): below log
     * of the smallest normal number, a reverse entry built from that path's probabilities may have
     * underflowed to 0, and {@link #vlb}[x0] = +∞ is then the reference's underflow, not the exact value.
     */
    final double[] largestForbiddenLogPath;

    /** log of the smallest normal double: below it a probability may be an underflow's result. */
    private static final double LOG_SMALLEST_NORMAL = Math.log(Double.MIN_NORMAL);

    Enumerated(FiniteChain q, ReverseChain p) {
        k = q.states();
        steps = q.steps();
        double[] pi = q.initial();
        double[][][] qs = new double[steps + 1][][];
        double[][][] ps = new double[steps + 1][][];
        for (int t = 1; t <= steps; t++) {
            qs[t] = q.transition(t);
            ps[t] = p.transition(t);
        }
        double[] prior = p.prior();
        NeumaierSum tq = NeumaierSum.create();
        NeumaierSum tp = NeumaierSum.create();
        NeumaierSum[][] m = sums(steps + 1, k);
        NeumaierSum[][][][] tr = new NeumaierSum[steps + 1][k][][];
        for (int t = 1; t <= steps; t++) {
            for (int x0 = 0; x0 < k; x0++) {
                tr[t][x0] = sums(k, k);
            }
        }
        NeumaierSum[] lik = sums(1, k)[0];
        NeumaierSum[] v = sums(1, k)[0];
        NeumaierSum[] mag = sums(1, k)[0];
        boolean[] infinite = new boolean[k];
        largestForbiddenLogJoint = new double[k];
        java.util.Arrays.fill(largestForbiddenLogJoint, Double.NEGATIVE_INFINITY);
        largestForbiddenLogPath = new double[k];
        java.util.Arrays.fill(largestForbiddenLogPath, Double.NEGATIVE_INFINITY);
        PathEnumeration.forEachPath(k, steps, path -> {
            int x0 = path[0];
            double cond = 1;
            boolean qReaches = true; // decided by the factors: the product may underflow to 0
            NeumaierSum logQ = NeumaierSum.create();
            NeumaierSum absQ = NeumaierSum.create();
            for (int t = 1; t <= steps; t++) {
                double e = qs[t][path[t - 1]][path[t]];
                qReaches &= e > 0;
                cond *= e;
                logQ.add(Math.log(e));
                absQ.add(Math.abs(Math.log(e)));
            }
            double pp = prior[path[steps]];
            NeumaierSum logP = NeumaierSum.create().add(Math.log(pp));
            NeumaierSum absP = NeumaierSum.create().add(Math.abs(Math.log(pp)));
            boolean pForbids = pp == 0;
            for (int t = steps; t >= 1; t--) {
                double e = ps[t][path[t]][path[t - 1]];
                pForbids |= e == 0; // decided by the factors: the product may underflow
                pp *= e;
                logP.add(Math.log(e));
                absP.add(Math.abs(Math.log(e)));
            }
            double joint = pi[x0] * cond;
            tq.add(joint);
            tp.add(pp);
            lik[x0].add(pp);
            for (int t = 0; t <= steps; t++) {
                m[t][path[t]].add(joint);
            }
            if (!qReaches) {
                return;
            }
            for (int t = 1; t <= steps; t++) {
                tr[t][x0][path[t - 1]][path[t]].add(cond);
            }
            if (pForbids) {
                infinite[x0] = true;
                largestForbiddenLogJoint[x0] = Math.max(largestForbiddenLogJoint[x0], Math.log(pi[x0]) + logQ.sum());
                largestForbiddenLogPath[x0] = Math.max(largestForbiddenLogPath[x0], logQ.sum());
                return;
            }
            v[x0].add(cond * (logQ.sum() - logP.sum()));
            mag[x0].add(cond * (absQ.sum() + absP.sum()));
        });
        totalQ = tq.sum();
        totalP = tp.sum();
        marginals = new double[steps + 1][k];
        for (int t = 0; t <= steps; t++) {
            for (int i = 0; i < k; i++) {
                marginals[t][i] = m[t][i].sum();
            }
        }
        triples = new double[steps + 1][k][k][k];
        cumulative = new double[steps + 1][k][k];
        for (int x0 = 0; x0 < k; x0++) {
            cumulative[0][x0][x0] = 1;
        }
        for (int t = 1; t <= steps; t++) {
            for (int x0 = 0; x0 < k; x0++) {
                for (int j = 0; j < k; j++) {
                    NeumaierSum col = NeumaierSum.create();
                    for (int i = 0; i < k; i++) {
                        triples[t][x0][i][j] = tr[t][x0][i][j].sum();
                        col.add(triples[t][x0][i][j]);
                    }
                    cumulative[t][x0][j] = col.sum();
                }
            }
        }
        likelihood = new double[k];
        vlb = new double[k];
        magnitude = new double[k];
        for (int x0 = 0; x0 < k; x0++) {
            likelihood[x0] = lik[x0].sum();
            vlb[x0] = infinite[x0] ? Double.POSITIVE_INFINITY : v[x0].sum();
            magnitude[x0] = infinite[x0] ? Double.POSITIVE_INFINITY : mag[x0].sum();
        }
    }

    /**
     * Whether every zero of p on a path from x_0 that q takes is a forbidden transition rather than a
     * possible underflow, judged by the path's joint probability q(x_{0:T}): there is no such path, or
     * the largest such joint lies in the normal range ({@link #largestForbiddenLogJoint}).
     */
    boolean forbiddenJointsNormal(int x0) {
        return noneOrNormal(largestForbiddenLogJoint[x0]);
    }

    /**
     * The same judged by the path's probability given x_0, q(x_{1:T} | x_0)
     * ({@link #largestForbiddenLogPath}): where it fails, {@link #vlb}[x0] = +∞ may be the reference's
     * underflow.
     */
    boolean forbiddenPathsNormal(int x0) {
        return noneOrNormal(largestForbiddenLogPath[x0]);
    }

    private static boolean noneOrNormal(double largestLog) {
        return largestLog == Double.NEGATIVE_INFINITY || largestLog >= LOG_SMALLEST_NORMAL;
    }

    private static NeumaierSum[][] sums(int rows, int cols) {
        NeumaierSum[][] s = new NeumaierSum[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                s[r][c] = NeumaierSum.create();
            }
        }
        return s;
    }
}
