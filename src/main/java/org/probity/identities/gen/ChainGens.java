package org.probity.identities.gen;

import java.util.Arrays;
import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.diffusion.D3pmReverseModel;
import org.probity.diffusion.D3pmSchedules;
import org.probity.diffusion.DiscreteDiffusion;

/**
 * Generators of finite chains, reverse chains and D3PM instances for the identity catalog.
 *
 * <p>Shrinking: the number of states K is drawn first (from 2 up), then the number of steps T (from
 * 1 up, from a fixed range and capped by {@link #maxSteps(int)}, so its choice shrinks independently
 * of K), then the numbers; so a failure shrinks toward K = 2, T = 1 and the simple vectors and
 * matrices of {@link Gens#stochasticMatrices(int, int)} (exact zeros, one-hot rows). Sizes are capped
 * so that every instance can also be enumerated: \( K^{T+1} \le \) {@link #MAX_PATHS}, with
 * \( K \le 8 \) and \( T \le 6 \).
 */
public final class ChainGens {
    /** The largest number of paths \( K^{T+1} \) of a generated instance, so enumeration stays cheap. */
    public static final int MAX_PATHS = 4096;
    /** The largest K drawn. */
    public static final int MAX_STATES = 8;
    /** The largest T drawn. */
    public static final int MAX_STEPS = 6;
    private static final int MAX_D3PM_STATES = 6;

    private ChainGens() {
    }

    /** The largest \( T \le 6 \) with \( K^{T+1} \le 4096 \) (K = 2, 3: 6; K = 4: 5; K = 5: 4; K = 6..8: 3). */
    public static int maxSteps(int states) {
        int t = MAX_STEPS;
        while (t > 1 && Math.pow(states, t + 1.0) > MAX_PATHS) {
            t--;
        }
        return t;
    }

    /** Forward chains: K in [2, 8], T in [1, maxSteps(K)], initial vector and matrices with exact zeros. */
    public static Gen<FiniteChain> forwardChains() {
        return c -> {
            int k = Gens.integers(2, MAX_STATES).generate(c);
            int steps = Math.min(Gens.integers(1, MAX_STEPS).generate(c), maxSteps(k));
            return forward(k, steps).generate(c);
        };
    }

    /** Forward chains of a given shape. */
    public static Gen<FiniteChain> forward(int states, int steps) {
        Gen<double[]> init = Gens.probabilityVectors(states);
        Gen<double[][]> mats = Gens.stochasticMatrices(states, states);
        return c -> {
            double[] pi = init.generate(c);
            double[][][] q = new double[steps][][];
            for (int t = 0; t < steps; t++) {
                q[t] = mats.generate(c);
            }
            return FiniteChain.of(pi, q);
        };
    }

    /** Reverse chains of a given shape (zeros allowed, or every entry positive). */
    public static Gen<ReverseChain> reverse(int states, int steps, boolean positive) {
        Gen<double[]> prior = positive ? Gens.positiveProbabilityVectors(states) : Gens.probabilityVectors(states);
        Gen<double[][]> mats = positive ? Gens.positiveStochasticMatrices(states, states)
            : Gens.stochasticMatrices(states, states);
        return c -> {
            double[] pr = prior.generate(c);
            double[][][] p = new double[steps][][];
            for (int t = 0; t < steps; t++) {
                p[t] = mats.generate(c);
            }
            return ReverseChain.of(pr, p);
        };
    }

    /**
     * Pairs (q, p): K and T first, then q, then p: a random reverse chain with zeros (weight 5), a
     * strictly positive one (weight 3), or the true reverse process of q (weight 2, the bound is tight).
     */
    public static Gen<ChainPair> chainPairs() {
        return c -> {
            int k = Gens.integers(2, MAX_STATES).generate(c);
            int steps = Math.min(Gens.integers(1, MAX_STEPS).generate(c), maxSteps(k));
            // the kind of p is drawn before the numbers, so that shrinking T or q never changes it
            int kind = Gens.frequency(Gens.weighted(5, Gens.constant(0)), Gens.weighted(3, Gens.constant(1)),
                Gens.weighted(2, Gens.constant(2))).generate(c);
            FiniteChain q = forward(k, steps).generate(c);
            ReverseChain p = kind == 2 ? ReverseChain.trueReverse(q) : reverse(k, steps, kind == 1).generate(c);
            return new ChainPair(q, p);
        };
    }

