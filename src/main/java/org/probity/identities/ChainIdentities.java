package org.probity.identities;

import java.util.List;
import java.util.Objects;
import org.probity.chain.FiniteChain;
import org.probity.chain.PathEnumeration;
import org.probity.chain.ReverseChain;
import org.probity.check.Property;
import org.probity.check.Verdict;
import org.probity.identities.gen.ChainGens;
import org.probity.identities.gen.ChainPair;
import org.probity.math.NeumaierSum;

/**
 * The identities of the variational bound on finite Markov chains (Sohl-Dickstein et al. 2015;
 * Ho et al. 2020, §2 and Appendix A, for a finite state space), as contracts: each factory takes
 * the {@link ChainCalculus} under test and returns an {@link Identity} whose property generates
 * (q, p) pairs with {@link ChainGens} (K in 2..8, T in 1..6, zeros in every matrix, T = 1 a VAE) and
 * compares the calculus with brute-force enumeration of all paths or with another of its own
 * results. Family name: {@value #FAMILY}.
 */
public final class ChainIdentities {
    /** The family of these identities. */
    public static final String FAMILY = "finite-chain";

    private ChainIdentities() {
    }

    /** Every identity of this class against Probity's implementation. */
    public static List<Identity> all() {
        return all(ChainCalculus.library());
    }

    /** Every identity of this class against {@code c}. */
    public static List<Identity> all(ChainCalculus c) {
        Objects.requireNonNull(c, "c");
        return List.of(elboBound(c), elboGap(c), crossEntropyBound(c), tightBound(c), factorisation(c),
            marginalisation(c), bayesPosterior(c), telescoping(c), vlbDecomposition(c), composedSteps(c));
    }

    /** ELBO(x_0) <= log p(x_0) for every x_0. */
    public static Identity elboBound(ChainCalculus c) {
        String st = "ELBO(x_0) = -E_{q(x_{1:T}|x_0)}[log q(x_{1:T}|x_0) - log p(x_{0:T})] <= log p(x_0) for every x_0";
        return identity("finite chain: ELBO <= log p(x_0)", st, ChainGens.chainPairs(), pair -> {
            Enumerated e = new Enumerated(pair.forward(), pair.reverse());
            Verdict v = Verdict.pass();
            for (int x0 = 0; x0 < pair.states(); x0++) {
                double elbo = -c.vlb(pair.forward(), pair.reverse(), x0);
                double logP = c.logLikelihood(pair.reverse(), x0);
                v = v.and(Verdict.atMost("ELBO(" + x0 + ") <= log p(" + x0 + ")", elbo, logP,
                    Rules.logSum(pair.states(), pair.steps(), e.magnitude[x0])));
            }
            return v;
        });
    }

    /** log p(x_0) - ELBO(x_0) = KL(q(x_{1:T} | x_0) || p(x_{1:T} | x_0)) where p(x_0) > 0. */
    public static Identity elboGap(ChainCalculus c) {
        String st = "log p(x_0) - ELBO(x_0) = KL(q(x_{1:T}|x_0) || p(x_{1:T}|x_0)) for every x_0 with p(x_0) > 0";
        return identity("finite chain: ELBO gap = KL to the reverse posterior", st, ChainGens.chainPairs(), pair -> {
            Enumerated e = new Enumerated(pair.forward(), pair.reverse());
            FiniteChain pForward = pair.reverse().forwardTime();
            Verdict v = Verdict.pass();
            for (int x0 = 0; x0 < pair.states(); x0++) {
                if (!(e.likelihood[x0] > 0)) {
                    continue;
                }
                double gap = c.logLikelihood(pair.reverse(), x0) + c.vlb(pair.forward(), pair.reverse(), x0);
                double kl = c.klDivergence(pair.forward().startingAt(x0), pForward.given(0, x0));
                v = v.and(Rules.close("log p(x_0) - ELBO = KL at x_0 = " + x0, gap, kl,
                    Rules.logSum(pair.states(), pair.steps(), e.magnitude[x0])));
            }
            return v;
        });
    }

    /** L_CE <= L_VLB. */
    public static Identity crossEntropyBound(ChainCalculus c) {
        String st = "L_CE = -E_{q(x_0)} log p(x_0) <= L_VLB = E_{q(x_{0:T})}[log q(x_{1:T}|x_0) - log p(x_{0:T})]";
        return identity("finite chain: L_CE <= L_VLB", st, ChainGens.chainPairs(), pair -> {
            Enumerated e = new Enumerated(pair.forward(), pair.reverse());
            double mag = Rules.expectedMagnitude(pair.forward().initial(), e.magnitude);
            return Verdict.atMost("L_CE <= L_VLB", c.crossEntropy(pair.forward(), pair.reverse()),
                c.totalVlb(pair.forward(), pair.reverse()), Rules.logSum(pair.states(), pair.steps(), mag));
        });
    }

