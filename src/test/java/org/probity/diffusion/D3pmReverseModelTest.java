package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.probity.chain.ReverseChain;

/**
 * The x0-parameterised D3PM reverse model (Austin et al. 2021, §3.3): when the predictor is certain of
 * \( x_0 = a \), both the joint form \( \propto q(x_t \mid x_{t-1})\, q(x_{t-1} \mid x_0) \) and the mixture
 * form \( \sum_{x_0} \hat p(x_0)\, q(x_{t-1} \mid x_t, x_0) \) are the forward posterior
 * \( q(x_{t-1} \mid x_t, x_0 = a) \); at t = 1 the row is the prediction itself; for a mixed prediction the
 * mixture form is the prediction-weighted average of posteriors; a reverse chain is used as given;
 * shapes and predictions are checked.
 */
class D3pmReverseModelTest {
    private static final Offset<Double> CLOSE = Offset.offset(1e-15);
    private static final DiscreteDiffusion D = DiscreteDiffusion.uniform(3, new double[] {0.1, 0.3, 0.2});

    private static double[] oneHot(int a) {
        double[] p = new double[3];
        p[a] = 1;
        return p;
    }

    @Test
    void aCertainPredictionGivesTheForwardPosteriorInBothForms() {
        for (D3pmReverseModel.Form form : D3pmReverseModel.Form.values()) {
            for (int a = 0; a < 3; a++) {
                int x0 = a;
                D3pmReverseModel p = D3pmReverseModel.x0Parameterised(D, new double[] {0.2, 0.3, 0.5},
                    (t, xt, out) -> System.arraycopy(oneHot(x0), 0, out, 0, 3), form);
                for (int t = 2; t <= 3; t++) {
                    double[][] m = p.transition(t);
                    for (int xt = 0; xt < 3; xt++) {
                        double[] post = D.posterior(t, x0, xt);
                        for (int i = 0; i < 3; i++) {
                            assertThat(m[xt][i]).as("%s, x0 = %d, t = %d, xt = %d, x_{t-1} = %d", form, x0, t, xt, i)
                                .isCloseTo(post[i], CLOSE);
                        }
                    }
                }
                assertThat(p.transition(1)[2]).containsExactly(oneHot(x0));
            }
        }
    }

    @Test
    void theMixtureFormAveragesThePosteriorsByThePrediction() {
        double[] pred = {0.25, 0.75, 0};
        D3pmReverseModel p = D3pmReverseModel.x0Parameterised(D, new double[] {1.0 / 3, 1.0 / 3, 1 - 2.0 / 3},
            (t, xt, out) -> System.arraycopy(pred, 0, out, 0, 3), D3pmReverseModel.Form.MIXTURE);
        double[][] m = p.transition(3);
        for (int xt = 0; xt < 3; xt++) {
            double[] a = D.posterior(3, 0, xt);
            double[] b = D.posterior(3, 1, xt);
            for (int i = 0; i < 3; i++) {
                assertThat(m[xt][i]).isCloseTo(0.25 * a[i] + 0.75 * b[i], CLOSE);
            }
        }
        assertThat(p.prior()).containsExactly(1.0 / 3, 1.0 / 3, 1 - 2.0 / 3);
        assertThat(p.states()).isEqualTo(3);
        assertThat(p.steps()).isEqualTo(3);
        double[][] logs = new double[3][3];
        p.fillLog(3, logs);
        assertThat(logs[1][2]).isCloseTo(Math.log(m[1][2]), CLOSE);
    }

    @Test
    void aReverseChainIsUsedAsGiven() {
        double[][] half = {{0.5, 0.5}, {0.25, 0.75}};
        ReverseChain r = ReverseChain.of(new double[] {0.5, 0.5}, half, half);
        D3pmReverseModel p = D3pmReverseModel.of(r);
        assertThat(p.transition(2)).isDeepEqualTo(half);
        double[][] logs = new double[2][2];
        p.fillLog(1, logs);
        assertThat(logs[1]).containsExactly(Math.log(0.25), Math.log(0.75));
        assertThat(p.prior()).containsExactly(0.5, 0.5);
        assertThatThrownBy(() -> D3pmReverseModel.of(D, r)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("reverse: expected 3 states and 3 steps, got 2 states and 2 steps");
        assertThatThrownBy(() -> p.transition(3)).hasMessage("t: expected an integer in [1, 2], got 3");
    }

    @Test
    void aPredictionThatIsNotADistributionIsNamed() {
        D3pmReverseModel p = D3pmReverseModel.x0Parameterised(D, new double[] {0.2, 0.3, 0.5},
            (t, xt, out) -> System.arraycopy(new double[] {0.5, 0.6, 0}, 0, out, 0, 3), D3pmReverseModel.Form.JOINT);
        assertThatThrownBy(() -> p.transition(2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("predictor(t=2, xt=0): expected entries summing to 1 within ");
        assertThatThrownBy(() -> p.transition(1)).hasMessageStartingWith("predictor(t=1, xt=0): expected entries summing to 1");
        assertThatThrownBy(() -> D3pmReverseModel.x0Parameterised(D, new double[] {0.5, 0.5}, (t, xt, out) -> { }, D3pmReverseModel.Form.JOINT))
            .hasMessage("prior: expected 3 entries, got 2");
    }
}
