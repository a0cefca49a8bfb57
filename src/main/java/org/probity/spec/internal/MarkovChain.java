package org.probity.spec.internal;

/**
 * A finite-state Markov chain read in its own order: position 0 has the distribution
 * {@code start}, position k the transition matrix {@code step[k][i][j]} = P(next = j | previous = i).
 * The forward process q runs x_0 → x_T; the generative process p runs x_T → x_0.
 *
 * <p>Probabilities of any set of variables are products along the chain, never sums over a joint
 * table: \( P(x_S) = \mu_{s_1}(x_{s_1}) \prod_j M_{s_j \to s_{j+1}}(x_{s_j}, x_{s_{j+1}}) \), with the
 * marginal \( \mu_k = \mu_0 M_1 \cdots M_k \) and composed transitions \( M_{u \to v} = M_{u+1}
 * \cdots M_v \) (products of stochastic matrices: sums of non-negative terms, relative error a few
 * u per step). Memory is O(T K) for the marginals plus O(K^2) per composed pair used; time O(|S|)
 * per probability once those are cached. This is the dynamic program that replaced the K^(T+1)
 * joint table (issue 11: states 20, steps 7 overflowed an int; steps 27 ran out of memory).
 */
final class MarkovChain {
    private final int k;
    /** time[pos]: the model's variable index at chain position pos; position[i] the inverse. */
    private final int[] time;
    private final int[] position;
    private final double[][] marginal;
    private final double[][][] step;
    /** composed[u][v] = M_{u -> v} once computed, rows allocated on first use (an array: every factor of every probability looks here). */
    private final double[][][][] composed;

    private MarkovChain(int k, int[] time, double[] start, double[][][] step) {
        this.k = k;
        this.time = time;
        this.position = new int[time.length];
        for (int p = 0; p < time.length; p++) {
            position[time[p]] = p;
        }
        this.step = step;
        this.composed = new double[time.length][][][];
        this.marginal = new double[time.length][];
        marginal[0] = start;
        for (int p = 1; p < time.length; p++) {
            marginal[p] = times(marginal[p - 1], step[p]);
        }
    }

    /** q: q(x_0) = start, q(x_t = j | x_{t-1} = i) = forward[t][i][j], t = 1..T. */
    static MarkovChain forward(double[] q0, double[][][] forward) {
        int n = forward.length;
        int[] time = new int[n];
        double[][][] step = new double[n][][];
        for (int p = 0; p < n; p++) {
            time[p] = p;
            step[p] = forward[p];
        }
        return new MarkovChain(q0.length, time, q0, step);
    }

    /** p: p(x_T) = start, p(x_{t-1} = j | x_t = i) = reverse[t][i][j], t = 1..T. */
    static MarkovChain reverse(double[] pT, double[][][] reverse) {
        int n = reverse.length;
        int steps = n - 1;
        int[] time = new int[n];
        double[][][] step = new double[n][][];
        for (int p = 0; p < n; p++) {
            time[p] = steps - p;
            step[p] = p == 0 ? null : reverse[steps - p + 1];
        }
        return new MarkovChain(pT.length, time, pT, step);
    }

    /**
     * P(A | B) at the states {@code x} (entries of A and B set): P(A ∪ B) / P(B); where every
     * variable of A comes after every variable of B in the chain's order, the product of the chain's
     * own kernels from the last variable of B (the Markov property; defined even where P(B) = 0).
     * A variable of A that is also in B is given: its factor is 1. NaN where P(B) = 0 otherwise.
     *
     * @param a the variables of A
     * @param b the variables of B
     */
    double density(int[] a, int[] b, int[] x) {
        boolean[] given = new boolean[time.length];
        int lastGiven = -1;
        for (int i : b) {
            given[position[i]] = true;
            lastGiven = Math.max(lastGiven, position[i]);
        }
        boolean[] target = new boolean[time.length];
        int firstTarget = Integer.MAX_VALUE;
        boolean any = false;
        for (int i : a) {
            if (!given[position[i]]) {
                target[position[i]] = true;
                firstTarget = Math.min(firstTarget, position[i]);
                any = true;
            }
        }
        if (!any) {
            return 1;
        }
        if (lastGiven >= 0 && lastGiven < firstTarget) {
            return path(target, lastGiven, x);
        }
        boolean[] both = given.clone();
        for (int p = 0; p < both.length; p++) {
            both[p] |= target[p];
        }
        double num = path(both, -1, x);
        if (b.length == 0) {
            return num;
        }
        double den = path(given, -1, x);
        return den > 0 ? num / den : Double.NaN;
    }

    /**
     * The probability of the states of the marked positions, from position {@code from} (given,
     * -1 for the start of the chain): a product of marginal and composed transitions.
     */
    private double path(boolean[] marked, int from, int[] x) {
        double prob = 1;
        int prev = from;
        for (int p = 0; p < marked.length; p++) {
            if (!marked[p] || p <= from) {
                continue;
            }
            double f = prev < 0 ? marginal[p][x[time[p]]] : composed(prev, p)[x[time[prev]]][x[time[p]]];
            if (f == 0) {
                return 0;
            }
            prob *= f;
            prev = p;
        }
        return prob;
    }

    /** M_{u -> v} = M_{u+1} ... M_v for chain positions u < v. */
    private double[][] composed(int u, int v) {
        if (composed[u] == null) {
            composed[u] = new double[time.length][][];
        }
        double[][] known = composed[u][v];
        if (known != null) {
            return known;
        }
        double[][] m = step[u + 1];
        for (int p = u + 2; p <= v; p++) {
            double[][] next = new double[k][];
            for (int i = 0; i < k; i++) {
                next[i] = times(m[i], step[p]);
            }
            m = next;
        }
        composed[u][v] = m;
        return m;
    }

    /** The row vector v M. */
    private double[] times(double[] v, double[][] m) {
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            if (v[i] == 0) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                out[j] += v[i] * m[i][j];
            }
        }
        return out;
    }
}
