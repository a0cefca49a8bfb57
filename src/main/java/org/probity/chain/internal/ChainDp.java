package org.probity.chain.internal;

import org.probity.chain.PathFunctional;
import org.probity.chain.TransitionSource;
import org.probity.divergence.Kl;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;

/**
 * The dynamic programs over finite Markov chains (marginal propagation and the parallel split of rows are
 * in {@link Propagation}): backward values of additive functionals, the variational bound and its decomposition, the likelihood of a
 * reverse chain, and the chain-rule KL between two chains. Every routine is \( O(T K^2) \) time and
 * \( O(K^2) \) extra memory (one or two matrices of the sequence at a time), with compensated
 * (Neumaier) sums; categorical KL terms by {@link Kl#categorical(double[], double[])}; terms of probability 0 contribute 0 (DESIGN.md: \( 0 \log 0 = 0 \)), a positive
 * probability against a zero one gives \( +\infty \).
 *
 * <p>Speed: the per-step loops are branch-free where they can be (TwoSum instead of the branching
 * Neumaier step: the same error term, bit for bit, and a loop the JIT vectorises), the log-ratio terms
 * use {@link LogSpace#klTermFast} (one {@code Math.log} per entry, error at most 3 ulps per term; see
 * there), and for \( K \ge \) {@value Propagation#PARALLEL_STATES} the K rows of a step (and from
 * {@value Propagation#PARALLEL_PROPAGATION_STATES} the columns of a propagation) are split over the cores
 * (each row is summed by one thread in a fixed order, so results do not depend on the number of
 * threads). A source that stores its matrices hands them over read-only
 * ({@link TransitionSource#storedTransition}): they are read in place, never written (transposes and
 * logs go to buffers of this class), and not copied; the others are filled into buffers. The bound
 * ({@link #vlbAndLogLikelihoods}) makes one parallel phase of a step (one join): the matrices of the
 * next step that are not stored are filled into second buffers (memory-bound work beside
 * compute-bound work; five K x K matrices in all), and each block of rows transposes its columns of the
 * reverse matrix and computes its rows of \( V_{t-1} \) and, from the same rows of
 * \( P_t^{\mathsf T} \) while they are in cache, its entries of \( m_{t-1} = m_t P_t \) (compensated dot
 * products: the error bound of the column-wise propagation, another order). With the module {@code jdk.incubator.vector} present, the
 * rows run on SIMD lanes ({@link VectorKernels}: the same term, a vector {@code LOG}, per-lane
 * compensated sums).
 */
public final class ChainDp {
    /**
     * Whether the Vector API row kernel runs ({@link VectorKernels}): when the JVM was started with
     * {@code --add-modules jdk.incubator.vector} (the {@code probity} launcher, Surefire and the
     * benchmarks are) and {@code -Dprobity.vector=false} is not set.
     */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
        && !"false".equals(System.getProperty("probity.vector"));

    private ChainDp() {
    }

