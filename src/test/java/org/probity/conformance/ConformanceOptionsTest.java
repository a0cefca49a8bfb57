package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.conformance.internal.CheckContext;
import org.probity.conformance.internal.Comparison;
import org.probity.math.FloatFormat;
import org.probity.math.ToleranceSamples;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

class ConformanceOptionsTest {
    @Test
    void triesAndShrinkStepsAreValidatedAndTheMessageNamesThem() {
        assertThatThrownBy(() -> ConformanceChecker.options(1).withTries(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("tries: expected an integer >= 1, got 0");
        assertThatThrownBy(() -> ConformanceChecker.options(1).withMaxShrinkSteps(-3))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("maxShrinkSteps: expected an integer >= 0, got -3");
        RunConfig o = ConformanceChecker.options(9).withTries(5).withMaxShrinkSteps(7).withSeed(11);
        assertThat(o.seed()).isEqualTo(11);
        assertThat(o.tries()).isEqualTo(5);
        assertThat(o.maxShrinkSteps()).isEqualTo(7);
        assertThat(ConformanceChecker.options(3).tries()).isEqualTo(ConformanceChecker.DEFAULT_TRIES);
        assertThat(ConformanceChecker.options(3).maxShrinkSteps()).isEqualTo(ConformanceChecker.DEFAULT_SHRINK_STEPS);
        assertThat(ConformanceChecker.options(3).replay()).isNull();
    }

    @Test
    void precisionTolerancesAreTheMathRulesAtTheDeclaredFormat() {
        assertThat(Precision.FLOAT64.unitRoundoff()).isEqualTo(0x1.0p-53);
        assertThat(Precision.FLOAT32.unitRoundoff()).isEqualTo(0x1.0p-24);
        assertThat(Precision.FLOAT32.format()).isEqualTo(FloatFormat.FLOAT32);
        // float64 conditioned rule: 16 u x condition, accepts just inside and rejects just outside
        Tolerance c64 = Tolerances.conditioned(Precision.FLOAT64.format(), 16, 100);
        assertThat(c64.accepts(1, 1 + 16 * 100 * 0x1.0p-53 * 0.99)).isTrue();
        assertThat(c64.accepts(1, 1 + 16 * 100 * 0x1.0p-53 * 1.01)).isFalse();
        assertThat(Tolerance.conditioned(16, 100).allowance(1, 1)).isEqualTo(c64.allowance(1, 1));
        assertThat(Tolerances.conditioned(Precision.FLOAT32.format(), 16, 0.5).toString()).contains("u(float32)")
            .contains("condition 1.00");
        assertThat(Tolerances.roundedSum(Precision.FLOAT32.format(), 16, 3).allowance(0, 0)).isEqualTo(16 * 3 * 0x1.0p-24);
        assertThat(Precision.fromWireName("float16")).isEmpty();
    }

    @Test
    void theShownErrOverTolIsTheRatioThatDecided() {
        // conformance's comparisons on random sides (0, subnormal, huge, ±inf, NaN) and random condition
        // numbers: err/tol <= 1 exactly when the comparison passed (seed 20261124, 20 000 pairs)
        org.apache.commons.rng.UniformRandomProvider rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP
            .create(20261124L);
        for (Precision p : Precision.values()) {
            CheckContext ctx = new CheckContext(null, p);
            for (int i = 0; i < 10_000; i++) {
                double expected = ToleranceSamples.value(rng);
                double actual = ToleranceSamples.actual(rng, expected);
                double kappa = ToleranceSamples.magnitude(rng);
                for (Verdict v : new Verdict[] {Comparison.of("x", actual, expected, ctx.rel(kappa)),
                    Comparison.of("x", actual, expected, ctx.abs(kappa)), Comparison.atLeast("x", actual, expected, ctx.abs(kappa)),
                    Comparison.of("x", actual, expected, ctx.orSqrtUnderflow(ctx.rel(kappa), Math.abs(expected)))}) {
                    assertThat(Comparison.usage(v) <= 1).as("%s%n  usage %s", v.render(), Comparison.usage(v)).isEqualTo(v.passed());
                }
            }
        }
        // the case of issue 13: |actual| >> |expected| under a relative rule is decided and shown against max(|a|, |e|)
        Verdict v = Comparison.of("variance[0]", 1.0, 0.5, new CheckContext(null, Precision.FLOAT64).rel(0.6 / (16 * 0x1.0p-53)));
        assertThat(v.passed()).isTrue();
        assertThat(Comparison.usage(v)).isCloseTo(0.5 / 0.6, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void descriptionValidatesItsName() {
        assertThatThrownBy(() -> Description.of(" ", Set.of(), Precision.FLOAT64))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name: expected a non-blank");
        assertThat(Description.of("x", Set.of(Op.NORMAL_KL), Precision.FLOAT32).supports(Op.VB_TERM)).isFalse();
        assertThat(Op.fromWireName("vb_term")).contains(Op.VB_TERM);
    }
}
