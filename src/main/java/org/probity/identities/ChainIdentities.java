package org.probity.identities;

import java.util.List;
import java.util.Objects;
import org.probity.chain.FiniteChain;
import org.probity.chain.PathEnumeration;
import org.probity.chain.ReverseChain;
import org.probity.check.Gen;
import org.probity.check.Verdict;
import org.probity.identities.gen.ChainGens;
import org.probity.identities.gen.ChainPair;
import org.probity.math.NeumaierSum;

/**
 * The identities of the variational bound on finite Markov chains, as contracts: the seven of
 * {@link FiniteChainContract} and three that need a chain's own joint — factorisation and
 * normalisation, marginalisation, telescoping of log q. The subject is a {@link ChainCalculus};
 * instances are (q, p) pairs from {@link ChainGens} (K in 2..8, T in 1..6, zeros in every matrix,
 * T = 1 a VAE, run first as examples), compared with brute-force enumeration of all paths or with
 * another of the calculus' own results. Family name: {@value #FAMILY}.
 */
public final class ChainIdentities extends FiniteChainContract<ChainPair> {
    /** The family of these identities. */
    public static final String FAMILY = "finite-chain";

    private final ChainCalculus c;

    private ChainIdentities(ChainCalculus c) {
        super("finite chain: ", FAMILY);
        this.c = Objects.requireNonNull(c, "c");
    }

    /** The identities of this family against {@code c}. */
    public static ChainIdentities of(ChainCalculus c) {
        return new ChainIdentities(c);
    }

    /** Every identity of this class against Probity's implementation. */
    public static List<Identity> all() {
        return all(ChainCalculus.library());
    }

    /** Every identity of this class against {@code c}, in catalog order. */
    public static List<Identity> all(ChainCalculus c) {
        ChainIdentities f = of(c);
        return List.of(f.elboBound(), f.elboGap(), f.crossEntropyBound(), f.tightBound(), f.factorisation(),
            f.marginalisation(), f.bayesPosterior(), f.telescoping(), f.vlbDecomposition(), f.composedSteps());
    }

    // ---------------------------------------------------------------------------------------------
    // The instances and the calculus, for the contract

    @Override
    Gen<ChainPair> instances() {
        return ChainGens.chainPairs();
    }

    @Override
    List<ChainPair> examples() {
        return ChainGens.vaeExamples();
    }

    @Override
    Gen<ChainPair> trueReverseInstances() {
        return ChainGens.forwardChains().map(q -> new ChainPair(q, ReverseChain.trueReverse(q)));
    }

    @Override
    List<ChainPair> trueReverseExamples() {
        return ChainGens.vaeExamples().stream().map(x -> new ChainPair(x.forward(), ReverseChain.trueReverse(x.forward())))
            .toList();
    }

    @Override
    int states(ChainPair pair) {
        return pair.states();
    }

    @Override
    int steps(ChainPair pair) {
        return pair.steps();
    }

    @Override
    double[] data(ChainPair pair) {
        return pair.forward().initial();
    }

    @Override
    Enumerated enumerate(ChainPair pair) {
        return new Enumerated(pair.forward(), pair.reverse());
    }

    @Override
    FiniteChain forward(ChainPair pair) {
        return pair.forward();
    }

    @Override
    ReverseChain reverse(ChainPair pair) {
        return pair.reverse();
    }

    @Override
    double[][] transition(ChainPair pair, int t) {
        return pair.forward().transition(t);
    }

    @Override
    double[][] cumulative(ChainPair pair, int t) {
        return c.cumulative(pair.forward(), t);
    }

    @Override
    double[] posterior(ChainPair pair, int t, int x0, int xt) {
        return c.posterior(pair.forward(), t, x0, xt);
    }

    @Override
    double vlb(ChainPair pair, int x0) {
        return c.vlb(pair.forward(), pair.reverse(), x0);
    }

    @Override
    double[] vlbTerms(ChainPair pair, int x0) {
        return c.vlbTerms(pair.forward(), pair.reverse(), x0);
    }

    @Override
    double logLikelihood(ChainPair pair, int x0) {
        return c.logLikelihood(pair.reverse(), x0);
    }

    @Override
    double totalVlb(ChainPair pair) {
        return c.totalVlb(pair.forward(), pair.reverse());
    }

    @Override
    double crossEntropy(ChainPair pair) {
        return c.crossEntropy(pair.forward(), pair.reverse());
    }

    @Override
    double klDivergence(FiniteChain a, FiniteChain b) {
        return c.klDivergence(a, b);
    }

    // ---------------------------------------------------------------------------------------------
    // The identities of a chain's own joint

