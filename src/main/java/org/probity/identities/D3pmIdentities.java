package org.probity.identities;

import java.util.List;
import java.util.Objects;
import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.check.Property;
import org.probity.check.Verdict;
import org.probity.diffusion.D3pmSchedules;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.X0Predictor;
import org.probity.identities.gen.ChainGens;
import org.probity.identities.gen.D3pmInstance;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/**
 * The identities of discrete diffusion (D3PM; Austin et al. 2021) as contracts. A D3PM is a finite
 * Markov chain, so the seven identities every finite chain satisfies come from
 * {@link FiniteChainContract}; this family adds the three of its own structure: the "jsd" schedule's
 * keep probability, the normalisation of its matrices, and the x₀-parameterised reverse step. The
 * subject is a {@link D3pmCalculus}. Instances come from {@link ChainGens#d3pmInstances()} (uniform,
 * absorbing and discretized-Gaussian families; "jsd", linear and arbitrary schedules with β = 1
 * steps; reverse models as matrices, as the true reverse process, or x₀-parameterised in both forms;
 * T = 1 included). References are computed by enumerating every path of the chains materialised
 * from the calculus' own matrices. Family name: {@value #FAMILY}.
 */
public final class D3pmIdentities extends FiniteChainContract<D3pmInstance> {
    /** The family of these identities. */
    public static final String FAMILY = "d3pm";
    private static final int MAX_JSD_STEPS = 4000;

    private final D3pmCalculus c;

    private D3pmIdentities(D3pmCalculus c) {
        super("D3PM: ", FAMILY);
        this.c = Objects.requireNonNull(c, "c");
    }

    /** The identities of this family against {@code c}. */
    public static D3pmIdentities of(D3pmCalculus c) {
        return new D3pmIdentities(c);
    }

    /** Every identity of this class against Probity's implementation. */
    public static List<Identity> all() {
        return all(D3pmCalculus.library());
    }

    /** Every identity of this class against {@code c}, in catalog order. */
    public static List<Identity> all(D3pmCalculus c) {
        D3pmIdentities f = of(c);
        return List.of(f.composedSteps(), f.jsdKeepProbability(), f.normalisation(), f.bayesPosterior(), f.elboBound(),
            f.elboGap(), f.crossEntropyBound(), f.vlbDecomposition(), f.tightBound(), f.x0Parameterisation());
    }

    // ---------------------------------------------------------------------------------------------
    // The instances and the calculus, for the contract

    @Override
    Gen<D3pmInstance> instances() {
        return ChainGens.d3pmInstances();
    }

    @Override
    List<D3pmInstance> examples() {
        return ChainGens.d3pmVaeExamples();
    }

    @Override
    Gen<D3pmInstance> trueReverseInstances() {
        return ChainGens.d3pmInstances().map(D3pmInstance::withTrueReverse);
    }

    @Override
    List<D3pmInstance> trueReverseExamples() {
        return ChainGens.d3pmVaeExamples().stream().map(D3pmInstance::withTrueReverse).toList();
    }

    @Override
    int states(D3pmInstance inst) {
        return inst.states();
    }

    @Override
    int steps(D3pmInstance inst) {
        return inst.steps();
    }

    @Override
    double[] data(D3pmInstance inst) {
        return inst.data();
    }

    /** Enumeration over the chains materialised from the calculus' own Q_t and reverse matrices. */
    @Override
    Enumerated enumerate(D3pmInstance inst) {
        double[][][] qs = new double[inst.steps()][][];
        double[][][] ps = new double[inst.steps()][][];
        for (int t = 1; t <= inst.steps(); t++) {
            qs[t - 1] = c.transition(inst.diffusion(), t);
            ps[t - 1] = c.reverseTransition(inst.reverse(), t);
        }
        return new Enumerated(FiniteChain.of(inst.data(), qs), ReverseChain.of(inst.reverse().prior(), ps));
    }

    @Override
    FiniteChain forward(D3pmInstance inst) {
        return inst.forwardChain();
    }

    @Override
    ReverseChain reverse(D3pmInstance inst) {
        return inst.reverseChain();
    }

    @Override
    double[][] transition(D3pmInstance inst, int t) {
        return c.transition(inst.diffusion(), t);
    }

    @Override
    double[][] cumulative(D3pmInstance inst, int t) {
        return c.cumulative(inst.diffusion(), t);
    }

    @Override
    double[] posterior(D3pmInstance inst, int t, int x0, int xt) {
        return c.posterior(inst.diffusion(), t, x0, xt);
    }

    @Override
    double vlb(D3pmInstance inst, int x0) {
        return c.vlb(inst, x0);
    }

    @Override
    double[] vlbTerms(D3pmInstance inst, int x0) {
        return c.vlbTerms(inst, x0);
    }

