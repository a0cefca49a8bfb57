package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.math.Tolerance;

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
    void precisionTolerancesUseTheFormatsUnitRoundoff() {
        assertThat(Precision.FLOAT64.unitRoundoff()).isEqualTo(0x1.0p-53);
        assertThat(Precision.FLOAT32.unitRoundoff()).isEqualTo(0x1.0p-24);
        // float64 rule equals the math package's conditioned rule
        assertThat(Precision.FLOAT64.conditioned(16, 100).accepts(1, 1 + 16 * 100 * 0x1.0p-53 * 0.99)).isTrue();
        assertThat(Precision.FLOAT64.conditioned(16, 100).accepts(1, 1 + 16 * 100 * 0x1.0p-53 * 1.01)).isFalse();
        assertThat(Tolerance.conditioned(16, 100).allowance(1, 1)).isEqualTo(Precision.FLOAT64.conditioned(16, 100).allowance(1, 1));
        assertThat(Precision.FLOAT32.conditioned(16, 0.5).toString()).contains("u(float32)").contains("condition 1.00");
        assertThat(Precision.FLOAT32.onScale(16, 3).allowance(0, 0)).isEqualTo(16 * 3 * 0x1.0p-24);
        assertThat(Precision.fromWireName("float16")).isEmpty();
    }

    @Test
    void descriptionValidatesItsName() {
        assertThatThrownBy(() -> Description.of(" ", Set.of(), Precision.FLOAT64))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name: expected a non-blank");
        assertThat(Description.of("x", Set.of(Op.NORMAL_KL), Precision.FLOAT32).supports(Op.VB_TERM)).isFalse();
        assertThat(Op.fromWireName("vb_term")).contains(Op.VB_TERM);
    }
}