    /**
     * D3PM instances: K in [2, 6] and T in [1, maxSteps(K)] first, then the family, the schedule
     * ("jsd", linear ending at 1, or arbitrary β in (0, 1] with exact 1s), the data distribution, and
     * the reverse model: random matrices, the true reverse process, or an \( x_0 \)-prediction table in
     * either {@link D3pmReverseModel.Form}, with the stationary or a random prior.
     */
    public static Gen<D3pmInstance> d3pmInstances() {
        return c -> {
            int k = Gens.integers(2, MAX_D3PM_STATES).generate(c);
            int steps = Math.min(Gens.integers(1, MAX_STEPS).generate(c), maxSteps(k));
            DiscreteDiffusion.Family family = Gens.elements(DiscreteDiffusion.Family.values()).generate(c);
            int kind = Gens.integers(0, 3).generate(c);
            boolean randomPrior = Gens.booleans().generate(c);
            double[] betas = betas(steps).generate(c);
            DiscreteDiffusion d = DiscreteDiffusion.create(family, k, betas);
            double[] q0 = Gens.probabilityVectors(k).generate(c);
            double[] prior = randomPrior ? Gens.probabilityVectors(k).generate(c) : stationary(d);
            if (kind == 0) {
                ReverseChain p = reverse(k, steps, false).generate(c);
                return new D3pmInstance(d, q0, D3pmReverseModel.of(d, p), "matrices " + p);
            }
            if (kind == 1) {
                ReverseChain p = ReverseChain.trueReverse(d.forwardChain(q0));
                return new D3pmInstance(d, q0, D3pmReverseModel.of(d, p), "true reverse process " + p);
            }
            Gen<double[][]> rows = Gens.stochasticMatrices(k, k);
            double[][][] table = new double[steps][][];
            for (int t = 0; t < steps; t++) {
                table[t] = rows.generate(c);
            }
            D3pmReverseModel.Form form = kind == 2 ? D3pmReverseModel.Form.JOINT : D3pmReverseModel.Form.MIXTURE;
            D3pmReverseModel p = D3pmReverseModel.x0Parameterised(d, prior,
                (t, xt, out) -> System.arraycopy(table[t - 1][xt], 0, out, 0, k), form);
            return new D3pmInstance(d, q0, p, "x0-parameterised (" + form + "), prior " + Arrays.toString(prior)
                + ", p~(x0 | xt) table " + Arrays.deepToString(table));
        };
    }

    /**
     * Fixed T = 1 instances (a one-step VAE), run first by every identity as explicit examples: a
     * two-state pair with zeros, and its variant with the true reverse process.
     */
    public static java.util.List<ChainPair> vaeExamples() {
        FiniteChain q = FiniteChain.of(new double[] {0.5, 0.5}, new double[][] {{0.75, 0.25}, {0, 1}});
        ReverseChain p = ReverseChain.of(new double[] {0.25, 0.75}, new double[][] {{1, 0}, {0.5, 0.5}});
        return java.util.List.of(new ChainPair(q, p), new ChainPair(q, ReverseChain.trueReverse(q)));
    }

    /**
     * Fixed T = 1 D3PM instances: absorbing with β_1 = 1 ("jsd", T = 1) and an x₀-prediction, and
     * uniform with β_1 = 1/2 and reverse matrices.
     */
    public static java.util.List<D3pmInstance> d3pmVaeExamples() {
        DiscreteDiffusion abs = DiscreteDiffusion.absorbing(3, D3pmSchedules.jsd(1));
        double[][] table = {{0.5, 0.5, 0}, {0.25, 0.75, 0}, {0.5, 0.25, 0.25}};
        D3pmReverseModel px = D3pmReverseModel.x0Parameterised(abs, stationary(abs),
            (t, xt, out) -> System.arraycopy(table[xt], 0, out, 0, 3), D3pmReverseModel.Form.JOINT);
        DiscreteDiffusion uni = DiscreteDiffusion.uniform(2, new double[] {0.5});
        ReverseChain pm = ReverseChain.of(new double[] {0.5, 0.5}, new double[][] {{0.75, 0.25}, {0.25, 0.75}});
        return java.util.List.of(
            D3pmInstance.of(abs, new double[] {0.5, 0.5, 0}, px, "x0-parameterised (JOINT), table " + Arrays.deepToString(table)),
            D3pmInstance.of(uni, new double[] {0.25, 0.75}, D3pmReverseModel.of(uni, pm), "matrices " + pm));
    }

    /** Schedules of T steps: "jsd" (weight 2), linear to 1 (weight 1), arbitrary β in (0, 1] (weight 3). */
    public static Gen<double[]> betas(int steps) {
        Gen<double[]> arbitrary = Gens.doubles(0, 1).arrays(steps, steps)
            .map(b -> {
                double[] r = b.clone();
                for (int i = 0; i < r.length; i++) {
                    r[i] = r[i] > 0 ? r[i] : 1.0; // 0 is not a corruption rate: shrink target is beta = 1
                }
                return r;
            });
        Gen<double[]> linear = Gens.doubles(0, 1).map(b -> D3pmSchedules.linear(steps, b > 0 ? b : 1.0, 1.0));
        return Gens.frequency(
            Gens.weighted(2, Gens.constant(D3pmSchedules.jsd(steps))),
            Gens.weighted(1, linear),
            Gens.weighted(3, arbitrary));
    }

    /** The stationary prior of a family: uniform, or the mask for the absorbing family. */
    public static double[] stationary(DiscreteDiffusion d) {
        double[] p = new double[d.states()];
        if (d.family() == DiscreteDiffusion.Family.ABSORBING) {
            p[d.maskState()] = 1;
        } else {
            Arrays.fill(p, 1.0 / d.states());
        }
        return p;
    }
}
