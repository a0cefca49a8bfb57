package org.probity.diffusion;

import java.util.stream.IntStream;
import org.probity.chain.Stochastic;
import org.probity.math.NeumaierSum;

/**
 * The discretized-Gaussian transitions of {@link DiscreteDiffusion} (Austin et al. 2021, Appendix A.2.2)
 * and their products \( \bar{Q}_t = Q_1 \cdots Q_t \), which have no closed form: kept at checkpoints
 * every \( S = \lceil \sqrt{T} \rceil \) steps (computed on first use, T products) and, for the
 * segment of S steps last asked for, all of them (recomputed from its checkpoint when another segment
 * is asked for). A pass over t = T..1, as the bound's dynamic program makes, therefore costs about
 * \( 2 T K^3 \) multiply-adds in all and \( 2 \sqrt{T} K^2 \) numbers of memory, where recomputing each
 * \( \bar{Q}_{t-1} \) from the start costs \( O(t K^3) \) per step. Every row is the compensated product
 * of {@link Stochastic#propagate} in the same order as from the start, so the entries are the same
 * doubles as {@code DiscreteDiffusion.cumulativeRow}'s. Thread-safe (one lock).
 */
final class DiscretizedGaussianTransitions {
    private final DiscreteDiffusion d;
    private final int k;
    private final int stride;
    private double[][][] checkpoints;
    private int segmentStart = -1;
    private double[][][] segment;

    DiscretizedGaussianTransitions(DiscreteDiffusion d) {
        this.d = d;
        this.k = d.states();
        this.stride = Math.max(1, (int) Math.ceil(Math.sqrt(d.steps())));
    }

    /**
     * \( Q_t \) for one β: \( [Q_t]_{ij} = e^{-4 (i-j)^2 / ((K-1)^2 \beta)} / \sum_{n=-(K-1)}^{K-1} e^{-4 n^2 / ((K-1)^2 \beta)} \)
     * off the diagonal, the diagonal completing each row to 1.
     */
    static void fill(double[][] out, int k, double b) {
        double scale = 4.0 / ((double) (k - 1) * (k - 1) * b);
        double[] w = new double[k];
        NeumaierSum z = NeumaierSum.create().add(1);
        for (int n = 1; n < k; n++) {
            w[n] = Math.exp(-scale * n * n);
            z.add(2 * w[n]);
        }
        double norm = z.sum();
        for (int n = 1; n < k; n++) {
            w[n] /= norm;
        }
        for (int i = 0; i < k; i++) {
            NeumaierSum off = NeumaierSum.create();
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    out[i][j] = w[Math.abs(i - j)];
                    off.add(out[i][j]);
                }
            }
            out[i][i] = 1 - off.sum();
        }
    }

    /** \( \bar{Q}_t \), {@code 0 <= t <= T}: shared, read-only (callers copy what they keep). */
    synchronized double[][] cumulative(int t) {
        if (checkpoints == null) {
            checkpoints = new double[d.steps() / stride + 1][][];
            double[][] cur = identity();
            checkpoints[0] = cur;
            for (int s = 1; s <= d.steps(); s++) {
                cur = times(cur, s);
                if (s % stride == 0) {
                    checkpoints[s / stride] = cur;
                }
            }
        }
        int start = t / stride * stride;
        if (start != segmentStart) {
            segment = new double[stride][][];
            segment[0] = checkpoints[start / stride];
            for (int i = 1; i < stride && start + i <= d.steps(); i++) {
                segment[i] = times(segment[i - 1], start + i);
            }
            segmentStart = start;
        }
        return segment[t - start];
    }

    /** {@code v} times \( \bar{Q}_t \) for every row v of {@code rows}, in parallel over the rows. */
    double[][] timesCumulative(int t, double[][] rows) {
        double[][] bar = cumulative(t);
        double[][] out = new double[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(r -> out[r] = times(rows[r], bar));
        return out;
    }

    /** {@code m} \( Q_s \), row by row in parallel. */
    private double[][] times(double[][] m, int s) {
        double[][] q = d.transition(s);
        double[][] out = new double[k][];
        IntStream.range(0, k).parallel().forEach(r -> out[r] = times(m[r], q));
        return out;
    }

    private double[] times(double[] v, double[][] q) {
        double[] out = new double[k];
        Stochastic.propagate(v, q, out, new double[k]);
        return out;
    }

    private double[][] identity() {
        double[][] id = new double[k][k];
        for (int i = 0; i < k; i++) {
            id[i][i] = 1;
        }
        return id;
    }
}
