package org.probity.diffusion;

import org.probity.math.NeumaierSum;

/**
 * The exact \( \mathrm{VLB}(x_0) \) and \( \log p(x_0) \) for every \( x_0 \) of a uniform or absorbing
 * D3PM against an x₀-parameterised reverse model of the {@link D3pmReverseModel.Form#JOINT JOINT} form,
 * from the rank-one structure of \( Q_t = (1 - \beta_t) I + \beta_t \mathbb{1} u^\top \) (u uniform, or
 * \( e_m \)) instead of the matrices: \( O(K^2) \) multiply-adds and \( O(K) \) logarithms per step
 * (the K² are the predictions themselves), where the dense dynamic program needs K² logarithms.
 *
 * <p>Derivation (Austin et al. 2021, eq. 4). With \( \pi_j = \tilde{p}_\theta(\cdot \mid x_t = j) \),
 * \( v_j = \pi_j \bar{Q}_{t-1} = \bar\alpha_{t-1} \pi_j + (1 - \bar\alpha_{t-1}) |\pi_j| u \) and
 * \( P_t[j][i] = Q_t[i][j]\, v_j[i] / z_j \), \( z_j = \sum_i Q_t[i][j] v_j[i] \), the log ratio of the
 * backward recursion \( V_{t-1}(i) = \sum_j Q_t[i][j] (\log(Q_t[i][j] / P_t[j][i]) + V_t(j)) \) is
 * \( \log z_j - \log v_j[i] \): the Q factors cancel. Uniform family, \( Q_t[i][j] = c + s\,\delta_{ij} \)
 * (\( c = \beta_t / K \), \( s = 1 - \beta_t \)):
 * \( V_{t-1}(i) = c \sum_j (\log z_j + V_t(j)) - c \log \prod_j v_j[i] + s (\log z_i + V_t(i) - \log v_i[i]) \),
 * the column products taken in blocks short enough to stay in the normal range (every
 * \( v_j[i] \ge (1 - \bar\alpha_{t-1}) |\pi_j| / K \)) with their binary exponents carried apart, one log per
 * column; \( z_j = c (\bar\alpha_{t-1} + 1 - \bar\alpha_{t-1}) |\pi_j| + s\, v_j[j] \); and
 * \( m_{t-1}[i] = c (\bar\alpha_{t-1} \sum_j w_j \pi_j[i] + \sum_j w_j b_j) + s\, w_i v_i[i] \),
 * \( w_j = m_t[j] / z_j \), \( b_j = (1 - \bar\alpha_{t-1}) |\pi_j| / K \). Absorbing family (mask m): row
 * \( j \ne m \) of \( P_t \) is \( e_j \) (uniform when \( v_j[j] = 0 \)) and only row m is dense, so each
 * step is O(K) after the predictions. At t = 1 the reverse step is the prediction itself and its K² logs
 * are taken directly (one step of T).
 *
 * <p>Accuracy: the same operations as the dense program, regrouped: each VLB step adds a few roundings
 * of \( c \sum_j |\log z_j - \log v_j[i]| \) (the product's relative error, at most K + 1 roundings, becomes
 * an absolute error of K + 1 units in the log), and the reverse probabilities are never formed, so none
 * underflows. Compared with the dense path on random instances and with path enumeration in
 * {@code D3pmStructuredBoundTest}.
 *
 * <p>Speed: the K² predictions are read once from the model (on the calling thread, in order of
 * \( x_t \) and t = T..1) and each row is summed and checked once. Uniform family: the rows are summed
 * while they are in the cache, and the predictions of step t - 1 are read while a pool worker starts
 * on the column pass of step t (products and compensated sums, in column chunks that whichever thread
 * is free takes). Absorbing family: the rows of step t are summed in chunks by both threads while the
 * calling thread reads the predictions of step t - 1; the rows that fail the quick check are then
 * validated in order, so the first invalid prediction of a step throws the dense path's message. Both
 * loops are {@link D3pmKernels}, on SIMD lanes when the JVM has {@code jdk.incubator.vector}; each
 * column and each row is computed by one thread in a fixed order ({@link StepChunks}), so results do
 * not depend on the number of threads, nor on whether the vector kernels run.
 */
final class D3pmStructuredBound {
    /** The products of a column stay above this (normal, with room for one more factor). */
    private static final double PRODUCT_FLOOR_LOG2 = -900;
    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;