    @Override
    double logLikelihood(D3pmInstance inst, int x0) {
        return c.logLikelihood(inst, x0);
    }

    @Override
    double totalVlb(D3pmInstance inst) {
        return c.totalVlb(inst);
    }

    @Override
    double crossEntropy(D3pmInstance inst) {
        return c.crossEntropy(inst);
    }

    /** The path-law KL of the chain library (the calculus has no KL of its own). */
    @Override
    double klDivergence(FiniteChain a, FiniteChain b) {
        return a.klDivergence(b);
    }

    // ---------------------------------------------------------------------------------------------
    // The identities of D3PM's own structure

    /**
     * The "jsd" schedule β_t = 1/(T − t + 1): a token is uncorrupted after t steps with probability
     * 1 − t/T (ORACLES.md; Austin et al. 2021). Reference: the correctly rounded (T − t)/T. Rule:
     * (4 + 4 |log(1 − t/T)|) ulps: each β_t is rounded once, each log1p(−β_t) adds an ulp of itself,
     * the compensated sum adds 2u of the sum of magnitudes (= |log ᾱ_t|), and exp turns the absolute
     * error of the log into a relative error.
     */
    public Identity jsdKeepProbability() {
        Gen<int[]> gen = ch -> {
            int steps = Gens.integers(1, MAX_JSD_STEPS).generate(ch);
            int t = Gens.integers(0, steps).generate(ch);
            int k = Gens.integers(2, 6).generate(ch);
            int family = Gens.integers(0, 1).generate(ch);
            return new int[] {steps, t, k, family};
        };
        String name = "D3PM: jsd schedule keeps a token with probability 1 - t/T";
        Property<int[]> p = Property.forAll(name, gen, a -> {
            int steps = a[0];
            int t = a[1];
            DiscreteDiffusion d = DiscreteDiffusion.create(a[3] == 0 ? DiscreteDiffusion.Family.UNIFORM
                : DiscreteDiffusion.Family.ABSORBING, a[2], D3pmSchedules.jsd(steps));
            double exact = (double) (steps - t) / steps;
            long budget = 4 + (exact > 0 ? (long) Math.ceil(4 * Math.abs(Math.log(exact))) : 0);
            Tolerance tol = Tolerance.ulps(budget).named("(4 + 4 |log(1 - t/T)|) ulps: rounded beta, log1p, compensated sum, exp");
            double keep = c.keepProbability(d, t);
            Verdict v = Verdict.close("abar_" + t + " (T = " + steps + ") = 1 - t/T", keep, exact, tol);
            if (d.family() == DiscreteDiffusion.Family.ABSORBING) {
                v = v.and(Verdict.close("Q̄_t[0][0] = 1 - t/T", c.cumulative(d, t)[0][0], exact, tol));
            }
            return v;
        }).withExamples(List.of(new int[] {1, 0, 2, 0}, new int[] {1, 1, 2, 1}, new int[] {4000, 3999, 3, 1}));
        return Identity.of(name, FAMILY, "beta_t = 1/(T - t + 1) => prod_{s<=t} (1 - beta_s) = 1 - t/T", p);
    }

    /** Q_t, Q̄_t and the reverse matrices are row-stochastic; both joints sum to 1 over all paths. */
    public Identity normalisation() {
        return identity("normalisation of Q_t, Q̄_t, p(x_{t-1}|x_t) and both joints",
            "sum_j Q_t[i][j] = sum_j Q̄_t[i][j] = sum_j P_t[i][j] = 1, entries >= 0; sum over paths of q and of p = 1",
            inst -> {
                Verdict v = Verdict.pass();
                for (int t = 1; t <= inst.steps(); t++) {
                    v = v.and(rows("Q_" + t, c.transition(inst.diffusion(), t)))
                        .and(rows("Q̄_" + t, c.cumulative(inst.diffusion(), t)))
                        .and(rows("P_" + t, c.reverseTransition(inst.reverse(), t)));
                }
                Enumerated e = enumerate(inst);
                return v.and(Rules.close("sum of q(x_{0:T})", e.totalQ, 1, Rules.PROBABILITY))
                    .and(Rules.close("sum of p(x_{0:T})", e.totalP, 1, Rules.PROBABILITY));
            });
    }

    /** A diffusion and an x₀-prediction table {@code [t-1][x_t]}, for {@link #x0Parameterisation}. */
    public record X0Case(DiscreteDiffusion diffusion, double[][][] table) {
        @Override
        public String toString() {
            return diffusion + "\n  p~(x0 | xt) table " + java.util.Arrays.deepToString(table);
        }
    }

