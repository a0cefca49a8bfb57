package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.chain.Stochastic;

/**
 * The checkpointed products of {@link DiscretizedGaussianTransitions}: every \( \bar{Q}_t \), asked for in any order
 * (descending as the bound's pass, ascending, jumping between segments), is bit for bit the product
 * computed from the start row by row, \( e_{x_0} Q_1 \cdots Q_t \) by compensated propagation.
 */
class DiscretizedGaussianTransitionsTest {
    @Test
    void checkpointedProductsEqualTheProductFromTheStartInAnyOrder() {
        int k = 7;
        int steps = 23; // stride 5: checkpoints 0, 5, ..., 20 and a short last segment
        DiscreteDiffusion d = DiscreteDiffusion.discretizedGaussian(k, D3pmSchedules.linear(steps, 0.02, 1.0));
        double[][][] fromStart = new double[steps + 1][k][];
        for (int x0 = 0; x0 < k; x0++) {
            double[] cur = new double[k];
            cur[x0] = 1;
            fromStart[0][x0] = cur.clone();
            for (int s = 1; s <= steps; s++) {
                double[] next = new double[k];
                Stochastic.propagate(cur, d.transition(s), next, new double[k]);
                cur = next;
                fromStart[s][x0] = cur.clone();
            }
        }
        int[] order = {23, 22, 21, 20, 19, 3, 0, 15, 16, 10, 1, 2, 23, 5, 4, 11};
        for (int t : order) {
            double[][] bar = d.cumulative(t);
            for (int x0 = 0; x0 < k; x0++) {
                assertThat(bar[x0]).as("t=%d x0=%d", t, x0).containsExactly(fromStart[t][x0]);
                assertThat(d.cumulativeRow(t, x0)).containsExactly(fromStart[t][x0]);
            }
        }
        double[] v = {0.5, 0, 0.25, 0, 0, 0.25, 0};
        double[] expected = new double[k];
        Stochastic.propagate(v, d.cumulative(9), expected, new double[k]);
        assertThat(d.timesCumulative(9, v)).containsExactly(expected);
    }
}
