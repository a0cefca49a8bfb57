package org.probity.chain.internal;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.probity.chain.TransitionSource;
import org.probity.math.NeumaierSum;

/**
 * The forward half of the finite-chain dynamic programs and their parallel split: marginal propagation
 * \( m' = m Q \) (TwoSum per term, the errors summed apart, so the loop vectorises), the marginals of a
 * chain, compensated weighted sums, the cache-blocked transpose, and the split of the K rows of a step
 * over the cores (each row computed by one thread in a fixed order, so results do not depend on the
 * number of threads). Used by {@link ChainDp}.
 */
public final class Propagation {
    /** From this many states on, the rows of a step (K logs each) are computed in parallel. */
    static final int PARALLEL_STATES = 64;
    /** From this many states on, a propagation (K multiply-adds per column) is split by columns. */
    static final int PARALLEL_PROPAGATION_STATES = 256;
    private static final int BLOCK = 32;

    private Propagation() {
    }

    /** A half-open range of rows {@code from..to-1}. */
    @FunctionalInterface
    interface RowBlock {
        void accept(int from, int to);
    }

    /** Runs {@code row} for 0..k-1: in parallel chunks when k is large, in order otherwise. */
    static void forRows(int k, IntConsumer row) {
        forBlocks(k, (from, to) -> {
            for (int i = from; i < to; i++) {
                row.accept(i);
            }
        });
    }

    /**
     * Runs {@code block} over a partition of 0..k-1 into consecutive ranges: one range when k is small,
     * otherwise {@code min(k, 4 x cores)} ranges in parallel (the partition depends on the core count,
     * a row's value must not).
     */
    static void forBlocks(int k, RowBlock block) {
        forBlocks(k, new Runnable[0], block);
    }

    /**
     * {@link #forBlocks(int, RowBlock)} with independent tasks run alongside in the same parallel phase
     * (one join instead of two: the filling of the next step's matrices, memory-bound, beside this step's
     * rows, compute-bound). The tasks are spread over the index range, so that the two halves a parallel
     * stream splits first each begin with one. When k is small, the tasks run first, in order.
     */
    static void forBlocks(int k, Runnable[] alongside, RowBlock block) {
        if (k < PARALLEL_STATES) {
            for (Runnable task : alongside) {
                task.run();
            }
            block.accept(0, k);
            return;
        }
        int chunks = Math.min(k, 4 * Runtime.getRuntime().availableProcessors());
        int total = chunks + alongside.length;
        int[] slot = new int[total]; // >= 0: a chunk; -1 - a: task a
        for (int a = 0; a < alongside.length; a++) {
            slot[a * total / alongside.length] = -1 - a;
        }
        for (int x = 0, c = 0; x < total; x++) {
            if (slot[x] == 0) {
                slot[x] = c++;
            }
        }
        IntStream.range(0, total).parallel().forEach(x -> {
            int c = slot[x];
            if (c < 0) {
                alongside[-1 - c].run();
            } else {
                block.accept(c * k / chunks, (c + 1) * k / chunks);
            }
        });
    }

    /**
     * Matrix t of {@code src}: the matrix the source stores ({@link TransitionSource#storedTransition}),
     * shared and never written by the dynamic programs, or else {@code buffer} after {@code src.fill}.
     */
    static double[][] matrix(TransitionSource src, int t, double[][] buffer) {
        double[][] stored = src.storedTransition(t);
        if (stored != null) {
            return stored;
        }
        src.fill(t, buffer);
        return buffer;
    }

    /**
     * Matrix t of two sources ({@code {A_t, B_t}}, each as {@link #matrix}: stored ones shared, the others
     * filled into the buffers), two fills at once when k is large (filling is memory-bound: two cores
     * draw more bandwidth than one; sources are immutable, so the two calls are independent).
     */
    static double[][][] matrices(TransitionSource a, double[][] bufferA, TransitionSource b, double[][] bufferB, int t) {
        double[][] storedA = a.storedTransition(t);
        double[][] storedB = b.storedTransition(t);
        if (storedA != null || storedB != null || a.states() < PARALLEL_STATES) {
            return new double[][][] {storedA != null ? storedA : matrix(a, t, bufferA), storedB != null ? storedB : matrix(b, t, bufferB)};
        }
        IntStream.range(0, 2).parallel().forEach(s -> {
            if (s == 0) {
                a.fill(t, bufferA);
            } else {
                b.fill(t, bufferB);
            }
        });
        return new double[][][] {bufferA, bufferB};
    }

    /** {@code out[i][j] = in[j][i]} for the leading k x k block. */
    static void transpose(double[][] in, double[][] out, int k) {
        transposeRows(in, out, 0, k, k);
    }

