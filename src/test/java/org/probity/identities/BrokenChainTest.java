package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;

/**
 * Each finite-chain identity FAILS on deliberately broken calculi: swapped KL arguments, the
 * telescoping sum of L_{t-1} started at t = 1 (L_0 counted twice), Q̄ off by one step, a missing
 * term. Run with 1000 tries and a short shrink budget.
 */
class BrokenChainTest {
    static final RunConfig CFG = RunConfig.defaults().withTries(1000).withMaxShrinkSteps(200);

    /** The broken variants, each overriding one piece of the library. */
    static final class Broken {
        static ChainCalculus swappedKl() {
            return new LibraryChainCalculus() {
                @Override
                public double klDivergence(FiniteChain a, FiniteChain b) {
                    return super.klDivergence(b, a);
                }

                @Override
                public double[] vlbTerms(FiniteChain q, ReverseChain p, int x0) {
                    return terms(q, p, x0, true, false, false);
                }
            };
        }

        static ChainCalculus sumFromT1() {
            return new LibraryChainCalculus() {
                @Override
                public double[] vlbTerms(FiniteChain q, ReverseChain p, int x0) {
                    return terms(q, p, x0, false, true, false);
                }

                @Override
                public double vlb(FiniteChain q, ReverseChain p, int x0) {
                    return NeumaierSum.sum(terms(q, p, x0, false, true, false));
                }
            };
        }

        static ChainCalculus missingPriorTerm() {
            return new LibraryChainCalculus() {
                @Override
                public double[] vlbTerms(FiniteChain q, ReverseChain p, int x0) {
                    return terms(q, p, x0, false, false, true);
                }

                @Override
                public double vlb(FiniteChain q, ReverseChain p, int x0) {
                    return NeumaierSum.sum(terms(q, p, x0, false, false, true));
                }

                @Override
                public double totalVlb(FiniteChain q, ReverseChain p) {
                    double[] q0 = q.initial();
                    NeumaierSum s = NeumaierSum.create();
                    for (int x0 = 0; x0 < q0.length; x0++) {
                        if (q0[x0] > 0) {
                            s.add(q0[x0] * vlb(q, p, x0));
                        }
                    }
                    return s.sum();
                }

                @Override
                public double probability(FiniteChain q, int[] path) {
                    return super.probability(q, path) / q.initial()[path[0]]; // the factor q(x_0) dropped
                }
            };
        }

        static ChainCalculus cumulativeOffByOne() {
            return new LibraryChainCalculus() {
                @Override
                public double[][] cumulative(FiniteChain q, int t) {
                    return super.cumulative(q, Math.max(t - 1, 0));
                }

                @Override
                public double[] marginal(FiniteChain q, int t) {
                    return super.marginal(q, Math.max(t - 1, 0));
                }

                @Override
                public double[] posterior(FiniteChain q, int t, int x0, int xt) {
                    // Q_t[i][x_t] Q̄_t[x_0][i] instead of Q̄_{t-1}
                    double[][] qt = q.transition(t);
                    double[] cum = super.cumulative(q, t)[x0];
                    double[] post = new double[q.states()];
                    for (int i = 0; i < post.length; i++) {
                        post[i] = qt[i][xt] * cum[i];
                    }
                    double z = NeumaierSum.sum(post);
                    for (int i = 0; i < post.length; i++) {
                        post[i] = z > 0 ? post[i] / z : 1.0 / post.length;
                    }
                    return post;
                }
            };
        }

