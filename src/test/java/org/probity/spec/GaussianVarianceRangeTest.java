package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;

/**
 * The variances of generated Gaussian instances reach below 1/(2 pi e) = 0.0585, where a Gaussian's
 * differential entropy (1/2) log(2 pi e v) is negative: a claim that fails only there fails (issue 15
 * tryout: with variances from 0.1 up it passed).
 */
class GaussianVarianceRangeTest {
    @Test
    void aClaimThatFailsOnlyForSmallVariancesFails() {
        SpecResult r = Spec.parse("model gaussian steps 1..1\nclaim \"differential entropy\": H( q(x_0) ) >= 0\n",
            "v.prob").check(Spec.options(RunConfig.DEFAULT_SEED));
        assertThat(r.passed()).as(r.render()).isFalse();
        assertThat(r.render()).contains("q(x_0) = N(0.0, 0.01)");
        // and the entropy of a variance of 0.1 or more is positive: the failure is the small variance's
        SpecResult wide = Spec.parse("model gaussian steps 1..1\nclaim \"differential entropy\": H( q(x_0) ) >= "
            + "0.5 * log(2 * 3.141592653589793 * 2.718281828459045 * 0.001)\n", "w.prob")
            .check(Spec.options(RunConfig.DEFAULT_SEED));
        assertThat(wide.passed()).as(wide.render()).isTrue();
    }
}