    /**
     * Rows {@code from..to-1} of the transpose of the leading k x k block: {@code out[i][j] = in[j][i]},
     * in strips of {@value #BLOCK} rows (a parallel block of rows transposes its own columns).
     */
    static void transposeRows(double[][] in, double[][] out, int from, int to, int k) {
        for (int a = from; a < to; a += BLOCK) {
            int ea = Math.min(to, a + BLOCK);
            int j = 0;
            // four source rows at a time: one row reference per four elements (a third less time than one)
            for (; j + 4 <= k; j += 4) {
                double[] s0 = in[j];
                double[] s1 = in[j + 1];
                double[] s2 = in[j + 2];
                double[] s3 = in[j + 3];
                for (int i = a; i < ea; i++) {
                    double[] d = out[i];
                    d[j] = s0[i];
                    d[j + 1] = s1[i];
                    d[j + 2] = s2[i];
                    d[j + 3] = s3[i];
                }
            }
            for (; j < k; j++) {
                double[] src = in[j];
                for (int i = a; i < ea; i++) {
                    out[i][j] = src[i];
                }
            }
        }
    }

    /** \( \sum_j a_j b_j \), each product rounded once and added by TwoSum, the errors summed apart. */
    static double dot(double[] a, double[] b) {
        return dot(a, b, 0, 0, 0);
    }

    /**
     * {@link #dot} of the entries {@code from..} added to a compensated sum {@code s + c} already begun
     * (the tail of a SIMD dot product).
     */
    static double dot(double[] a, double[] b, int from, double s, double c) {
        for (int j = from; j < a.length; j++) {
            double x = a[j] * b[j];
            double u = s + x;
            double bb = u - s;
            c += (s - (u - bb)) + (x - bb);
            s = u;
        }
        return s + c;
    }

    /**
     * \( m' = m Q \): \( m'_j = \sum_i m_i Q_{ij} \), each sum compensated, zero weights skipped, for a
     * probability vector m and a stochastic Q (results are clamped to at most 1).
     *
     * @param m a row vector of length K
     * @param q a K x K matrix
     * @param out receives \( m Q \) (may not alias {@code m})
     * @param comp scratch of length K
     */
    public static void propagate(double[] m, double[][] q, double[] out, double[] comp) {
        int k = m.length;
        if (k < PARALLEL_PROPAGATION_STATES) {
            propagateColumns(m, q, out, comp, 0, k);
            return;
        }
        int chunks = Math.max(1, Math.min(k / 16, 2 * Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, chunks).parallel().forEach(c ->
            propagateColumns(m, q, out, comp, c * k / chunks, (c + 1) * k / chunks));
    }

    /** Columns {@code from..to-1} of {@link #propagate}: TwoSum per term, the errors summed apart. */
    private static void propagateColumns(double[] m, double[][] q, double[] out, double[] comp, int from, int to) {
        int k = m.length;
        java.util.Arrays.fill(out, from, to, 0.0);
        java.util.Arrays.fill(comp, from, to, 0.0);
        for (int i = 0; i < k; i++) {
            double w = m[i];
            if (w == 0) {
                continue;
            }
            double[] row = q[i];
            for (int j = from; j < to; j++) {
                double x = w * row[j];
                double s = out[j];
                double t = s + x;
                double bb = t - s;
                comp[j] += (s - (t - bb)) + (x - bb);
                out[j] = t;
            }
        }
        for (int j = from; j < to; j++) {
            // the exact value is a probability: rounding above 1 is clamped, which only reduces the error
            out[j] = Math.min(1.0, out[j] + comp[j]);
        }
    }

    /** \( m Q \) as a new array. */
    public static double[] propagate(double[] m, double[][] q) {
        double[] out = new double[m.length];
        propagate(m, q, out, new double[m.length]);
        return out;
    }

    /** The marginals \( m_0 = \pi, m_t = m_{t-1} Q_t \) for \( t = 0..T \). */
    public static double[][] marginals(double[] initial, TransitionSource src) {
        int k = src.states();
        int steps = src.steps();
        double[][] m = new double[steps + 1][];
        m[0] = initial.clone();
        double[][] q = new double[k][k];
        double[] comp = new double[k];
        for (int t = 1; t <= steps; t++) {
            m[t] = new double[k];
            propagate(m[t - 1], matrix(src, t, q), m[t], comp);
        }
        return m;
    }

    /** \( \sum_i w_i v_i \), compensated, with terms of weight 0 skipped (so \( 0 \cdot \infty = 0 \)). */
    public static double weightedSum(double[] w, double[] v) {
        NeumaierSum s = NeumaierSum.create();
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0) {
                s.add(w[i] * v[i]);
            }
        }
        return s.sum();
    }
}
