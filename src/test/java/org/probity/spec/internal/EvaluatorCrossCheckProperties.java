package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.chain.FiniteChain;
import org.probity.chain.LinearGaussianChain;
import org.probity.chain.ReverseChain;
import org.probity.chain.VariationalBound;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;

/**
 * The spec evaluators against independent implementations in org.probity.chain: the markov
 * evaluator's VLB and log-likelihood by enumeration against {@link VariationalBound}'s dynamic
 * programming, and the gaussian evaluator's second moments (its joint by Cholesky factor and its
 * Gaussian integrals) against {@link LinearGaussianChain}'s recurrences.
 */
class EvaluatorCrossCheckProperties {
    private static final Statement.Model MARKOV = new Statement.Model(java.util.Set.of("markov"), 2, 3, 1, 4, false, 1);
    private static final Statement.Model GAUSSIAN = new Statement.Model(java.util.Set.of("gaussian"), 2, 3, 0, 4, false, 1);
    private static final Expr VLB = Parser.parseExpression("E_{q(x_{1:T} | x_0)}[ log( q(x_{1:T} | x_0) / p(x_{0:T}) ) ]");
    private static final Expr LOG_LIKELIHOOD = Parser.parseExpression("log p(x_0)");
    private static final RunConfig CFG = RunConfig.defaults().withTries(200);

    private static Tolerance rule(int steps, int k, double magnitude) {
        return Tolerances.roundedSum(256 * (steps + 2) * k, magnitude)
            .named(String.format(Locale.ROOT, "2^8 (T+2) K u max(1, M), M = %.3g", magnitude));
    }

    @Test
    void markovVlbAndLogLikelihoodAgreeWithTheChainDynamicProgram() {
        Property.forAll("spec markov evaluator vs VariationalBound", InstanceGen.markov(MARKOV), inst -> {
            MarkovInstance m = (MarkovInstance) inst;
            double[][][] fw = new double[m.steps()][][];
            double[][][] rv = new double[m.steps()][][];
            for (int t = 1; t <= m.steps(); t++) {
                fw[t - 1] = m.forward(t);
                rv[t - 1] = m.reverse(t);
            }
            VariationalBound vb = VariationalBound.of(FiniteChain.of(m.q0(), fw), ReverseChain.of(m.prior(), rv));
            List<Verdict> all = new ArrayList<>();
            Scope scope = new Scope(Map.of(), m.steps(), Map.of());
            for (int x0 = 0; x0 < m.states(); x0++) {
                int[] x = new int[m.steps() + 1];
                java.util.Arrays.fill(x, -1);
                x[0] = x0;
                if (m.q0()[x0] == 0) {
                    continue;
                }
                MarkovEvaluator ev = new MarkovEvaluator(m, Budget.NONE);
                double vlb = ev.eval(VLB, scope, x);
                double ll = ev.eval(LOG_LIKELIHOOD, scope, x);
                all.add(Verdict.close("VLB(x_0 = " + x0 + ")", vlb, vb.vlb(x0), rule(m.steps(), m.states(),
                    ev.magnitude())));
                all.add(Verdict.close("log p(x_0 = " + x0 + ")", ll, vb.logLikelihood(x0), rule(m.steps(), m.states(),
                    Math.abs(ll))));
            }
            return Verdict.all(all.toArray(new Verdict[0]));
        }).assertHolds(CFG);
    }

