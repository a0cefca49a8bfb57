package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link NeumaierSum}: the compensation recovers what naive summation loses, whichever of the running
 * sum and the new term is larger (the two branches of Neumaier's step), and non-finite sums are
 * the plain IEEE sums.
 */
class NeumaierSumTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void recoversASmallTermSwampedByALargeOneInEitherOrder() {
        // naive: (1e100 + 1) - 1e100 = 0; exact: 1
        assertThat(NeumaierSum.sum(1e100, 1, -1e100)).isEqualTo(1.0);
        // the large term arrives second: the running sum is the smaller one
        assertThat(NeumaierSum.sum(1, 1e100, -1e100)).isEqualTo(1.0);
        assertThat(NeumaierSum.sum(-1, 1e100, -1e100)).isEqualTo(-1.0);
        // 0.1 ten times: naive 0.9999999999999999, compensated the double nearest 1
        assertThat(NeumaierSum.sum(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)).isEqualTo(1.0);
        assertThat(NeumaierSum.sum(new double[0])).isZero();
    }

    @Test
    void accumulatorsChainAndAddProductsAsOneTerm() {
        NeumaierSum s = NeumaierSum.create().add(1e100).add(1).add(-1e100);
        assertThat(s.sum()).isEqualTo(1.0);
        assertThat(NeumaierSum.create().addProduct(1e50, 1e50).addProduct(3, 0.5).addProduct(-1e50, 1e50).sum()).isEqualTo(1.5);
        assertThat(NeumaierSum.create().sum()).isZero();
    }

    @Test
    void nonFiniteSumsAreTheNaiveIeeeSums() {
        assertThat(NeumaierSum.sum(INF, 1)).isEqualTo(INF);
        assertThat(NeumaierSum.sum(1, Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NeumaierSum.sum(INF, Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(NeumaierSum.sum(1, Double.NaN)).isNaN();
        // the running sum overflows on the second term and stays +inf, as the plain sum does
        assertThat(NeumaierSum.sum(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE)).isEqualTo(INF);
    }

    @Test
    void dotIsCompensatedAndRefusesArraysOfDifferentLengths() {
        assertThat(NeumaierSum.dot(new double[] {2, 3}, new double[] {4, 5})).isEqualTo(23.0);
        assertThat(NeumaierSum.dot(new double[] {1e100, 1, -1e100}, new double[] {1, 0.5, 1})).isEqualTo(0.5);
        assertThat(NeumaierSum.dot(new double[0], new double[0])).isZero();
        assertThatThrownBy(() -> NeumaierSum.dot(new double[2], new double[3])).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("dot: lengths differ: a has 2 entries, b has 3");
    }
}
