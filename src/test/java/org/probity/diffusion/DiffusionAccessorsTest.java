package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.probity.divergence.Kl;

/**
 * The one-step quantities of the Gaussian forward process (Ho et al. 2020, eq. 2) on β = (0.1, 0.2, 0.3),
 * the VLB term at t = 1 (the decoder NLL at log-scale half the model's log-variance) and t &gt; 1 (the
 * KL to the forward posterior), the accessors of the discrete families, and T = 0 refused by every
 * named schedule with the same message.
 */
class DiffusionAccessorsTest {
    private static final NoiseSchedule S = NoiseSchedule.of(0.1, 0.2, 0.3);
    private static final GaussianDiffusion G = GaussianDiffusion.of(S);

    @Test
    void oneStepOfTheForwardProcess() {
        assertThat(G.stepMean(2, 3)).isCloseTo(Math.sqrt(0.8) * 3, Offset.offset(1e-15));
        assertThat(G.stepVariance(3)).isEqualTo(0.3);
        // 1 - alphaBar_2 = 1 - 0.9 * 0.8 = 0.28
        assertThat(G.marginalLogVariance(2)).isCloseTo(Math.log(0.28), Offset.offset(1e-15));
        assertThat(G.toString()).contains("GaussianDiffusion");
    }

    @Test
    void theVlbTermIsTheDecoderNllAtTheFirstStepAndAPosteriorKlAfter() {
        assertThat(G.vbTerm(1, 0.2, 0.1, 0.15, -6)).isEqualTo(G.decoderNll(0.2, 0.15, -3));
        assertThat(G.vbTerm(1, 0.2, 0.1, 0.15, -6)).isPositive();
        double kl = Kl.gaussianLogVariance(G.posteriorMean(3, 0.5, -0.25), S.logPosteriorVariance(3), 0.1, -1);
        assertThat(G.vbTerm(3, 0.5, -0.25, 0.1, -1)).isEqualTo(kl).isPositive();
    }

    @Test
    void theDiscreteFamiliesAccessors() {
        DiscreteDiffusion a = DiscreteDiffusion.absorbing(4, new double[] {0.1, 0.2});
        assertThat(a.family()).isEqualTo(DiscreteDiffusion.Family.ABSORBING);
        assertThat(a.maskState()).isEqualTo(3);
        assertThat(a.betas()).containsExactly(0.1, 0.2);
        DiscreteDiffusion u = DiscreteDiffusion.uniform(4, new double[] {0.1, 0.2});
        assertThat(u.family()).isEqualTo(DiscreteDiffusion.Family.UNIFORM);
        assertThat(u.maskState()).isEqualTo(-1);
    }

    @Test
    void everyNamedScheduleRefusesZeroSteps() {
        String msg = "T: expected a number of steps >= 1, got 0";
        assertThatThrownBy(() -> Schedules.cosine(0)).isInstanceOf(IllegalArgumentException.class).hasMessage(msg);
        assertThatThrownBy(() -> Schedules.scaledLinear(0)).hasMessage(msg);
        assertThatThrownBy(() -> Schedules.sigmoid(0)).hasMessage(msg);
        assertThatThrownBy(() -> Schedules.linear(0)).hasMessage(msg);
        assertThatThrownBy(() -> Schedules.sigmoid(10, Double.NaN, 3, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("expected a finite number, got NaN");
    }
}
