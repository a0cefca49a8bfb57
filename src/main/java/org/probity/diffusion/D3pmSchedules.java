package org.probity.diffusion;

import java.util.Locale;

/**
 * The corruption schedules \( \beta_1, \dots, \beta_T \) of discrete diffusion (D3PM; Austin et al.
 * 2021, §4 and Appendix A; reference code {@code get_diffusion_betas}). Each returns a fresh array
 * with every \( \beta_t \in (0, 1] \), ready for {@link DiscreteDiffusion}.
 */
public final class D3pmSchedules {
    private static final String MSG_STEPS = "steps: expected an integer >= 1, got %d";
    private static final String MSG_RANGE = "%s: expected a number in (0, 1], got %s";

    private D3pmSchedules() {
    }

    /**
     * The "jsd" schedule \( \beta_t = 1 / (T - t + 1) \) (Sohl-Dickstein et al. 2015; Austin et al.
     * 2021, used with the absorbing family). The probability that a token is still uncorrupted
     * after t steps is \( \prod_{s \le t} (1 - \beta_s) = 1 - t/T \) exactly, and \( \beta_T = 1 \).
     * Each \( \beta_t \) is correctly rounded.
     *
     * @param steps \( T \ge 1 \)
     */
    public static double[] jsd(int steps) {
        requireSteps(steps);
        double[] b = new double[steps];
        for (int t = 1; t <= steps; t++) {
            b[t - 1] = 1.0 / (steps - t + 1);
        }
        return b;
    }

    /**
     * A linear schedule from {@code first} to {@code last} (numpy {@code linspace}; Austin et al. use
     * it for the discretized-Gaussian family). \( T = 1 \) gives {@code first}.
     *
     * @param steps \( T \ge 1 \)
     * @param first \( \beta_1 \in (0, 1] \)
     * @param last \( \beta_T \in (0, 1] \)
     */
    public static double[] linear(int steps, double first, double last) {
        requireSteps(steps);
        requireBeta("first", first);
        requireBeta("last", last);
        double[] b = new double[steps];
        double lo = Math.min(first, last);
        double hi = Math.max(first, last);
        for (int t = 0; t < steps; t++) {
            double x = steps == 1 ? first : t == steps - 1 ? last : first + (last - first) * t / (steps - 1);
            b[t] = Math.min(hi, Math.max(lo, x)); // rounding must not leave [first, last] (nor (0, 1])
        }
        return b;
    }

    /**
     * The D3PM cosine schedule (Austin et al. 2021, reference code, after Nichol & Dhariwal 2021):
     * \( f(t) = \cos\big(\frac{t/T + 0.008}{1.008} \cdot \frac{\pi}{2}\big) \) and
     * \( \beta_t = \min(1 - f(t)/f(t-1),\, 0.999) \) (note \( \cos \), not \( \cos^2 \)). Used with the
     * uniform family.
     *
     * @param steps \( T \ge 1 \)
     */
    public static double[] cosine(int steps) {
        requireSteps(steps);
        double[] b = new double[steps];
        double prev = f(0, steps);
        for (int t = 1; t <= steps; t++) {
            double cur = f(t, steps);
            b[t - 1] = Math.min(1 - cur / prev, 0.999);
            prev = cur;
        }
        return b;
    }

    private static double f(int t, int steps) {
        return Math.cos(((double) t / steps + 0.008) / 1.008 * Math.PI / 2);
    }

    private static void requireSteps(int steps) {
        if (!(steps >= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEPS, steps));
        }
    }

    static void requireBeta(String name, double b) {
        if (!(b > 0 && b <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_RANGE, name, b));
        }
    }
}