    /**
     * Every density q(A | B), p(A | B) of the chain dynamic program ({@link MarkovChain}) against
     * sums over the whole joint table (what it replaced), at every assignment where P(B) > 0.
     */
    @Test
    void markovDensitiesAgreeWithSumsOverTheJointTable() {
        Statement.Model small = new Statement.Model(java.util.Set.of("markov"), 2, 3, 0, 3, false, 1);
        Property.forAll("spec markov densities vs the joint table", InstanceGen.markov(small), inst -> {
            MarkovInstance m = (MarkovInstance) inst;
            int n = m.steps() + 1;
            int k = m.states();
            int size = (int) Math.pow(k, n);
            double[][] joint = new double[2][size];
            int[] x = new int[n];
            for (int j = 0; j < size; j++) {
                decode(j, k, x);
                double q = m.q0()[x[0]];
                double p = m.prior()[x[n - 1]];
                for (int t = 1; t < n; t++) {
                    q *= m.forward(t)[x[t - 1]][x[t]];
                    p *= m.reverse(t)[x[t]][x[t - 1]];
                }
                joint[0][j] = q;
                joint[1][j] = p;
            }
            List<Verdict> all = new ArrayList<>();
            for (int a = 1; a < (1 << n); a++) {
                for (int b = 0; b < (1 << n); b++) {
                    if ((a & b) != 0) {
                        continue;
                    }
                    for (int g = 0; g < 2; g++) {
                        for (int j = 0; j < size; j++) {
                            decode(j, k, x);
                            double num = 0;
                            double den = 0;
                            for (int i = 0; i < size; i++) {
                                int[] y = new int[n];
                                decode(i, k, y);
                                if (agree(x, y, a | b)) {
                                    num += joint[g][i];
                                }
                                if (agree(x, y, b)) {
                                    den += joint[g][i];
                                }
                            }
                            if (den == 0) {
                                continue;
                            }
                            double dp = m.density(g == 1, bits(a, n), bits(b, n), x);
                            all.add(Verdict.close((g == 1 ? "p" : "q") + "(" + a + " | " + b + ") at " + j, dp,
                                num / den, rule(m.steps(), k, 1)));
                        }
                    }
                }
            }
            return Verdict.all(all.toArray(new Verdict[0]));
        }).assertHolds(RunConfig.defaults().withTries(50));
    }

    private static void decode(int j, int k, int[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = j % k;
            j /= k;
        }
    }

    private static boolean agree(int[] x, int[] y, int mask) {
        for (int i = 0; i < x.length; i++) {
            if ((mask & (1 << i)) != 0 && x[i] != y[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] bits(int mask, int n) {
        return java.util.stream.IntStream.range(0, n).filter(i -> (mask & (1 << i)) != 0).toArray();
    }

    @Test
    void gaussianSecondMomentsAgreeWithTheLinearGaussianChain() {
        Property.forAll("spec gaussian evaluator vs LinearGaussianChain", InstanceGen.gaussian(GAUSSIAN), inst -> {
            GaussianInstance g = (GaussianInstance) inst;
            int steps = g.steps();
            double[] gains = new double[steps];
            double[] offsets = new double[steps];
            double[] noise = new double[steps];
            double[] rGains = new double[steps];
            double[] rOffsets = new double[steps];
            double[] rNoise = new double[steps];
            for (int t = 1; t <= steps; t++) {
                gains[t - 1] = Math.sqrt(1 - g.beta(t));
                noise[t - 1] = g.beta(t);
                // reversed time s = T - t + 1 steps from x_T: x_{t-1} = a_t x_t + b_t + N(0, c_t)
                double[] r = g.reverseParameters(t);
                rGains[steps - t] = r[0];
                rOffsets[steps - t] = r[1];
                rNoise[steps - t] = r[2];
            }
            LinearGaussianChain q = LinearGaussianChain.of(g.mu0(), g.var0(), gains, offsets, noise);
            double[] prior = g.reverseParameters(0);
            LinearGaussianChain p = LinearGaussianChain.of(prior[0], prior[1], rGains, rOffsets, rNoise);
            List<Verdict> all = new ArrayList<>();
            Scope scope = new Scope(Map.of(), steps, Map.of());
            for (int s = 0; s <= steps; s++) {
                for (int t = s; t <= steps; t++) {
                    String pair = String.format(Locale.ROOT, "x_%d * x_%d", s, t);
                    GaussianEvaluator ev = new GaussianEvaluator(g, Budget.NONE);
                    double eq = ev.closed(Parser.parseExpression("E_{q(x_{0:T})}[ " + pair + " ]"), scope).constantValue();
                    double ep = ev.closed(Parser.parseExpression("E_{p(x_{0:T})}[ " + pair + " ]"), scope).constantValue();
                    double refQ = q.covariance(s, t) + q.mean(s) * q.mean(t);
                    int rs = steps - t;
                    int rt = steps - s;
                    double refP = p.covariance(rs, rt) + p.mean(rs) * p.mean(rt);
                    double scale = ev.coefficientScale() * ev.condition[0];
                    all.add(Verdict.close("E_q[" + pair + "]", eq, refQ, rule(steps, 1, scale)));
                    all.add(Verdict.close("E_p[" + pair + "]", ep, refP, rule(steps, 1, scale)));
                }
            }
            return Verdict.all(all.toArray(new Verdict[0]));
        }).assertHolds(CFG);
    }
}
