package org.probity.bench;

import java.util.Locale;
import org.probity.chain.TransitionSource;
import org.probity.chain.VariationalBound;

/**
 * Probity's side of {@code bench/side_by_side.sh}: the exact variational bound and cross-entropy of a
 * dense finite chain ({@code VariationalBound.of(q0, Q, prior, P)}, {@code totalVlb()},
 * {@code crossEntropy()}) on the instance that {@code bench/chain_vlb_peer.py} builds from the same
 * seed (SplitMix64 integer weights, rows normalised by one division of exact integers, so both sides
 * hold the same doubles; a pool of min(T, 64) matrices cycled over the steps). Prints one JSON line
 * with the time of the run after the warm-up (runs until one second has passed, at least one: the JIT
 * compiles the kernels, the caches warm).
 *
 * <p>Usage: {@code ChainVlbSideBySide K T SEED}.
 */
public final class ChainVlbSideBySide {
    static final long GAMMA = 0x9E3779B97F4A7C15L;
    static final int POOL = 64;
    static final long WARM_UP_NANOS = 1_000_000_000L;

    private ChainVlbSideBySide() {
    }

    static long splitmix(long seed, long n) {
        long z = seed + (n + 1) * GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Row {@code r} of the stream starting at {@code start}: u / sum(u), u = (z >>> 44) + 1. */
    static double[] row(long seed, long start, int k) {
        double[] u = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            u[j] = (splitmix(seed, start + j) >>> 44) + 1;
            sum += u[j]; // exact: integers below 2^53
        }
        for (int j = 0; j < k; j++) {
            u[j] /= sum;
        }
        return u;
    }

    /** The pool of matrices from stream offset {@code start}. */
    static double[][][] pool(long seed, long start, int size, int k) {
        double[][][] m = new double[size][k][];
        for (int p = 0; p < size; p++) {
            for (int i = 0; i < k; i++) {
                m[p][i] = row(seed, start + ((long) p * k + i) * k, k);
            }
        }
        return m;
    }

    /** The matrices of a pool cycled over T steps. */
    record Cycled(double[][][] pool, int steps) implements TransitionSource {
        @Override
        public int states() {
            return pool[0].length;
        }

        @Override
        public int steps() {
            return steps;
        }

        /** The pool's matrix, read in place (as the NumPy peer reads its array). */
        @Override
        public double[][] storedTransition(int t) {
            return pool[(t - 1) % pool.length];
        }

        @Override
        public void fill(int t, double[][] out) {
            double[][] m = pool[(t - 1) % pool.length];
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(m[i], 0, out[i], 0, m.length);
            }
        }
    }

    /** {L_VLB, L_CE}: what the NumPy peer computes. */
    static double[] bound(double[] q0, TransitionSource q, double[] prior, TransitionSource p) {
        VariationalBound b = VariationalBound.of(q0, q, prior, p);
        return new double[] {b.totalVlb(), b.crossEntropy()};
    }

    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int size = Math.min(steps, POOL);
        long n = (long) size * k * k;
        Cycled q = new Cycled(pool(seed, 0, size, k), steps);
        Cycled p = new Cycled(pool(seed, n, size, k), steps);
        double[] q0 = row(seed, 2 * n, k);
        double[] prior = row(seed, 2 * n + k, k);
        // warm-up runs until WARM_UP_NANOS have passed (at least one), then one timed run: at K = 256 a run
        // is most of its own warm-up; at small K one run is too short for the JIT to compile the row kernels
        long warmUp = 0;
        do {
            long t0 = System.nanoTime();
            bound(q0, q, prior, p);
            warmUp += System.nanoTime() - t0;
        } while (warmUp < WARM_UP_NANOS);
        long t0 = System.nanoTime();
        double[] result = bound(q0, q, prior, p);
        long elapsed = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "{\"side\": \"probity\", \"K\": %d, \"T\": %d, \"seconds\": %.6f, \"vlb\": %s, \"ce\": %s}%n",
            k, steps, elapsed / 1e9, result[0], result[1]);
    }
}