    /**
     * Backward values \( V_0(i) = \mathbb{E}[F \mid x_0 = i] \) of an additive functional:
     * \( V_T = h \), \( V_{t-1}(i) = \sum_j Q_t[i][j] (f_t(i, j) + V_t(j)) \), then \( + g(i) \).
     * Terms with \( Q_t[i][j] = 0 \) are skipped.
     */
    public static double[] valuesByStart(TransitionSource src, PathFunctional f) {
        int k = src.states();
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = f.end(i);
        }
        double[][] buffer = new double[k][k];
        for (int t = src.steps(); t >= 1; t--) {
            double[][] q = Propagation.matrix(src, t, buffer);
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                NeumaierSum s = NeumaierSum.create();
                double[] row = q[i];
                for (int j = 0; j < k; j++) {
                    if (row[j] != 0) {
                        s.add(row[j] * f.step(t, i, j));
                        s.add(row[j] * v[j]);
                    }
                }
                next[i] = s.sum();
            }
            v = next;
        }
        for (int i = 0; i < k; i++) {
            v[i] += f.start(i);
        }
        return v;
    }

    /**
     * \( \mathrm{VLB}(x_0) = \mathbb{E}_{q(x_{1:T} \mid x_0)}[\log q(x_{1:T} \mid x_0) - \log p(x_{0:T})] \)
     * for every \( x_0 \) in one backward pass:
     * \( V_T(i) = -\log p(x_T = i) \),
     * \( V_{t-1}(i) = \sum_j Q_t[i][j] \log(Q_t[i][j] / P_t[j][i]) + Q_t[i][j] V_t(j) \).
     *
     * @param q the forward matrices \( Q_t[i][j] = q(x_t = j \mid x_{t-1} = i) \)
     * @param prior \( p(x_T) \)
     * @param p the reverse matrices \( P_t[i][j] = p(x_{t-1} = j \mid x_t = i) \)
     * @return the K values, \( +\infty \) where q reaches a path that p gives probability 0
     */
    public static double[] vlbByStart(TransitionSource q, double[] prior, TransitionSource p) {
        return bound(q, prior, p, false)[0];
    }

    /**
     * {@link #vlbByStart} and {@link #logLikelihoods} in one backward pass (both run t = T..1 over the
     * same reverse matrices, so each is filled once): {@code {VLB(x_0) for every x_0, log p(x_0) for
     * every x_0}}.
     */
    public static double[][] vlbAndLogLikelihoods(TransitionSource q, double[] prior, TransitionSource p) {
        return bound(q, prior, p, true);
    }

    private static double[][] bound(TransitionSource q, double[] prior, TransitionSource p, boolean likelihoods) {
        int k = q.states();
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = -Math.log(prior[i]);
        }
        double[] m = prior.clone();
        double[] mNext = new double[k];
        // two buffers for each sequence: step t is computed from one while step t - 1 is filled into the other
        double[][][] qs = {new double[k][k], new double[k][k]};
        double[][][] ps = {new double[k][k], new double[k][k]};
        double[][] ptT = new double[k][k];
        double[] next = new double[k];
        boolean vector = VECTOR && k >= 2 * VectorKernels.lanes();
        // Q_t and P_t: a matrix the source stores is read in place (never written here), others are filled
        double[][][] now = q.steps() == 0 ? new double[2][][] : Propagation.matrices(q, qs[0], p, ps[0], q.steps());
        for (int t = q.steps(), b = 0; t >= 1; t--, b ^= 1) {
            double[][] qt = now[0];
            double[][] pt = now[1];
            int prev = t - 1;
            double[][] qNext = prev == 0 ? null : q.storedTransition(prev);
            double[][] pNext = prev == 0 ? null : p.storedTransition(prev);
            Runnable[] prefetch = new Runnable[(prev > 0 && qNext == null ? 1 : 0) + (prev > 0 && pNext == null ? 1 : 0)];
            int tasks = 0;
            if (prev > 0 && qNext == null) {
                double[][] buffer = qs[b ^ 1];
                qNext = buffer;
                prefetch[tasks++] = () -> q.fill(prev, buffer);
            }
            if (prev > 0 && pNext == null) {
                double[][] buffer = ps[b ^ 1];
                pNext = buffer;
                prefetch[tasks++] = () -> p.fill(prev, buffer);
            }
            now = new double[][][] {qNext, pNext};
            double[] cur = v;
            double[] weights = m;
            double[] out = mNext;
            boolean finite = vector && allFinite(cur);
            // one parallel phase per step: the two matrices of step t - 1 are filled, and each block of rows
            // transposes its columns of P_t, then computes its rows of V_{t-1} and (from the same rows of
            // P_t^T, still in cache) of m_{t-1} = m_t P_t
            Propagation.forBlocks(k, prefetch, (from, to) -> {
                Propagation.transposeRows(pt, ptT, from, to, k);
                double[] scratch = vector ? new double[2 * k] : null;
                for (int i = from; i < to; i++) {
                    next[i] = vlbRow(qt[i], ptT[i], null, cur, finite ? scratch : null);
                    if (likelihoods) {
                        // the exact value is a probability: rounding above 1 is clamped, which only reduces the error
                        out[i] = Math.min(1.0, vector ? VectorKernels.dot(ptT[i], weights, scratch) : Propagation.dot(ptT[i], weights));
                    }
                }
            });
            // a row that met a reverse probability q reaches below the normal range (NaN) is recomputed
            // with the logs of the source, which keep the value of an entry that underflowed
            boolean again = false;
            for (int i = 0; i < k && !again; i++) {
                again = Double.isNaN(next[i]);
            }
            if (again) {
                // into a buffer of its own: pt may be the source's stored matrix, which is never written
                double[][] logPt = new double[k][k];
                p.fillLog(t, logPt);
                double[][] logPtT = new double[k][k];
                Propagation.transpose(logPt, logPtT, k);
                Propagation.forRows(k, i -> next[i] = Double.isNaN(next[i]) ? vlbRow(qt[i], ptT[i], logPtT[i], cur, null) : next[i]);
            }
            System.arraycopy(next, 0, v, 0, k);
            if (likelihoods) {
                mNext = m;
                m = out;
            }
        }
        for (int i = 0; i < k; i++) {
            m[i] = Math.log(m[i]);
        }
        return new double[][] {v, m};
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * \( \sum_j Q[i][j] \log(Q[i][j] / P[j][i]) + Q[i][j] V(j) \) for one row, both kinds of term added
     * with TwoSum into one compensated sum; \( +\infty \) when a q-reachable j has \( P[j][i] = 0 \) or
     * \( V(j) = +\infty \). With {@code scratch} (2K doubles; only when every V(j) is finite) the SIMD
     * kernel runs first.
     */
    private static double vlbRow(double[] qrow, double[] prow, double[] logRow, double[] v, double[] scratch) {
        if (scratch != null) {
            double fast = VectorKernels.vlbRow(qrow, prow, v, scratch);
            if (!Double.isNaN(fast)) {
                return fast;
            }
        }
        double s = 0;
        double c = 0;
        for (int j = 0; j < qrow.length; j++) {
            double qij = qrow[j];
            if (qij == 0) {
                continue;
            }
            double vj = v[j];
            double pji = prow[j];
            double x;
            if (pji < Double.MIN_NORMAL) {
                if (logRow == null) {
                    return Double.NaN; // the caller recomputes the row with the logs of the source
                }
                x = logRow[j] == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : qij * (Math.log(qij) - logRow[j]);
            } else {
                x = pji == 0 ? Double.POSITIVE_INFINITY : LogSpace.klTermFast(qij, pji);
            }
            if (x == Double.POSITIVE_INFINITY || vj == Double.POSITIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
            double u = s + x;
            double bb = u - s;
            c += (s - (u - bb)) + (x - bb);
            s = u;
            x = qij * vj;
            u = s + x;
            bb = u - s;
            c += (s - (u - bb)) + (x - bb);
            s = u;
        }
        return s + c;
    }

    /**
     * \( \log p(x_0) \) for every \( x_0 \): the prior pushed through \( P_T, \dots, P_1 \).
     * \( -\infty \) where \( p(x_0) = 0 \) (or underflows below the smallest subnormal).
     */
    public static double[] logLikelihoods(double[] prior, TransitionSource p) {
        int k = p.states();
        double[] v = prior.clone();
        double[] out = new double[k];
        double[] comp = new double[k];
        double[][] buffer = new double[k][k];
        for (int t = p.steps(); t >= 1; t--) {
            Propagation.propagate(v, Propagation.matrix(p, t, buffer), out, comp);
            double[] swap = v;
            v = out;
            out = swap;
        }
        for (int i = 0; i < k; i++) {
            v[i] = Math.log(v[i]);
        }
        return v;
    }

    /**
     * The terms of the decomposition \( \mathrm{VLB}(x_0) = L_T + \sum_{t=2}^{T} L_{t-1} + L_0 \)
     * (Sohl-Dickstein et al. 2015; Ho et al. 2020, eq. 5): index 0 holds
     * \( L_0 = -\mathbb{E}_{q(x_1 \mid x_0)} \log p(x_0 \mid x_1) \), index \( t - 1 \) for
     * \( t = 2..T \) holds
     * \( L_{t-1} = \mathbb{E}_{q(x_t \mid x_0)} \mathrm{KL}(q(x_{t-1} \mid x_t, x_0) \,\|\, p(x_{t-1} \mid x_t)) \),
     * index T holds \( L_T = \mathrm{KL}(q(x_T \mid x_0) \,\|\, p(x_T)) \). The forward posterior is
     * computed by Bayes' rule from the propagated marginals. Requires \( T \ge 1 \).
     */
    public static double[] vlbTerms(int x0, TransitionSource q, double[] prior, TransitionSource p) {
        int k = q.states();
        int steps = q.steps();
        double[] terms = new double[steps + 1];
        double[] prev = new double[k];
        prev[x0] = 1;
        double[] cur = new double[k];
        double[] comp = new double[k];
        double[][] qBuffer = new double[k][k];
        double[][] pBuffer = new double[k][k];
        for (int t = 1; t <= steps; t++) {
            double[][] qt = Propagation.matrix(q, t, qBuffer);
            double[][] pt = Propagation.matrix(p, t, pBuffer);
            Propagation.propagate(prev, qt, cur, comp);
            double[] byState = new double[k];
            double[] from = prev;
            double[] to = cur;
            int step = t;
            Propagation.forRows(k, xt -> byState[xt] = posteriorTerm(step, xt, x0, from, to, qt, pt));
            NeumaierSum term = NeumaierSum.create();
            for (int xt = 0; xt < k; xt++) {
                term.add(byState[xt]);
            }
            terms[t - 1] = term.sum();
            double[] swap = prev;
            prev = cur;
            cur = swap;
        }
        terms[steps] = Kl.categorical(prev, prior);
        return terms;
    }

    /**
     * The contribution of \( x_t \) to \( L_{t-1} \): \( q(x_t \mid x_0) \) times the KL of the Bayes-rule
     * posterior to \( p(\cdot \mid x_t) \) (for t = 1, \( -q(x_1 \mid x_0) \log p(x_0 \mid x_1) \)); 0 where
     * \( q(x_t \mid x_0) = 0 \).
     */
    private static double posteriorTerm(int t, int xt, int x0, double[] prev, double[] cur, double[][] qt, double[][] pt) {
        double w = cur[xt];
        if (w == 0) {
            return 0;
        }
        if (t == 1) {
            return -w * Math.log(pt[xt][x0]);
        }
        int k = prev.length;
        double[] post = new double[k];
        for (int i = 0; i < k; i++) {
            post[i] = Math.min(1.0, prev[i] * qt[i][xt] / w);
        }
        return w * Kl.categorical(post, pt[xt]);
    }

    /**
     * KL between the path laws of two chains on the same K and T by the chain rule:
     * \( \mathrm{KL}(\pi \| \pi') + \sum_{t=1}^{T} \sum_i m_{t-1}(i)\, \mathrm{KL}(Q_t[i] \| Q'_t[i]) \),
     * with \( m \) the marginals of the first chain.
     */
    public static double klDivergence(double[] init, TransitionSource a, double[] init2, TransitionSource b) {
        int k = a.states();
        NeumaierSum total = NeumaierSum.create().add(Kl.categorical(init, init2));
        double[] m = init.clone();
        double[] next = new double[k];
        double[] comp = new double[k];
        double[][] aBuffer = new double[k][k];
        double[][] bBuffer = new double[k][k];
        double[] rowKl = new double[k];
        for (int t = 1; t <= a.steps(); t++) {
            double[][] qa = Propagation.matrix(a, t, aBuffer);
            double[][] qb = Propagation.matrix(b, t, bBuffer);
            double[] w = m;
            Propagation.forRows(k, i -> rowKl[i] = w[i] == 0 ? 0 : w[i] * Kl.categorical(qa[i], qb[i]));
            for (int i = 0; i < k; i++) {
                if (m[i] != 0) {
                    total.add(rowKl[i]);
                }
            }
            Propagation.propagate(m, qa, next, comp);
            double[] swap = m;
            m = next;
            next = swap;
        }
        return total.sum();
    }
}