        /** The decomposition computed from the public API, with the requested mistakes. */
        static double[] terms(FiniteChain q, ReverseChain p, int x0, boolean swap, boolean fromOne, boolean dropPrior) {
            int steps = q.steps();
            double[][] m = q.startingAt(x0).marginals();
            NeumaierSum[] out = new NeumaierSum[steps + 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = NeumaierSum.create();
            }
            double[][] p1 = p.transition(1);
            for (int x1 = 0; x1 < q.states(); x1++) {
                if (m[1][x1] > 0) {
                    out[0].add(-m[1][x1] * Math.log(p1[x1][x0]));
                }
            }
            for (int t = fromOne ? 1 : 2; t <= steps; t++) {
                double[][] pt = p.transition(t);
                for (int xt = 0; xt < q.states(); xt++) {
                    if (m[t][xt] == 0) {
                        continue;
                    }
                    double[] post = t == 1 ? delta(q.states(), x0) : q.posterior(t, x0, xt);
                    out[t].add(m[t][xt] * (swap ? kl(pt[xt], post) : kl(post, pt[xt])));
                }
            }
            if (!dropPrior) {
                out[steps + 1].add(swap ? kl(p.prior(), m[steps]) : kl(m[steps], p.prior()));
            }
            double[] r = new double[out.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = out[i].sum();
            }
            return r;
        }

        static double kl(double[] a, double[] b) {
            NeumaierSum s = NeumaierSum.create();
            for (int i = 0; i < a.length; i++) {
                s.add(LogSpace.klTerm(a[i], b[i]));
            }
            return s.sum();
        }

        static double[] delta(int k, int i) {
            double[] d = new double[k];
            d[i] = 1;
            return d;
        }
    }

    record Case(String broken, ChainCalculus calculus, Function<ChainCalculus, Identity> identity) {
    }

    static List<Case> cases() {
        return List.of(
            new Case("missing L_T", Broken.missingPriorTerm(), c -> ChainIdentities.of(c).elboBound()),
            new Case("swapped KL arguments", Broken.swappedKl(), c -> ChainIdentities.of(c).elboGap()),
            new Case("missing L_T", Broken.missingPriorTerm(), c -> ChainIdentities.of(c).crossEntropyBound()),
            new Case("sum of L_{t-1} from t = 1", Broken.sumFromT1(), c -> ChainIdentities.of(c).tightBound()),
            new Case("missing factor q(x_0)", Broken.missingPriorTerm(), c -> ChainIdentities.of(c).factorisation()),
            new Case("marginal off by one step", Broken.cumulativeOffByOne(), c -> ChainIdentities.of(c).marginalisation()),
            new Case("Q̄ off by one step", Broken.cumulativeOffByOne(), c -> ChainIdentities.of(c).bayesPosterior()),
            new Case("Q̄ off by one step", Broken.cumulativeOffByOne(), c -> ChainIdentities.of(c).telescoping()),
            new Case("swapped KL arguments", Broken.swappedKl(), c -> ChainIdentities.of(c).vlbDecomposition()),
            new Case("sum of L_{t-1} from t = 1", Broken.sumFromT1(), c -> ChainIdentities.of(c).vlbDecomposition()),
            new Case("missing L_T", Broken.missingPriorTerm(), c -> ChainIdentities.of(c).vlbDecomposition()),
            new Case("Q̄ off by one step", Broken.cumulativeOffByOne(), c -> ChainIdentities.of(c).composedSteps()));
    }

    @TestFactory
    Stream<DynamicTest> eachIdentityFailsOnABrokenVariant() {
        return cases().stream().map(c -> {
            Identity id = c.identity().apply(c.calculus());
            return DynamicTest.dynamicTest(id.name() + " catches " + c.broken(), () -> {
                PropertyResult r = id.property().check(CFG);
                assertThat(r.passed()).as("%s should fail with %s", id.name(), c.broken()).isFalse();
                assertThat(r.failure()).isPresent();
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> everyIdentityIsCoveredByABrokenVariant() {
        List<String> covered = cases().stream().map(c -> c.identity().apply(ChainCalculus.library()).name()).toList();
        return ChainIdentities.all().stream().map(id -> DynamicTest.dynamicTest(id.name(),
            () -> assertThat(covered).contains(id.name())));
    }
}
