package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.check.PropertyResult;
import org.probity.diffusion.D3pmReverseModel;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.X0Predictor;
import org.probity.identities.gen.D3pmInstance;
import org.probity.math.NeumaierSum;

/**
 * Each D3PM identity FAILS on a deliberately broken calculus: Q̄ (ᾱ) off by one step, swapped KL
 * arguments, the sum of L_{t-1} started at t = 1, a missing term (L_T; the β/K on the diagonal of
 * the uniform Q_t).
 */
class BrokenD3pmTest {
    static D3pmCalculus offByOne() {
        return new LibraryD3pmCalculus() {
            @Override
            public double[][] cumulative(DiscreteDiffusion d, int t) {
                return super.cumulative(d, Math.max(t - 1, 0));
            }

            @Override
            public double keepProbability(DiscreteDiffusion d, int t) {
                return super.keepProbability(d, Math.max(t - 1, 0));
            }

            @Override
            public double[] posterior(DiscreteDiffusion d, int t, int x0, int xt) {
                double[][] q = d.transition(t);
                double[] cum = super.cumulative(d, t)[x0]; // Q̄_t where Q̄_{t-1} belongs
                double[] post = new double[d.states()];
                for (int i = 0; i < post.length; i++) {
                    post[i] = q[i][xt] * cum[i];
                }
                double z = NeumaierSum.sum(post);
                for (int i = 0; i < post.length; i++) {
                    post[i] = z > 0 ? post[i] / z : 1.0 / post.length;
                }
                return post;
            }
        };
    }

    static D3pmCalculus terms(boolean swap, boolean fromOne, boolean dropPrior) {
        return new LibraryD3pmCalculus() {
            double[] broken(D3pmInstance inst, int x0) {
                return BrokenChainTest.Broken.terms(inst.forwardChain(), inst.reverseChain(), x0, swap, fromOne, dropPrior);
            }

            @Override
            public double[] vlbTerms(D3pmInstance inst, int x0) {
                return broken(inst, x0);
            }

            @Override
            public double vlb(D3pmInstance inst, int x0) {
                return swap ? super.vlb(inst, x0) : NeumaierSum.sum(broken(inst, x0));
            }

            @Override
            public double totalVlb(D3pmInstance inst) {
                double[] q0 = inst.data();
                NeumaierSum s = NeumaierSum.create();
                for (int x0 = 0; x0 < q0.length; x0++) {
                    if (q0[x0] > 0) {
                        s.add(q0[x0] * vlb(inst, x0));
                    }
                }
                return s.sum();
            }
        };
    }

    static D3pmCalculus uniformDiagonalMissingTerm() {
        return new LibraryD3pmCalculus() {
            @Override
            public double[][] transition(DiscreteDiffusion d, int t) {
                double[][] q = super.transition(d, t);
                if (d.family() == DiscreteDiffusion.Family.UNIFORM) {
                    for (int i = 0; i < q.length; i++) {
                        q[i][i] = 1 - d.betas()[t - 1]; // the beta/K of the diagonal forgotten
                    }
                }
                return q;
            }
        };
    }

    /** The x₀-parameterised reverse step built with Q̄_t where Q̄_{t-1} belongs (ᾱ off by one step). */
    static D3pmCalculus x0StepOffByOne() {
        return new LibraryD3pmCalculus() {
            @Override
            public double[][] x0ReverseTransition(DiscreteDiffusion d, X0Predictor predictor, D3pmReverseModel.Form form,
                                                  int t) {
                int k = d.states();
                double[][] out = new double[k][k];
                double[][] q = d.transition(t);
                double[][] cum = d.cumulative(t); // should be t - 1
                for (int xt = 0; xt < k; xt++) {
                    double[] pred = new double[k];
                    predictor.predict(t, xt, pred);
                    if (t == 1) {
                        out[xt] = pred;
                        continue;
                    }
                    for (int x0 = 0; x0 < k; x0++) {
                        double[] post = new double[k];
                        for (int i = 0; i < k; i++) {
                            post[i] = q[i][xt] * cum[x0][i];
                        }
                        double z = form == D3pmReverseModel.Form.JOINT ? 1 : NeumaierSum.sum(post);
                        for (int i = 0; i < k; i++) {
                            out[xt][i] += z > 0 ? pred[x0] * post[i] / z : 0;
                        }
                    }
                    double z = NeumaierSum.sum(out[xt]);
                    for (int i = 0; i < k; i++) {
                        out[xt][i] = z > 0 ? out[xt][i] / z : 1.0 / k;
                    }
                }
                return out;
            }
        };
    }

    record Case(String broken, D3pmCalculus calculus, Function<D3pmCalculus, Identity> identity) {
    }

    static List<Case> cases() {
        return List.of(
            new Case("Q̄ off by one step", offByOne(), c -> D3pmIdentities.of(c).composedSteps()),
            new Case("ᾱ off by one step", offByOne(), c -> D3pmIdentities.of(c).jsdKeepProbability()),
            new Case("missing β/K on the diagonal", uniformDiagonalMissingTerm(), c -> D3pmIdentities.of(c).normalisation()),
            new Case("Q̄ off by one step", offByOne(), c -> D3pmIdentities.of(c).bayesPosterior()),
            new Case("missing L_T", terms(false, false, true), c -> D3pmIdentities.of(c).elboBound()),
            new Case("missing L_T", terms(false, false, true), c -> D3pmIdentities.of(c).elboGap()),
            new Case("missing L_T", terms(false, false, true), c -> D3pmIdentities.of(c).crossEntropyBound()),
            new Case("swapped KL arguments", terms(true, false, false), c -> D3pmIdentities.of(c).vlbDecomposition()),
            new Case("sum of L_{t-1} from t = 1", terms(false, true, false), c -> D3pmIdentities.of(c).vlbDecomposition()),
            new Case("sum of L_{t-1} from t = 1", terms(false, true, false), c -> D3pmIdentities.of(c).tightBound()),
            new Case("Q̄ off by one step in the x0-parameterisation", x0StepOffByOne(), c -> D3pmIdentities.of(c).x0Parameterisation()));
    }

    @TestFactory
    Stream<DynamicTest> eachIdentityFailsOnABrokenVariant() {
        return cases().stream().map(c -> {
            Identity id = c.identity().apply(c.calculus());
            return DynamicTest.dynamicTest(id.name() + " catches " + c.broken(), () -> {
                PropertyResult r = id.property().check(BrokenChainTest.CFG);
                assertThat(r.passed()).as("%s should fail with %s", id.name(), c.broken()).isFalse();
                assertThat(r.failure()).isPresent();
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> everyIdentityIsCoveredByABrokenVariant() {
        List<String> covered = cases().stream().map(c -> c.identity().apply(D3pmCalculus.library()).name()).toList();
        return D3pmIdentities.all().stream().map(id -> DynamicTest.dynamicTest(id.name(),
            () -> assertThat(covered).contains(id.name())));
    }
}
