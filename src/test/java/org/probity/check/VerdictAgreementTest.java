package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.probity.math.Tolerance;
import org.probity.math.ToleranceSamples;

/**
 * What a verdict reports agrees with what it decided: for every rule and random sides (0, subnormal,
 * huge, ±∞, NaN), an equality or inequality passes exactly when its reported usage
 * difference / allowance is at most 1, and the rendered "allows X here" is the allowance the
 * decision used. Seed 20240612; 100 000 comparisons of each relation.
 */
class VerdictAgreementTest {
    private static final int PAIRS = 100_000;

    @Test
    void passedIffUsageAtMostOneAndTheRenderedAllowanceIsTheOneDecidedWith() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240612L);
        int failedFinite = 0;
        for (int i = 0; i < PAIRS; i++) {
            Tolerance t = ToleranceSamples.rule(rng);
            double rhs = ToleranceSamples.value(rng);
            double lhs = ToleranceSamples.actual(rng, rhs);
            for (Verdict v : new Verdict[] {Verdict.close("=", lhs, rhs, t), Verdict.atMost("<=", lhs, rhs, t),
                Verdict.atLeast(">=", lhs, rhs, t)}) {
                String at = v.render() + "\n  usage " + v.usage();
                assertThat(v.usage() <= 1).as(at).isEqualTo(v.passed());
                assertThat(v.allowance()).as(at).isEqualTo(t.allowance(rhs, lhs));
                assertThat(v.render()).as(at).contains("(allows " + v.allowance() + " here)");
                failedFinite += !v.passed() && Double.isFinite(lhs) && Double.isFinite(rhs) ? 1 : 0;
            }
        }
        assertThat(failedFinite).isGreaterThan(PAIRS / 10);
    }

    @Test
    void aRelativeRuleReportsItsAllowanceAgainstTheLargerSide() {
        // |lhs| > |rhs|: the allowance is 0.1 x 100, not 0.1 x 90.5 (which reported usage 1.05 on a pass)
        Verdict v = Verdict.close("=", 100, 90.5, Tolerance.relative(0.1));
        assertThat(v.passed()).isTrue();
        assertThat(v.allowance()).isEqualTo(10.0);
        assertThat(v.usage()).isEqualTo(0.95);
    }
}
