package org.probity.chain;

import java.util.Locale;
import java.util.function.Consumer;
import org.probity.chain.internal.Checks;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;

/**
 * Brute-force computations over all \( K^{T+1} \) paths of small chains: the independent second
 * method against which the dynamic programs of {@link FiniteChain} and {@link VariationalBound} are
 * tested. Every sum is compensated; a path of probability 0 contributes 0. Refuses instances with
 * more than {@link #MAX_PATHS} paths.
 */
public final class PathEnumeration {
    /** The largest number of paths enumerated, \( 2^{22} \). */
    public static final long MAX_PATHS = 1L << 22;
    private static final String MSG_TOO_MANY = "K^(T+1): expected at most %d paths, got K = %d, T = %d";

    private PathEnumeration() {
    }

    /**
     * Calls {@code visitor} with every path \( x_{0:T} \) in lexicographic order (the array is reused:
     * copy it to keep it).
     *
     * @throws IllegalArgumentException if \( K^{T+1} > \) {@link #MAX_PATHS}
     */
    public static void forEachPath(int states, int steps, Consumer<int[]> visitor) {
        Checks.states("states", states);
        double n = Math.pow(states, steps + 1.0);
        if (!(n <= MAX_PATHS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TOO_MANY, MAX_PATHS, states, steps));
        }
        int[] path = new int[steps + 1];
        while (true) {
            visitor.accept(path);
            int t = steps;
            while (t >= 0 && path[t] == states - 1) {
                path[t] = 0;
                t--;
            }
            if (t < 0) {
                return;
            }
            path[t]++;
        }
    }

    /** \( \sum_{\text{paths}} P(\text{path}) F(\text{path}) \). */
    public static double expectation(FiniteChain chain, PathFunctional f) {
        NeumaierSum s = NeumaierSum.create();
        forEachPath(chain.states(), chain.steps(), path -> {
            double w = chain.probability(path);
            if (w != 0) {
                s.add(w * value(f, path));
            }
        });
        return s.sum();
    }

    /** The marginal of \( x_t \) by summing path probabilities. */
    public static double[] marginal(FiniteChain chain, int t) {
        Checks.index("t", t, 0, chain.steps());
        NeumaierSum[] s = sums(chain.states());
        forEachPath(chain.states(), chain.steps(), path -> s[path[t]].add(chain.probability(path)));
        return toArray(s);
    }

    /** \( \sum_{\text{paths}} P(\text{path}) \), which must be 1. */
    public static double totalProbability(FiniteChain chain) {
        NeumaierSum s = NeumaierSum.create();
        forEachPath(chain.states(), chain.steps(), path -> s.add(chain.probability(path)));
        return s.sum();
    }

    /** \( \sum_{\text{paths}} p(\text{path}) \) of a reverse chain, which must be 1. */
    public static double totalProbability(ReverseChain p) {
        NeumaierSum s = NeumaierSum.create();
        forEachPath(p.states(), p.steps(), path -> s.add(p.probability(path)));
        return s.sum();
    }

    /** \( p(x_0) = \sum_{x_{1:T}} p(x_{0:T}) \) for every \( x_0 \). */
    public static double[] likelihoods(ReverseChain p) {
        NeumaierSum[] s = sums(p.states());
        forEachPath(p.states(), p.steps(), path -> s[path[0]].add(p.probability(path)));
        return toArray(s);
    }

    /** \( \mathrm{KL}(a \| b) = \sum_{\text{paths}} a \log(a / b) \) between two path laws. */
    public static double klDivergence(FiniteChain a, FiniteChain b) {
        NeumaierSum s = NeumaierSum.create();
        forEachPath(a.states(), a.steps(), path -> s.add(LogSpace.klTerm(a.probability(path), b.probability(path))));
        return s.sum();
    }

    /**
     * \( \mathrm{VLB}(x_0) = \sum_{x_{1:T}} q(x_{1:T} \mid x_0) [\log q(x_{1:T} \mid x_0) - \log p(x_{0:T})] \),
     * each path's log ratio formed from the path probabilities.
     */
    public static double vlb(FiniteChain q, ReverseChain p, int x0) {
        FiniteChain start = q.startingAt(x0);
        NeumaierSum s = NeumaierSum.create();
        forEachPath(q.states(), q.steps(), path -> {
            if (path[0] != x0) {
                return;
            }
            double w = start.probability(path);
            if (w != 0) {
                s.add(w * (start.logProbability(path) - p.logProbability(path)));
            }
        });
        return s.sum();
    }

    private static double value(PathFunctional f, int[] path) {
        int steps = path.length - 1;
        NeumaierSum v = NeumaierSum.create().add(f.start(path[0])).add(f.end(path[steps]));
        for (int t = 1; t <= steps; t++) {
            v.add(f.step(t, path[t - 1], path[t]));
        }
        return v.sum();
    }

    private static NeumaierSum[] sums(int k) {
        NeumaierSum[] s = new NeumaierSum[k];
        for (int i = 0; i < k; i++) {
            s[i] = NeumaierSum.create();
        }
        return s;
    }

    private static double[] toArray(NeumaierSum[] s) {
        double[] r = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = s[i].sum();
        }
        return r;
    }
}