    /** Both joints are the products of their Markov factors and sum to 1 over all paths. */
    public Identity factorisation() {
        String st = "q(x_{0:T}) = q(x_0) prod_t q(x_t|x_{t-1}) with q(x_t|x_{t-1}) = q(x_{t-1}, x_t) / q(x_{t-1}); "
            + "sum over paths of q(x_{0:T}) = sum of p(x_{0:T}) = 1";
        return identity("Markov factorisation and normalisation of both joints", st, pair -> {
                FiniteChain q = pair.forward();
                int steps = pair.steps();
                double[][] m = new double[steps + 1][];
                double[][][] pairs = new double[steps + 1][][];
                for (int t = 0; t <= steps; t++) {
                    m[t] = c.marginal(q, t);
                    if (t > 0) {
                        pairs[t] = c.pairwiseMarginal(q, t - 1, t);
                    }
                }
                NeumaierSum sq = NeumaierSum.create();
                NeumaierSum sp = NeumaierSum.create();
                Verdict[] v = {Verdict.pass()};
                PathEnumeration.forEachPath(pair.states(), steps, path -> {
                    double joint = c.probability(q, path);
                    sq.add(joint);
                    sp.add(c.probability(pair.reverse(), path));
                    double product = m[0][path[0]];
                    for (int t = 1; t <= steps && product != 0; t++) {
                        product *= pairs[t][path[t - 1]][path[t]] / m[t - 1][path[t - 1]];
                    }
                    if (v[0].passed()) {
                        v[0] = Rules.close("q(path) = q(x_0) prod q(x_{t-1}, x_t)/q(x_{t-1}) at " + java.util.Arrays.toString(path),
                            joint, product, Rules.PROBABILITY);
                    }
                });
                return v[0].and(Rules.close("sum of q(x_{0:T})", sq.sum(), 1, Rules.PROBABILITY))
                    .and(Rules.close("sum of p(x_{0:T})", sp.sum(), 1, Rules.PROBABILITY));
            });
    }

    /** Marginals and pairwise marginals agree with the sums of the joint, and with each other. */
    public Identity marginalisation() {
        String st = "q(x_t) = sum_{x_{-t}} q(x_{0:T}); sum_{x_t} q(x_s, x_t) = q(x_s); p(x_0) = sum_{x_{1:T}} p(x_{0:T})";
        return identity("marginalisation consistency", st, pair -> {
            Enumerated e = new Enumerated(pair.forward(), pair.reverse());
            FiniteChain q = pair.forward();
            Verdict v = Verdict.pass();
            for (int t = 0; t <= pair.steps(); t++) {
                double[] m = c.marginal(q, t);
                v = v.and(Rules.closeVectors("q(x_" + t + ")", m, e.marginals[t], Rules.PROBABILITY));
                int s = (t + 1) % (pair.steps() + 1);
                double[][] joint = c.pairwiseMarginal(q, s, t);
                for (int i = 0; i < pair.states(); i++) {
                    NeumaierSum col = NeumaierSum.create();
                    for (int j = 0; j < pair.states(); j++) {
                        col.add(joint[j][i]);
                    }
                    v = v.and(Rules.close("sum_{x_" + s + "} q(x_" + s + ", x_" + t + " = " + i + ")", col.sum(),
                        e.marginals[t][i], Rules.PROBABILITY));
                }
            }
            for (int x0 = 0; x0 < pair.states(); x0++) {
                v = v.and(Rules.close("exp log p(x_0 = " + x0 + ")", Math.exp(c.logLikelihood(pair.reverse(), x0)),
                    e.likelihood[x0], Rules.PROBABILITY));
            }
            return v;
        });
    }

    /** log q(x_{1:T}|x_0) = log q(x_T|x_0) + sum_{t=2}^T log q(x_{t-1}|x_t,x_0) on every path q reaches. */
    public Identity telescoping() {
        String st = "sum_{t=1}^T log q(x_t|x_{t-1}) = log q(x_T|x_0) + sum_{t=2}^T log q(x_{t-1}|x_t,x_0) "
            + "(Bayes at each t >= 2, the q(x_t|x_0) telescope)";
        return identity("telescoping of log q(x_{1:T}|x_0)", st, pair -> {
            FiniteChain q = pair.forward();
            int steps = pair.steps();
            double[][][] qs = new double[steps + 1][][];
            for (int t = 1; t <= steps; t++) {
                qs[t] = q.transition(t);
            }
            double[][] cumT = c.cumulative(q, steps);
            Verdict[] v = {Verdict.pass()};
            PathEnumeration.forEachPath(pair.states(), steps, path -> {
                if (!v[0].passed()) {
                    return;
                }
                NeumaierSum lhs = NeumaierSum.create();
                NeumaierSum abs = NeumaierSum.create();
                for (int t = 1; t <= steps; t++) {
                    double e = qs[t][path[t - 1]][path[t]];
                    if (e == 0) {
                        return;
                    }
                    lhs.add(Math.log(e));
                    abs.add(Math.abs(Math.log(e)));
                }
                NeumaierSum rhs = NeumaierSum.create().add(Math.log(cumT[path[0]][path[steps]]));
                for (int t = 2; t <= steps; t++) {
                    rhs.add(Math.log(c.posterior(q, t, path[0], path[t])[path[t - 1]]));
                }
                v[0] = Rules.close("telescoped log q(x_{1:T}|x_0) on " + java.util.Arrays.toString(path), rhs.sum(),
                    lhs.sum(), Rules.logSum(pair.states(), steps, abs.sum()));
            });
            return v[0];
        });
    }
}
