package org.probity.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.check.Verdict;
import org.probity.math.HighPrecision;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;

/**
 * Correct claims that failed on the gaussian family (issue 15 item 6, issue 11), each on the shrunk
 * instance that failed: q(x_0) = N(0, v_0), p(x_2) = N(0, 0.1), p(x_{t-1} | x_t) = N(0, 0.05), every
 * point 0. The cause was the conditional densities: the Schur complement of the joint covariance
 * lost about u κ with κ = 4e4; they are now built from the chain factors ({@link GaussianChain}).
 */
class GaussianFalseAlarmTest {
    private static final double[] REVERSE_GAIN = {0, 0, 0};
    private static final double[] REVERSE_OFFSET = {0, 0, 0};
    private static final double[] REVERSE_VAR = {0, 0.05, 0.05};

    private static GaussianInstance instance(double beta1, double beta2, double var0) {
        return new GaussianInstance(new double[] {0, beta1, beta2}, 0, var0, 0, 0.1, REVERSE_GAIN, REVERSE_OFFSET,
            REVERSE_VAR, new double[][] {{0, 0, 0}});
    }

    private static Verdict check(GaussianInstance g, String lhs, String rhs, String index) {
        Expr l = Parser.parseExpression(lhs);
        Expr r = Parser.parseExpression(rhs);
        ItemCheck.Subject s = index == null ? new ItemCheck.Subject("c", l, Relation.EQUAL, r, null, null, null)
            : new ItemCheck.Subject("c", l, Relation.EQUAL, r, "t", new Expr.Num(1), new Expr.Steps());
        return InstanceCheck.verdict(s, g, Map.of(), new InstanceCheck.Trace());
    }

    private static double value(GaussianInstance g, String e) {
        return new GaussianEvaluator(g, Budget.NONE).closed(Parser.parseExpression(e), new Scope(Map.of(), 2, Map.of()))
            .at(new double[] {0, 0, 0});
    }

    @Test
    void bayesRuleInLogsAtBetaOneEMinusFourAndOneEMinusThree() {
        // issue 15: left 3.7338412915816073 against right 3.7338412860725834, difference 5.5e-9 > 5.1e-9
        GaussianInstance g = instance(1e-4, 1e-3, 2.4);
        Verdict v = check(g, "log q(x_1 | x_2, x_0)", "log q(x_2 | x_1) + log q(x_1 | x_0) - log q(x_2 | x_0)", null);
        assertThat(v.passed()).as(v.render()).isTrue();
        // the posterior N(x_1; 0, (1 - abar_1) beta_2 / (1 - abar_2)) at 0, in 64 digits
        Dfp one = HighPrecision.of(1);
        Dfp abar1 = one.subtract(HighPrecision.of(1e-4));
        Dfp abar2 = abar1.multiply(one.subtract(HighPrecision.of(1e-3)));
        Dfp var = one.subtract(abar1).multiply(HighPrecision.of(1e-3)).divide(one.subtract(abar2));
        Dfp exact = HighPrecision.log(HighPrecision.field().getPi().multiply(2).multiply(var)).multiply(-0.5);
        double left = value(g, "log q(x_1 | x_2, x_0)");
        assertThat(HighPrecision.ulpError(left, exact)).as("log q(x_1 | x_2, x_0) = %s, exact %s", left,
            HighPrecision.toDouble(exact)).isLessThanOrEqualTo(4);
    }

    @Test
    void markovPropertyOfQAtBetaOneEMinusFive() {
        // issue 11, specs/ddpm-vlb.prob on seed 5: difference 2.2e-6 against a tolerance of 1.55e-6 (kappa = 4e4)
        GaussianInstance g = instance(1e-5, 1e-5, 0.1);
        Verdict v = check(g, "q(x_t | x_{0:t-1})", "q(x_t | x_{t-1})", "t");
        assertThat(v.passed()).as(v.render()).isTrue();
        // N(x_2; 0, beta_2) at 0 = (2 pi 1e-5)^(-1/2) = 126.1566261010080...
        Dfp exact = HighPrecision.sqrt(HighPrecision.field().getPi().multiply(2).multiply(HighPrecision.of(1e-5)))
            .reciprocal();
        double left = value(g, "q(x_2 | x_0, x_1)");
        assertThat(HighPrecision.ulpError(left, exact)).as("q(x_2 | x_0, x_1) = %s, exact %s", left,
            HighPrecision.toDouble(exact)).isLessThanOrEqualTo(4);
    }

    @Test
    void importanceWeightedIntegralAtBetaOneEMinusTwoAndOneEMinusFive() {
        // issue 15: 6.5e-9 error against a 6.2e-9 tolerance
        GaussianInstance g = instance(0.01, 1e-5, 0.1);
        String lhs = "E_{q(x_0)}[ log int_{x_{1:T}}( q(x_{1:T} | x_0) * p(x_T) * prod_{t=1}^{T}( p(x_{t-1} | x_t) "
            + "/ q(x_t | x_{t-1}) ) ) ]";
        Verdict v = check(g, lhs, "E_{q(x_0)}[ log p(x_0) ]", null);
        assertThat(v.passed()).as(v.render()).isTrue();
        // p(x_0) = N(0, 0.05) (the gains are 0); E over q(x_0) = N(0, 0.1): -1/2 log(2 pi 0.05) - 0.1 / (2 0.05)
        Dfp exact = HighPrecision.log(HighPrecision.field().getPi().multiply(2).multiply(HighPrecision.of(0.05)))
            .multiply(-0.5).subtract(HighPrecision.of(0.1).divide(HighPrecision.of(0.05).multiply(2)));
        double left = value(g, lhs);
        // measured 8.5 ulps (the double-precision integrals over x_1 with precision 1e5); it was 1.2e8 ulps
        assertThat(HighPrecision.ulpError(left, exact)).as("left %s, exact %s", left, HighPrecision.toDouble(exact))
            .isLessThanOrEqualTo(32);
    }
}
