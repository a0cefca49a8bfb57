package org.probity.diffusion;

import java.util.Locale;
import java.util.Optional;
import org.probity.math.DoubleDouble;

/**
 * What a denoising network predicts, with the Min-SNR-γ loss weight of each parameterization (Hang
 * et al. 2023, "Efficient Diffusion Training via Min-SNR Weighting Strategy", arXiv:2303.09556, §3):
 * the weight \( w_{x_0} = \min(\mathrm{SNR}_t, \gamma) \) on the squared error in \( x_0 \) space,
 * expressed on the squared error of each prediction. Because \( \|\varepsilon - \hat\varepsilon\|^2 =
 * \mathrm{SNR}_t \|x_0 - \hat x_0\|^2 \) and \( \|v - \hat v\|^2 = (\mathrm{SNR}_t + 1) \|x_0 - \hat
 * x_0\|^2 \), the three weights satisfy \( w_\varepsilon \mathrm{SNR}_t = w_v (\mathrm{SNR}_t + 1) =
 * w_{x_0} \). The names are those of diffusers' {@code prediction_type}.
 */
public enum Prediction {
    /** The noise ε: \( w = \min(\mathrm{SNR}_t, \gamma) / \mathrm{SNR}_t \); 1 where \( \mathrm{SNR}_t = 0 \). */
    EPSILON("epsilon"),
    /** The velocity v: \( w = \min(\mathrm{SNR}_t, \gamma) / (\mathrm{SNR}_t + 1) \); 0 where \( \mathrm{SNR}_t = 0 \). */
    V_PREDICTION("v_prediction"),
    /** The data \( x_0 \): \( w = \min(\mathrm{SNR}_t, \gamma) \); 0 where \( \mathrm{SNR}_t = 0 \). */
    SAMPLE("sample");

    private static final String MSG_GAMMA = "gamma: expected a number > 0 (or +Infinity), got %s";
    private static final String MSG_T = "t: expected a timestep in 1..%d, got %d";

    private final String label;

    Prediction(String label) {
        this.label = label;
    }

    /** The conventional name: {@code epsilon}, {@code v_prediction} or {@code sample}. */
    public String label() {
        return label;
    }

    /**
     * The Min-SNR-γ weight at step t. Evaluated without forming the ratio of the min: for
     * \( \mathrm{SNR}_t \le \gamma \) the ε-weight is 1, the v-weight \( \bar\alpha_t \) and the
     * \( x_0 \)-weight \( \mathrm{SNR}_t \); above γ they are \( \gamma (1 - \bar\alpha_t) / \bar\alpha_t \),
     * \( \gamma (1 - \bar\alpha_t) \) and γ. Each is rounded once from double-double values of
     * \( \bar\alpha_t \) and \( 1 - \bar\alpha_t \): within 1 ulp (50-digit test in
     * {@code PredictionAccuracyTest}). The weight is continuous in SNR, so which branch a value within
     * rounding of γ takes does not matter.
     *
     * @param schedule the noise schedule
     * @param t the timestep, \( 1 \le t \le T \)
     * @param gamma γ &gt; 0; {@code +Infinity} gives the unclipped weights (1, \( \bar\alpha_t \), SNR)
     * @return the weight, finite and non-negative
     * @throws IllegalArgumentException if t is out of range or γ is not positive
     */
    public double minSnrWeight(NoiseSchedule schedule, int t, double gamma) {
        if (!(gamma > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_GAMMA, gamma));
        }
        if (!(t >= 1 && t <= schedule.steps())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_T, schedule.steps(), t));
        }
        double snr = schedule.snr(t);
        if (snr <= gamma) {
            return switch (this) {
                case EPSILON -> 1;
                case V_PREDICTION -> schedule.alphaBar(t);
                case SAMPLE -> snr;
            };
        }
        DoubleDouble gc = schedule.oneMinusAlphaBarDd(t).multiply(gamma);
        return switch (this) {
            case EPSILON -> gc.divide(schedule.alphaBarDd(t)).doubleValue();
            case V_PREDICTION -> gc.doubleValue();
            case SAMPLE -> gamma;
        };
    }

    /**
     * The prediction with this conventional name.
     *
     * @param label {@code epsilon}, {@code v_prediction} or {@code sample}
     * @return the prediction, or empty for any other name
     */
    public static Optional<Prediction> fromLabel(String label) {
        for (Prediction p : values()) {
            if (p.label.equals(label)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