    private final DiscreteDiffusion q;
    private final D3pmReverseModel p;
    private final int k;
    /** The predictions of the current step and their sums. */
    private double[][] pi;
    private double[] mass;
    /** The predictions of the next step (t - 1), read while the current step is computed. */
    private double[][] piNext;
    private double[] massNext;

    private D3pmStructuredBound(DiscreteDiffusion q, D3pmReverseModel p) {
        this.q = q;
        this.p = p;
        this.k = q.states();
        this.pi = new double[k][k];
        this.mass = new double[k];
        this.piNext = new double[k][k];
        this.massNext = new double[k];
    }

    /**
     * {@code {VLB(x_0) for every x_0, log p(x_0) for every x_0}}, or null when the structure does not
     * apply (another family or form, or a step whose quantities leave the normal range: the dense program
     * then runs).
     */
    static double[][] compute(DiscreteDiffusion q, double[] prior, D3pmReverseModel p) {
        if (!p.isJointOver(q) || q.family() == DiscreteDiffusion.Family.DISCRETIZED_GAUSSIAN
            || !applies(q)) {
            return null;
        }
        return new D3pmStructuredBound(q, p).run(prior);
    }

    /**
     * Uniform family: every step has \( c = \beta_t / K \) normal and, from t = 2, the product floor
     * \( (1 - \bar\alpha_{t-1}) / K \ge 2^{-899} \); absorbing family: \( 1 - \bar\alpha_{t-1} > 0 \), so
     * the normaliser of the mask row is positive.
     */
    private static boolean applies(DiscreteDiffusion q) {
        int k = q.states();
        boolean uniform = q.family() == DiscreteDiffusion.Family.UNIFORM;
        for (int t = 1; t <= q.steps(); t++) {
            if (uniform && !(q.stepEntries(t)[1] >= Double.MIN_NORMAL)) {
                return false;
            }
            double om = t >= 2 ? q.oneMinusKeepProbability(t - 1) : 1;
            if (uniform ? !(Math.log(om / k) / Math.log(2) > PRODUCT_FLOOR_LOG2 + 1) : !(om > 0)) {
                return false;
            }
        }
        return true;
    }