    /** With p the true reverse process, ELBO(x_0) = log p(x_0) = log q(x_0). */
    public static Identity tightBound(ChainCalculus c) {
        String st = "p(x_T) = q(x_T), p(x_{t-1}|x_t) = q(x_{t-1}|x_t) => ELBO(x_0) = log p(x_0) = log q(x_0), L_VLB = L_CE = H(q(x_0))";
        return identity("finite chain: bound tight for the true reverse process", st,
            ChainGens.forwardChains().map(q -> new ChainPair(q, ReverseChain.trueReverse(q))), pair -> {
                Enumerated e = new Enumerated(pair.forward(), pair.reverse());
                double[] q0 = pair.forward().initial();
                Verdict v = Verdict.pass();
                for (int x0 = 0; x0 < pair.states(); x0++) {
                    if (q0[x0] == 0) {
                        continue;
                    }
                    var tol = Rules.logSum(pair.states(), pair.steps(), e.magnitude[x0] + Math.abs(Math.log(q0[x0])));
                    v = v.and(Rules.close("ELBO(" + x0 + ") = log q(x_0)", -c.vlb(pair.forward(), pair.reverse(), x0),
                        Math.log(q0[x0]), tol));
                    v = v.and(Rules.close("log p(" + x0 + ") = log q(x_0)", c.logLikelihood(pair.reverse(), x0),
                        Math.log(q0[x0]), tol));
                }
                double mag = Rules.expectedMagnitude(q0, e.magnitude) + 1;
                return v.and(Rules.close("L_VLB = L_CE", c.totalVlb(pair.forward(), pair.reverse()),
                    c.crossEntropy(pair.forward(), pair.reverse()), Rules.logSum(pair.states(), pair.steps(), mag)));
            }, ChainGens.vaeExamples().stream()
                .map(x -> new ChainPair(x.forward(), ReverseChain.trueReverse(x.forward()))).toList());
    }

