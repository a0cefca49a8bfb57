package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What {@link NamedSchedule} states about each named schedule (its protocol name, where it is defined, its
 * published definition and source, as `probity schedule` prints them) and the refusals of {@link VPrediction}
 * for inputs that are not finite, each naming the parameter.
 */
class DiffusionContractsTest {
    @Test
    void namedSchedulesStateTheirNamesDomainsAndSources() {
        assertThat(NamedSchedule.names()).isEqualTo("linear, linear_scaled, scaled_linear, cosine");
        for (NamedSchedule n : NamedSchedule.values()) {
            assertThat(n).hasToString(n.wireName());
            assertThat(NamedSchedule.of(n.toString())).isSameAs(n);
            assertThat(n.definition()).startsWith(n == NamedSchedule.COSINE ? "abar(t) = " : "beta_t = ");
            assertThat(n.source()).isNotBlank();
        }
        assertThat(NamedSchedule.COSINE.source()).isEqualTo("Nichol & Dhariwal 2021, eq. 17 (diffusers \"squaredcos_cap_v2\")");
        assertThat(NamedSchedule.LINEAR_SCALED.definition()).contains("defined for T >= 20");
        assertThat(NamedSchedule.LINEAR_SCALED.minSteps()).isEqualTo(20);
        assertThat(NamedSchedule.LINEAR_SCALED.isDefinedFor(19)).isFalse();
        assertThat(NamedSchedule.LINEAR_SCALED.isDefinedFor(20)).isTrue();
        assertThat(NamedSchedule.LINEAR.minSteps()).isEqualTo(1);
        assertThat(NamedSchedule.LINEAR.isDefinedFor(1)).isTrue();
        assertThat(NamedSchedule.LINEAR.isDefinedFor(0)).isFalse();
    }

    @Test
    void vPredictionRefusesInputsThatAreNotFinite() {
        NoiseSchedule s = NoiseSchedule.of(0.25, 0.5);
        refuses(() -> VPrediction.velocity(s, 1, Double.NaN, 0), "x0: expected a finite number, got NaN");
        refuses(() -> VPrediction.velocity(s, 1, 0, Double.POSITIVE_INFINITY), "eps: expected a finite number, got Infinity");
        refuses(() -> VPrediction.x0FromVelocity(s, 1, Double.NEGATIVE_INFINITY, 0), "xt: expected a finite number, got -Infinity");
        refuses(() -> VPrediction.x0FromVelocity(s, 1, 0, Double.NaN), "v: expected a finite number, got NaN");
    }

    private static void refuses(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
