package org.probity.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probity.dist.Categorical;
import org.probity.dist.Gaussian;
import org.probity.math.Tolerance;

/** Passing and failing cases of every assertion, with the exact failure messages. */
class ProbityAssertionsTest {
    private static void fails(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(AssertionError.class).hasMessage(message);
    }

    @Test
    void valueCloseToReportsBothValuesTheDifferenceAndTheTolerance() {
        ProbityAssertions.assertThat(0.1 + 0.2).isCloseTo(0.3, Tolerance.ulps(1));
        fails(() -> ProbityAssertions.assertThat(0.1 + 0.2).isCloseTo(0.3, Tolerance.ulps(0).named("exact")),
            "%nExpecting actual:%n  0.30000000000000004%nto be close to:%n  0.3%nwithin 0 ulps [exact]%n"
                .formatted() + "but the difference was 5.551115123125783E-17 (1 ulp; allowed 0.0).");
        fails(() -> ProbityAssertions.assertThat(Double.NaN).as("KL").isCloseTo(0, Tolerance.absolute(1)),
            "[KL] %nExpecting actual:%n  NaN%nto be close to:%n  0.0%nwithin absolute 1%n".formatted()
                + "but the difference was NaN (too many ulps; allowed 1.0).");
    }

    @Test
    void valueRanges() {
        ProbityAssertions.assertThat(0.0).isNonNegative().isProbability().isFiniteValue();
        fails(() -> ProbityAssertions.assertThat(-1e-300).isNonNegative(),
            "%nExpecting actual:%n  -1.0E-300%nto be non-negative (>= 0, not NaN)%nbut it was not.".formatted());
        fails(() -> ProbityAssertions.assertThat(Double.NaN).isNonNegative(),
            "%nExpecting actual:%n  NaN%nto be non-negative (>= 0, not NaN)%nbut it was not.".formatted());
        fails(() -> ProbityAssertions.assertThat(1.0000000000000002).isProbability(),
            "%nExpecting actual:%n  1.0000000000000002%nto be a probability in [0, 1]%nbut it was not.".formatted());
        fails(() -> ProbityAssertions.assertThat(Double.POSITIVE_INFINITY).isFiniteValue(),
            "%nExpecting actual:%n  Infinity%nto be finite%nbut it was not.".formatted());
    }

    @Test
    void categoricalNormalizationAndCloseness() {
        Categorical c = Categorical.of(0.1, 0.2, 0.7);
        ProbityAssertions.assertThat(c).isNormalized().hasEntropyCloseTo(0.8018185525433372, Tolerance.ulps(4));
        Categorical off = Categorical.of(0.5, 0.5 - 0x1.0p-52);
        fails(() -> ProbityAssertions.assertThat(off).isNormalized(Tolerance.absolute(0).named("exactly 1")),
            "%nExpecting the probabilities of:%n  Categorical[0.5, 0.4999999999999998]%nto sum to 1 within absolute 0 [exactly 1]%n"
                .formatted() + "but they sum to 0.9999999999999998 (difference 2.220446049250313E-16; allowed 0.0).");
        fails(() -> ProbityAssertions.assertThat(c).isCloseTo(Categorical.of(0.1, 0.3, 0.6), Tolerance.absolute(0.05)),
            "%nExpecting probability 1 of Categorical[0.1, 0.2, 0.7]:%n  0.2%nto be close to:%n  0.3%n".formatted()
                + "within absolute 0.0500%nbut the difference was 0.09999999999999998 (2702159776422297 ulps; allowed 0.05)."
                    .formatted());
        fails(() -> ProbityAssertions.assertThat(c).isCloseTo(Categorical.of(0.5, 0.5), Tolerance.ulps(1)),
            "%nExpecting actual:%n  Categorical[0.1, 0.2, 0.7]%nto have 2 categories like:%n  Categorical[0.5, 0.5]%n"
                .formatted() + "but it has 3.");
    }

    @Test
    void gaussianMeanAndVariance() {
        Gaussian g = Gaussian.of(1, 2);
        ProbityAssertions.assertThat(g).isCloseTo(Gaussian.of(1, 2), Tolerance.ulps(0));
        fails(() -> ProbityAssertions.assertThat(g).hasVariance(2.5, Tolerance.relative(0.1)),
            "%nExpecting the variance of Gaussian(mean=1.0, variance=2.0):%n  2.0%nto be close to:%n  2.5%n".formatted()
                + "within relative 0.100%nbut the difference was 0.5 (1125899906842624 ulps; allowed 0.25).".formatted());
        fails(() -> ProbityAssertions.assertThat((Gaussian) null).hasMean(0, Tolerance.ulps(1)),
            "%nExpecting actual not to be null".formatted());
    }

    @Test
    void atMostUpToASlackReportsTheExcessAndTheAllowance() {
        ProbityAssertions.assertThat(1.0).isAtMost(2.0, Tolerance.ulps(0)).isAtMost(1.0, Tolerance.ulps(0))
            .isAtMost(Math.nextDown(1.0), Tolerance.ulps(1));
        fails(() -> ProbityAssertions.assertThat(1.5).isAtMost(1.0, Tolerance.relative(0.25).named("a quarter")),
            "%nExpecting actual:%n  1.5%nto be at most:%n  1.0%nup to relative 0.250 [a quarter]%n".formatted()
                + "but it exceeds it by 0.5 (allowed 0.375).");
        fails(() -> ProbityAssertions.assertThat(Double.NaN).isAtMost(1.0, Tolerance.absolute(1)),
            "%nExpecting actual:%n  NaN%nto be at most:%n  1.0%nup to absolute 1%nbut it exceeds it by NaN (allowed 1.0).".formatted());
        fails(() -> ProbityAssertions.assertThat(0.0).isAtMost(Double.NaN, Tolerance.absolute(1)),
            "%nExpecting actual:%n  0.0%nto be at most:%n  NaN%nup to absolute 1%nbut it exceeds it by NaN (allowed 1.0).".formatted());
    }

    @Test
    void aRelativeToleranceReportsTheAllowanceItDecidedWith() {
        // |actual| > |expected|: the allowance is 0.4 x 2, the one the decision used
        fails(() -> ProbityAssertions.assertThat(2.0).isCloseTo(1.0, Tolerance.relative(0.4)),
            "%nExpecting actual:%n  2.0%nto be close to:%n  1.0%nwithin relative 0.400%n".formatted()
                + "but the difference was 1.0 (4503599627370496 ulps; allowed 0.8).");
    }
}