    /** Both joints are the products of their Markov factors and sum to 1 over all paths. */
    public static Identity factorisation(ChainCalculus c) {
        String st = "q(x_{0:T}) = q(x_0) prod_t q(x_t|x_{t-1}) with q(x_t|x_{t-1}) = q(x_{t-1}, x_t) / q(x_{t-1}); "
            + "sum over paths of q(x_{0:T}) = sum of p(x_{0:T}) = 1";
        return identity("finite chain: Markov factorisation and normalisation of both joints", st, ChainGens.chainPairs(),
            pair -> {
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
    public static Identity marginalisation(ChainCalculus c) {
        String st = "q(x_t) = sum_{x_{-t}} q(x_{0:T}); sum_{x_t} q(x_s, x_t) = q(x_s); p(x_0) = sum_{x_{1:T}} p(x_{0:T})";
        return identity("finite chain: marginalisation consistency", st, ChainGens.chainPairs(), pair -> {
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

    /** Bayes' rule: the forward posterior equals the conditional of the joint and satisfies the product rule. */
    public static Identity bayesPosterior(ChainCalculus c) {
        String st = "q(x_{t-1}|x_t,x_0) = q(x_t|x_{t-1}) q(x_{t-1}|x_0) / q(x_t|x_0) = q(x_{t-1},x_t|x_0) / q(x_t|x_0)";
        return identity("finite chain: Bayes' rule for the forward posterior", st, ChainGens.chainPairs(), pair -> {
            Enumerated e = new Enumerated(pair.forward(), pair.reverse());
            FiniteChain q = pair.forward();
            int k = pair.states();
            Verdict v = Verdict.pass();
            for (int t = 1; t <= pair.steps(); t++) {
                double[][] qt = q.transition(t);
                double[][] prev = c.cumulative(q, t - 1);
                double[][] cur = c.cumulative(q, t);
                for (int x0 = 0; x0 < k; x0++) {
                    for (int xt = 0; xt < k; xt++) {
                        if (e.cumulative[t][x0][xt] == 0) {
                            continue;
                        }
                        double[] post = c.posterior(q, t, x0, xt);
                        for (int i = 0; i < k; i++) {
                            String at = "(t=" + t + ", x_0=" + x0 + ", x_t=" + xt + ", x_{t-1}=" + i + ")";
                            v = v.and(Rules.close("q(x_{t-1}|x_t,x_0) = conditional of the joint " + at, post[i],
                                e.triples[t][x0][i][xt] / e.cumulative[t][x0][xt], Rules.PROBABILITY));
                            v = v.and(Rules.close("q(x_{t-1}|x_t,x_0) q(x_t|x_0) = q(x_t|x_{t-1}) q(x_{t-1}|x_0) " + at,
                                post[i] * cur[x0][xt], qt[i][xt] * prev[x0][i], Rules.PROBABILITY));
                        }
                    }
                }
            }
            return v;
        });
    }

    /** log q(x_{1:T}|x_0) = log q(x_T|x_0) + sum_{t=2}^T log q(x_{t-1}|x_t,x_0) on every path q reaches. */
    public static Identity telescoping(ChainCalculus c) {
        String st = "sum_{t=1}^T log q(x_t|x_{t-1}) = log q(x_T|x_0) + sum_{t=2}^T log q(x_{t-1}|x_t,x_0) "
            + "(Bayes at each t >= 2, the q(x_t|x_0) telescope)";
        return identity("finite chain: telescoping of log q(x_{1:T}|x_0)", st, ChainGens.chainPairs(), pair -> {
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

    /** VLB(x_0) by DP = L_T + sum L_{t-1} + L_0 = the direct expectation by enumeration. */
    public static Identity vlbDecomposition(ChainCalculus c) {
        String st = "E_q[log q(x_{1:T}|x_0) - log p(x_{0:T})] (enumeration) = VLB(x_0) (DP) = L_T + sum_{t=2}^T L_{t-1} + L_0";
        return identity("finite chain: L_VLB = L_T + sum L_{t-1} + L_0 = direct expectation", st, ChainGens.chainPairs(),
            pair -> {
                Enumerated e = new Enumerated(pair.forward(), pair.reverse());
                Verdict v = Verdict.pass();
                for (int x0 = 0; x0 < pair.states(); x0++) {
                    var tol = Rules.logSum(pair.states(), pair.steps(), e.magnitude[x0]);
                    double direct = c.vlb(pair.forward(), pair.reverse(), x0);
                    double decomposed = NeumaierSum.sum(c.vlbTerms(pair.forward(), pair.reverse(), x0));
                    v = v.and(Rules.close("VLB(x_0 = " + x0 + ") by DP = by enumeration", direct, e.vlb[x0], tol));
                    v = v.and(Rules.close("L_T + sum L_{t-1} + L_0 at x_0 = " + x0 + " = by enumeration", decomposed,
                        e.vlb[x0], tol));
                }
                return v;
            });
    }

    /** q(x_t | x_0) in closed form (Q̄_t) = t composed steps (sum over the paths x_{1:t-1}). */
    public static Identity composedSteps(ChainCalculus c) {
        String st = "Q̄_t[x_0][x_t] = q(x_t|x_0) = sum_{x_{1:t-1}} prod_{s<=t} Q_s[x_{s-1}][x_s], Q̄_0 = I";
        return identity("finite chain: q(x_t|x_0) = Q̄_t = t composed steps", st, ChainGens.chainPairs(), pair -> {
            Enumerated e = new Enumerated(pair.forward(), pair.reverse());
            Verdict v = Verdict.pass();
            for (int t = 0; t <= pair.steps(); t++) {
                double[][] cum = c.cumulative(pair.forward(), t);
                for (int x0 = 0; x0 < pair.states(); x0++) {
                    v = v.and(Rules.closeVectors("Q̄_" + t + "[" + x0 + "]", cum[x0], e.cumulative[t][x0], Rules.PROBABILITY));
                }
            }
            return v;
        });
    }

    private static Identity identity(String name, String statement, org.probity.check.Gen<ChainPair> gen,
                                     java.util.function.Function<ChainPair, Verdict> body) {
        return identity(name, statement, gen, body, ChainGens.vaeExamples());
    }

    /** The identity, with explicit T = 1 examples run first (T = 1, a VAE, is a valid instance of each). */
    private static Identity identity(String name, String statement, org.probity.check.Gen<ChainPair> gen,
                                     java.util.function.Function<ChainPair, Verdict> body, List<ChainPair> examples) {
        Property<ChainPair> p = Property.forAll(name, gen, body).withExamples(examples);
        return Identity.of(name, FAMILY, statement, p);
    }
}