    private double[][] run(double[] prior) {
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = -Math.log(prior[i]);
        }
        double[] m = prior.clone();
        boolean uniform = q.family() == DiscreteDiffusion.Family.UNIFORM;
        if (uniform) {
            predictions(q.steps());
        } else {
            readPredictions(q.steps());
        }
        swap();
        for (int t = q.steps(); t >= 1; t--) {
            double[] e = q.stepEntries(t);
            int previous = t - 1;
            double[][] next;
            if (!uniform) {
                // the rows of step t summed by both threads while this one reads the predictions of step t - 1
                overlapped(previous >= 1 ? () -> readPredictions(previous) : () -> { }, this::sumRows);
                validate(t);
            }
            if (t == 1) {
                next = uniform ? uniformFirst(e, v, m) : absorbingFirst(e, v, m);
            } else {
                double a = q.keepProbability(t - 1);
                double om = q.oneMinusKeepProbability(t - 1);
                next = uniform ? uniformStep(e, a, om, v, m, () -> predictions(previous)) : absorbingStep(e, a, om, v, m);
                swap();
            }
            v = next[0];
            m = next[1];
        }
        for (int i = 0; i < k; i++) {
            m[i] = Math.log(m[i]);
        }
        return new double[][] {v, m};
    }

    private void swap() {
        double[][] p0 = pi;
        pi = piNext;
        piNext = p0;
        double[] m0 = mass;
        mass = massNext;
        massNext = m0;
    }

    /**
     * The K predictions of step t into {@link #piNext} (the predictor called in order of \( x_t \), on
     * this thread, for t = T, T - 1, ..., 1), each summed and checked while it is in the cache
     * ({@link D3pmKernels#checkedSum}); a row that fails the quick check is validated by the model's
     * rule, so the first invalid prediction throws the message of the dense path (uniform family).
     */
    private void predictions(int t) {
        double[][] rows = piNext;
        double[] sums = massNext;
        for (int j = 0; j < k; j++) {
            p.predictUnchecked(t, j, rows[j]);
            sums[j] = D3pmKernels.checkedSum(rows[j]);
            if (Double.isNaN(sums[j])) {
                p.predict(t, j, rows[j]);
                sums[j] = NeumaierSum.sum(rows[j]);
            }
        }
    }

    /** The predictions of step t into {@link #piNext}, in order of \( x_t \), not yet checked (absorbing family). */
    private void readPredictions(int t) {
        double[][] rows = piNext;
        for (int j = 0; j < k; j++) {
            p.predictUnchecked(t, j, rows[j]);
        }
    }

    /** {@link D3pmKernels#checkedSum} of the rows {@code from..to-1} of the current step into {@link #mass}. */
    private void sumRows(int from, int to) {
        for (int j = from; j < to; j++) {
            mass[j] = D3pmKernels.checkedSum(pi[j]);
        }
    }

    /** The rows of step t that failed the quick check, validated by the model's rule in order of \( x_t \). */
    private void validate(int t) {
        for (int j = 0; j < k; j++) {
            if (Double.isNaN(mass[j])) {
                p.predict(t, j, pi[j]);
                mass[j] = NeumaierSum.sum(pi[j]);
            }
        }
    }

    /**
     * Uniform family, \( t \ge 2 \) (see the class comment); {@code ahead} (the predictions of step t - 1)
     * runs on this thread while a pool worker starts on the column pass.
     */
    private double[][] uniformStep(double[] e, double a, double om, double[] v, double[] m, Runnable ahead) {
        double c = e[1];
        double s = e[2];
        double[] b = new double[k];
        double[] logZ = new double[k];
        double[] w = new double[k];
        double bMin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            b[j] = om * mass[j] / k;
            bMin = Math.min(bMin, b[j]);
            double z = c * ((a + om) * mass[j]) + s * (a * pi[j][j] + b[j]);
            logZ[j] = Math.log(z);
            w[j] = m[j] / z;
        }
        // every factor is at least bMin <= 1, so a block of this many stays above 2^-900
        int block = Math.max(1, (int) Math.floor(PRODUCT_FLOOR_LOG2 / (Math.log(bMin) / Math.log(2))));
        double[] logProd = new double[k];
        double[] acc = new double[k];
        overlapped(ahead, (from, to) -> columns(from, to, a, b, w, block, logProd, acc));
        double sumLogZ = NeumaierSum.sum(logZ);
        double sumV = NeumaierSum.sum(v);
        double sumWb = NeumaierSum.dot(w, b);
        double[] vNext = new double[k];
        double[] mNext = new double[k];
        for (int i = 0; i < k; i++) {
            double vii = a * pi[i][i] + b[i];
            double own = s == 0 ? 0 : s * (logZ[i] + v[i] - Math.log(vii));
            vNext[i] = c * ((sumLogZ - logProd[i]) + sumV) + own;
            mNext[i] = Math.min(1.0, c * (a * acc[i] + sumWb) + s * (w[i] * vii));
        }
        return new double[][] {vNext, mNext};
    }

    /**
     * Columns {@code from..to-1}: \( \log \prod_j \mathrm{fma}(\bar\alpha, \pi_j[i], b_j) \) (blocks of
     * {@code block} factors, the exponents carried apart) and the compensated \( \sum_j w_j \pi_j[i] \)
     * ({@link D3pmKernels#columns}).
     */
    private void columns(int from, int to, double a, double[] b, double[] w, int block, double[] logProd, double[] acc) {
        int n = to - from;
        double[] prod = new double[n];
        double[] exps = new double[n];
        double[] sum = new double[n];
        double[] comp = new double[n];
        java.util.Arrays.fill(prod, 1.0);
        D3pmKernels.columns(pi, from, to, a, b, w, block, prod, exps, sum, comp);
        for (int i = 0; i < n; i++) {
            logProd[from + i] = Math.fma(exps[i], LN2_HI, Math.fma(exps[i], LN2_LO, Math.log(prod[i])));
            acc[from + i] = sum[i] + comp[i];
        }
    }

    /** Uniform family, t = 1: \( P_1 \) is the prediction; its K² logs are taken directly. */
    private double[][] uniformFirst(double[] e, double[] v, double[] m) {
        double diag = e[0];
        double c = e[1];
        double s = e[2];
        double h = NeumaierSum.create().add(diag * Math.log(diag)).add((k - 1) * (c * Math.log(c))).sum();
        double[] logCol = new double[k];
        forColumns((from, to) -> {
            for (int i = from; i < to; i++) {
                NeumaierSum col = NeumaierSum.create();
                for (int j = 0; j < k; j++) {
                    col.add(Math.log(pi[j][i]));
                }
                logCol[i] = col.sum();
            }
        });
        double sumV = NeumaierSum.sum(v);
        double[] vNext = new double[k];
        for (int i = 0; i < k; i++) {
            double own = s == 0 ? 0 : s * (v[i] - Math.log(pi[i][i]));
            vNext[i] = h + c * (sumV - logCol[i]) + own;
        }
        return new double[][] {vNext, pushThroughPredictions(m)};
    }

    /** Absorbing family, \( t \ge 2 \): rows \( j \ne m \) of \( P_t \) are \( e_j \) (or uniform), row m is dense. */
    private double[][] absorbingStep(double[] e, double a, double om, double[] v, double[] m) {
        int mask = k - 1;
        double stay = e[0];
        double move = e[1];
        double[] row = pi[mask];
        NeumaierSum unmasked = NeumaierSum.create();
        for (int i = 0; i < mask; i++) {
            unmasked.add(row[i]);
        }
        double keepMask = a * row[mask] + om * mass[mask];
        double z = move * (a * unmasked.sum()) + keepMask;
        double logZ = Math.log(z);
        double logA = Math.log(a);
        NeumaierSum spread = NeumaierSum.create();
        boolean[] kept = new boolean[k];
        for (int j = 0; j < mask; j++) {
            kept[j] = stay * (a * pi[j][j]) > 0; // as the dense row: Q_t[j][j] v_j[j], normalised, else uniform
            if (!kept[j]) {
                spread.add(m[j]);
            }
        }
        double spreadEach = spread.sum() / k;
        double logK = Math.log(k);
        double[] vNext = new double[k];
        double[] mNext = new double[k];
        for (int i = 0; i < mask; i++) {
            double toMask = move * ((logZ - logA - Math.log(row[i])) + v[mask]);
            double own = stay == 0 ? 0 : stay * ((Math.log(stay) + (kept[i] ? 0 : logK)) + v[i]);
            vNext[i] = own + toMask;
            double fromMask = m[mask] * Math.min(1.0, move * (a * row[i]) / z);
            mNext[i] = Math.min(1.0, NeumaierSum.create().add(kept[i] ? m[i] : 0).add(spreadEach).add(fromMask).sum());
        }
        vNext[mask] = (logZ - Math.log(keepMask)) + v[mask];
        mNext[mask] = Math.min(1.0, spreadEach + m[mask] * Math.min(1.0, keepMask / z));
        return new double[][] {vNext, mNext};
    }

    /** Absorbing family, t = 1: \( P_1 \) is the prediction; row i of \( Q_1 \) reaches i and the mask. */
    private double[][] absorbingFirst(double[] e, double[] v, double[] m) {
        int mask = k - 1;
        double stay = e[0];
        double move = e[1];
        double[] vNext = new double[k];
        for (int i = 0; i < mask; i++) {
            double own = stay == 0 ? 0 : stay * ((Math.log(stay) - Math.log(pi[i][i])) + v[i]);
            vNext[i] = own + move * ((Math.log(move) - Math.log(pi[mask][i])) + v[mask]);
        }
        vNext[mask] = -Math.log(pi[mask][mask]) + v[mask];
        return new double[][] {vNext, pushThroughPredictions(m)};
    }

    /** \( m P_1 \) with \( P_1 \) the predictions, each sum compensated, clamped to at most 1. */
    private double[] pushThroughPredictions(double[] m) {
        double[] out = new double[k];
        forColumns((from, to) -> {
            for (int i = from; i < to; i++) {
                NeumaierSum s = NeumaierSum.create();
                for (int j = 0; j < k; j++) {
                    s.add(m[j] * pi[j][i]);
                }
                out[i] = Math.min(1.0, s.sum());
            }
        });
        return out;
    }

    private void overlapped(Runnable first, StepChunks.Range work) {
        StepChunks.overlapped(k, first, work);
    }

    private void forColumns(StepChunks.Range work) {
        StepChunks.parallel(k, work);
    }
}
