package org.probity.identities;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
 * The identities of discrete diffusion (D3PM; Austin et al. 2021) as contracts: each factory takes
 * the {@link D3pmCalculus} under test. Instances come from {@link ChainGens#d3pmInstances()}
 * (uniform, absorbing and discretized-Gaussian families; "jsd", linear and arbitrary schedules with
 * β = 1 steps; reverse models as matrices, as the true reverse process, or x₀-parameterised in both
 * forms; T = 1 included). References are computed by enumerating every path of the materialised
 * chains. Family name: {@value #FAMILY}.
 */
public final class D3pmIdentities {
    /** The family of these identities. */
    public static final String FAMILY = "d3pm";
    private static final int MAX_JSD_STEPS = 4000;

    private D3pmIdentities() {
    }

    /** Every identity of this class against Probity's implementation. */
    public static List<Identity> all() {
        return all(D3pmCalculus.library());
    }

    /** Every identity of this class against {@code c}. */
    public static List<Identity> all(D3pmCalculus c) {
        Objects.requireNonNull(c, "c");
        return List.of(composedSteps(c), jsdKeepProbability(c), normalisation(c), bayesPosterior(c), elboBound(c),
            elboGap(c), crossEntropyBound(c), vlbDecomposition(c), tightBound(c), x0Parameterisation(c));
    }

    /** Q̄_t in closed form = Q_1 ⋯ Q_t (sum over paths). */
    public static Identity composedSteps(D3pmCalculus c) {
        return identity("D3PM: q(x_t|x_0) = Q̄_t = t composed steps",
            "Q̄_t[x_0][x_t] = sum_{x_{1:t-1}} prod_{s<=t} Q_s[x_{s-1}][x_s]; uniform and absorbing: "
                + "Q̄_t = abar_t I + (1 - abar_t) (11^T/K or 1 e_m^T)", inst -> {
                Enumerated e = enumerate(c, inst);
                Verdict v = Verdict.pass();
                for (int t = 0; t <= inst.steps(); t++) {
                    double[][] cum = c.cumulative(inst.diffusion(), t);
                    for (int x0 = 0; x0 < inst.states(); x0++) {
                        v = v.and(Rules.closeVectors("Q̄_" + t + "[" + x0 + "]", cum[x0], e.cumulative[t][x0],
                            Rules.PROBABILITY));
                    }
                }
                return v;
            });
    }

    /**
     * The "jsd" schedule β_t = 1/(T − t + 1): a token is uncorrupted after t steps with probability
     * 1 − t/T (ORACLES.md; Austin et al. 2021). Reference: the correctly rounded (T − t)/T. Rule:
     * (4 + 4 |log(1 − t/T)|) ulps: each β_t is rounded once, each log1p(−β_t) adds an ulp of itself,
     * the compensated sum adds 2u of the sum of magnitudes (= |log ᾱ_t|), and exp turns the absolute
     * error of the log into a relative error.
     */
    public static Identity jsdKeepProbability(D3pmCalculus c) {
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
    public static Identity normalisation(D3pmCalculus c) {
        return identity("D3PM: normalisation of Q_t, Q̄_t, p(x_{t-1}|x_t) and both joints",
            "sum_j Q_t[i][j] = sum_j Q̄_t[i][j] = sum_j P_t[i][j] = 1, entries >= 0; sum over paths of q and of p = 1",
            inst -> {
                Verdict v = Verdict.pass();
                for (int t = 1; t <= inst.steps(); t++) {
                    v = v.and(rows("Q_" + t, c.transition(inst.diffusion(), t)))
                        .and(rows("Q̄_" + t, c.cumulative(inst.diffusion(), t)))
                        .and(rows("P_" + t, c.reverseTransition(inst.reverse(), t)));
                }
                Enumerated e = enumerate(c, inst);
                return v.and(Rules.close("sum of q(x_{0:T})", e.totalQ, 1, Rules.PROBABILITY))
                    .and(Rules.close("sum of p(x_{0:T})", e.totalP, 1, Rules.PROBABILITY));
            });
    }

    /** The closed-form posterior equals the conditional of the joint. */
    public static Identity bayesPosterior(D3pmCalculus c) {
        return identity("D3PM: Bayes' rule for the forward posterior",
            "q(x_{t-1}|x_t,x_0) = Q_t[x_{t-1}][x_t] Q̄_{t-1}[x_0][x_{t-1}] / Q̄_t[x_0][x_t] = q(x_{t-1},x_t|x_0) / q(x_t|x_0)",
            inst -> {
                Enumerated e = enumerate(c, inst);
                Verdict v = Verdict.pass();
                for (int t = 1; t <= inst.steps(); t++) {
                    for (int x0 = 0; x0 < inst.states(); x0++) {
                        for (int xt = 0; xt < inst.states(); xt++) {
                            double z = e.cumulative[t][x0][xt];
                            if (z == 0) {
                                continue;
                            }
                            double[] post = c.posterior(inst.diffusion(), t, x0, xt);
                            double[] ref = new double[inst.states()];
                            for (int i = 0; i < ref.length; i++) {
                                ref[i] = e.triples[t][x0][i][xt] / z;
                            }
                            v = v.and(Rules.closeVectors("q(x_{t-1}|x_t=" + xt + ",x_0=" + x0 + "), t=" + t, post, ref,
                                Rules.PROBABILITY));
                        }
                    }
                }
                return v;
            });
    }

    /** ELBO(x_0) <= log p(x_0). */
    public static Identity elboBound(D3pmCalculus c) {
        return identity("D3PM: ELBO <= log p(x_0)", "ELBO(x_0) <= log p_theta(x_0) for every x_0", inst -> {
            Enumerated e = enumerate(c, inst);
            Verdict v = Verdict.pass();
            for (int x0 = 0; x0 < inst.states(); x0++) {
                v = v.and(Verdict.atMost("ELBO(" + x0 + ") <= log p(" + x0 + ")", -c.vlb(inst, x0),
                    c.logLikelihood(inst, x0), Rules.logSum(inst.states(), inst.steps(), e.magnitude[x0])));
            }
            return v;
        });
    }

    /** log p(x_0) − ELBO(x_0) = KL(q(x_{1:T}|x_0) || p(x_{1:T}|x_0)). */
    public static Identity elboGap(D3pmCalculus c) {
        return identity("D3PM: ELBO gap = KL to the reverse posterior",
            "log p(x_0) - ELBO(x_0) = KL(q(x_{1:T}|x_0) || p_theta(x_{1:T}|x_0)) where p_theta(x_0) > 0", inst -> {
                Enumerated e = enumerate(c, inst);
                FiniteChain q = inst.forwardChain();
                FiniteChain pf = inst.reverseChain().forwardTime();
                Verdict v = Verdict.pass();
                for (int x0 = 0; x0 < inst.states(); x0++) {
                    if (!(e.likelihood[x0] > 0)) {
                        continue;
                    }
                    double gap = c.logLikelihood(inst, x0) + c.vlb(inst, x0);
                    double kl = q.startingAt(x0).klDivergence(pf.given(0, x0));
                    v = v.and(Rules.close("log p - ELBO = KL at x_0 = " + x0, gap, kl,
                        Rules.logSum(inst.states(), inst.steps(), e.magnitude[x0])));
                }
                return v;
            });
    }

    /** L_CE <= L_VLB. */
    public static Identity crossEntropyBound(D3pmCalculus c) {
        return identity("D3PM: L_CE <= L_VLB", "-E_{q(x_0)} log p_theta(x_0) <= E_{q(x_0)} VLB(x_0)", inst -> {
            Enumerated e = enumerate(c, inst);
            double mag = Rules.expectedMagnitude(inst.data(), e.magnitude);
            return Verdict.atMost("L_CE <= L_VLB", c.crossEntropy(inst), c.totalVlb(inst),
                Rules.logSum(inst.states(), inst.steps(), mag));
        });
    }

    /** The direct VLB (DP), its decomposition, and enumeration agree. */
    public static Identity vlbDecomposition(D3pmCalculus c) {
        return identity("D3PM: L_VLB = L_T + sum L_{t-1} + L_0 = direct expectation",
            "E_q[log q(x_{1:T}|x_0) - log p(x_{0:T})] (enumeration) = VLB(x_0) (DP) = L_T + sum_{t=2}^T L_{t-1} + L_0",
            inst -> {
                Enumerated e = enumerate(c, inst);
                Verdict v = Verdict.pass();
                for (int x0 = 0; x0 < inst.states(); x0++) {
                    Tolerance tol = Rules.logSum(inst.states(), inst.steps(), e.magnitude[x0]);
                    v = v.and(Rules.close("VLB(x_0 = " + x0 + ") by DP = by enumeration", c.vlb(inst, x0), e.vlb[x0], tol));
                    v = v.and(Rules.close("L_T + sum L_{t-1} + L_0 at x_0 = " + x0, NeumaierSum.sum(c.vlbTerms(inst, x0)),
                        e.vlb[x0], tol));
                }
                return v;
            });
    }

    /** With the true reverse process the bound is tight. */
    public static Identity tightBound(D3pmCalculus c) {
        String name = "D3PM: bound tight for the true reverse process";
        Property<D3pmInstance> p = Property.forAll(name, ChainGens.d3pmInstances().map(D3pmInstance::withTrueReverse),
            inst -> {
                Enumerated e = enumerate(c, inst);
                double[] q0 = inst.data();
                Verdict v = Verdict.pass();
                for (int x0 = 0; x0 < inst.states(); x0++) {
                    if (q0[x0] == 0) {
                        continue;
                    }
                    Tolerance tol = Rules.logSum(inst.states(), inst.steps(), e.magnitude[x0] + Math.abs(Math.log(q0[x0])));
                    v = v.and(Rules.close("ELBO(" + x0 + ") = log q(x_0)", -c.vlb(inst, x0), Math.log(q0[x0]), tol));
                }
                return v;
            }).withExamples(ChainGens.d3pmVaeExamples().stream().map(D3pmInstance::withTrueReverse).toList());
        return Identity.of(name, FAMILY, "p = true reverse of q => ELBO(x_0) = log p(x_0) = log q(x_0)", p);
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
    public static Identity x0Parameterisation(D3pmCalculus c) {
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

    /** Enumeration over the chains materialised from the calculus' own Q_t and reverse matrices. */
    private static Enumerated enumerate(D3pmCalculus c, D3pmInstance inst) {
        double[][][] qs = new double[inst.steps()][][];
        double[][][] ps = new double[inst.steps()][][];
        for (int t = 1; t <= inst.steps(); t++) {
            qs[t - 1] = c.transition(inst.diffusion(), t);
            ps[t - 1] = c.reverseTransition(inst.reverse(), t);
        }
        return new Enumerated(FiniteChain.of(inst.data(), qs), ReverseChain.of(inst.reverse().prior(), ps));
    }

    private static Identity identity(String name, String statement, Function<D3pmInstance, Verdict> body) {
        Property<D3pmInstance> p = Property.forAll(name, ChainGens.d3pmInstances(), body)
            .withExamples(ChainGens.d3pmVaeExamples());
        return Identity.of(name, FAMILY, statement, p);
    }
}
