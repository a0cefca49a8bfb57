package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tabulated rules are Hipparchus' 40-digit rules bit for bit; other sizes are built the same way. */
class GaussLegendreTest {
    @ParameterizedTest
    @ValueSource(ints = {10, 20, 3})
    void isHipparchusHighPrecisionRuleBitForBit(int n) {
        GaussIntegrator expected = new GaussIntegratorFactory().legendreHighPrecision(n);
        GaussIntegrator rule = GaussLegendre.rule(n);
        assertThat(rule.getNumberOfPoints()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(rule.getPoint(i)).as("node %d of %d", i, n).isEqualTo(expected.getPoint(i));
            assertThat(rule.getWeight(i)).as("weight %d of %d", i, n).isEqualTo(expected.getWeight(i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 20})
    void isSymmetricSoOddPolynomialsIntegrateToZeroExactly(int n) {
        assertThat(GaussLegendre.rule(n).integrate(x -> Math.pow(x, 2 * n - 1))).isZero();
    }

    @Test
    void tabulatedRulesAreShared() {
        assertThat(GaussLegendre.rule(20)).isSameAs(GaussLegendre.rule(20));
    }

    @Test
    void rejectsFewerThanOnePoint() {
        assertThatThrownBy(() -> GaussLegendre.rule(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("points: expected a number of nodes >= 1, got 0");
    }
}