    /**
     * The x₀-parameterised reverse step (Austin et al. 2021, eq. 4, and the mixture of posteriors),
     * against enumeration: JOINT \( \propto \sum_{\tilde{x}_0} \tilde{p}(\tilde{x}_0) q(x_{t-1}, x_t \mid \tilde{x}_0) \),
     * MIXTURE \( = \sum \tilde{p}(\tilde{x}_0) q(x_{t-1} \mid x_t, \tilde{x}_0) \) over reachable
     * \( \tilde{x}_0 \) (renormalised), both \( = \tilde{p}(x_0 \mid x_1) \) at t = 1; so an exact
     * (one-hot) prediction reproduces the forward posterior.
     */
    public Identity x0Parameterisation() {
        String name = "D3PM: x0-parameterised reverse step = posterior weighted by the prediction";
        Gen<X0Case> gen = ch -> {
            D3pmInstance inst = ChainGens.d3pmInstances().generate(ch);
            Gen<double[][]> rows = Gens.stochasticMatrices(inst.states(), inst.states());
            double[][][] table = new double[inst.steps()][][];
            for (int t = 0; t < table.length; t++) {
                table[t] = rows.generate(ch);
            }
            return new X0Case(inst.diffusion(), table);
        };
        Property<X0Case> p = Property.forAll(name, gen, x -> {
            DiscreteDiffusion d = x.diffusion();
            int k = d.states();
            double[] q0 = new double[k];
            java.util.Arrays.fill(q0, 1.0 / k);
            Enumerated e = new Enumerated(d.forwardChain(q0), ReverseChain.of(q0, identityMatrices(k, d.steps())));
            X0Predictor pred = (t, xt, out) -> System.arraycopy(x.table()[t - 1][xt], 0, out, 0, k);
            Verdict v = Verdict.pass();
            for (var form : org.probity.diffusion.D3pmReverseModel.Form.values()) {
                for (int t = 1; t <= d.steps(); t++) {
                    double[][] got = c.x0ReverseTransition(d, pred, form, t);
                    for (int xt = 0; xt < k; xt++) {
                        double[] w = x.table()[t - 1][xt];
                        double[] ref = new double[k];
                        NeumaierSum weight = NeumaierSum.create();
                        double minZ = 1;
                        for (int x0 = 0; x0 < k; x0++) {
                            double z = e.cumulative[t][x0][xt];
                            if (w[x0] == 0 || z == 0) {
                                continue;
                            }
                            weight.add(w[x0]);
                            minZ = Math.min(minZ, z);
                            for (int i = 0; i < k; i++) {
                                ref[i] += t == 1 ? (i == x0 ? w[x0] : 0)
                                    : form == org.probity.diffusion.D3pmReverseModel.Form.JOINT ? w[x0] * e.triples[t][x0][i][xt]
                                    : w[x0] * (e.triples[t][x0][i][xt] / z);
                            }
                        }
                        double norm = t == 1 ? 1 : form == org.probity.diffusion.D3pmReverseModel.Form.JOINT
                            ? NeumaierSum.sum(ref) : weight.sum();
                        if (t == 1) {
                            ref = w.clone();
                        } else if (!(norm > 0)) {
                            continue; // x_t unreachable from every predicted x_0: the row is arbitrary
                        } else {
                            for (int i = 0; i < k; i++) {
                                ref[i] /= norm;
                            }
                        }
                        if (form == org.probity.diffusion.D3pmReverseModel.Form.JOINT) {
                            minZ = Math.min(minZ, norm);
                        }
                        v = v.and(Rules.closeVectors(form + " p(x_{t-1} | x_t = " + xt + "), t = " + t, got[xt], ref,
                            Rules.underflow(k, minZ)));
                    }
                }
            }
            return v;
        });
        return Identity.of(name, FAMILY, "p(x_{t-1}|x_t) ∝ sum_x0 q(x_{t-1},x_t|x0) p~(x0|x_t) (eq. 4), "
            + "or = sum_x0 q(x_{t-1}|x_t,x0) p~(x0|x_t); = p~(x_0|x_1) at t = 1", p);
    }

    private static double[][][] identityMatrices(int k, int steps) {
        double[][][] m = new double[steps][k][k];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < k; i++) {
                m[t][i][i] = 1;
            }
        }
        return m;
    }

    private static Verdict rows(String what, double[][] m) {
        Verdict v = Verdict.pass();
        for (int i = 0; i < m.length; i++) {
            boolean nonNegative = true;
            for (double x : m[i]) {
                nonNegative &= x >= 0;
            }
            v = v.and(Verdict.check(nonNegative, what + " row " + i + " has a negative or NaN entry"))
                .and(Rules.close(what + " row " + i + " sums to 1", NeumaierSum.sum(m[i]), 1, Rules.PROBABILITY));
        }
        return v;
    }
}
