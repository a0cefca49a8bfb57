package org.probity.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.probity.diffusion.GaussianDiffusion;
import org.probity.diffusion.NoiseSchedule;
import org.probity.math.Constants;
import org.probity.math.ShortestDouble;

/**
 * The research sanity profile of a noise schedule: the figures of {@link ScheduleSummary}, the
 * curves of {@link ScheduleCurve} and the per-step reference table ({@link #json()}).
 *
 * <p>Prior term (Ho et al. 2020, §4): for data \( x_0 \in [-1, 1] \),
 * \( L_T(x_0) = \mathrm{KL}(\mathcal N(\sqrt{\bar\alpha_T} x_0, 1 - \bar\alpha_T) \,\|\, \mathcal N(0, 1))
 * = \tfrac12 (\bar\alpha_T x_0^2 + g(\bar\alpha_T)) \) with \( g(a) = -\log(1 - a) - a \ge 0 \),
 * quadratic in \( x_0 \), so its mean over \( x_0 \) uniform on [-1, 1] is its value at
 * \( x_0^2 = 1/3 \) and its largest value on [-1, 1] is at \( |x_0| = 1 \); it is evaluated once, by
 * {@link GaussianDiffusion#priorKl(double)}.
 *
 * <p>VLB terms: for Gaussian data \( x_0 \sim \mathcal N(0, s) \) the best reverse process
 * \( p(x_{t-1} \mid x_t) = q(x_{t-1} \mid x_t) \) has
 * \( L_{t-1} = \mathbb E\, \mathrm{KL}(q(x_{t-1} \mid x_t, x_0) \,\|\, q(x_{t-1} \mid x_t))
 * = I(x_0; x_{t-1} \mid x_t) = \tfrac12 \log \frac{\mathrm{Var}(x_{t-1} \mid x_t)}{\tilde\beta_t} \),
 * which with \( V_t = 1 - (1 - s)\bar\alpha_t \) is
 * \( \tfrac12 [\mathrm{log1p}(-(1-s)\bar\alpha_{t-1}\beta_t / V_t)
 * + \mathrm{log1p}(\bar\alpha_{t-1}\beta_t / (1 - \bar\alpha_{t-1}))] \), no cancellation. They sum
 * to \( I(x_0; x_1) - I(x_0; x_T) \) with \( I(x_0; x_t) = \tfrac12 \mathrm{log1p}(s\,\mathrm{SNR}_t) \).
 * Probity uses \( s = 1/3 \), the variance of the uniform distribution on [-1, 1].
 */
public final class ScheduleProfile {
    /** Variance of data uniform on [-1, 1], used for the VLB-term curve. */
    public static final double DATA_VARIANCE = 1.0 / 3.0;


    private final String name;
    private final NoiseSchedule schedule;

    private ScheduleProfile(String name, NoiseSchedule schedule) {
        this.name = name;
        this.schedule = schedule;
    }

    /**
     * @param name     the schedule's name (a named schedule or a file)
     * @param schedule the schedule
     * @return its profile
     */
    public static ScheduleProfile of(String name, NoiseSchedule schedule) {
        return new ScheduleProfile(Objects.requireNonNull(name, "name"), Objects.requireNonNull(schedule, "schedule"));
    }

    /** @return the schedule */
    public NoiseSchedule schedule() {
        return schedule;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /**
     * \( L_T \) in nats at data value \( x_0 \): {@link GaussianDiffusion#priorKl(double)}, the one
     * evaluation of the prior term (no cancellation when \( \bar\alpha_T \) is tiny).
     *
     * @param x0 the data value
     * @return the prior KL in nats (0 when \( \bar\alpha_T = 0 \))
     */
    public double priorKl(double x0) {
        return GaussianDiffusion.of(schedule).priorKl(x0);
    }

    /** @return the summary figures */
    public ScheduleSummary summary() {
        int n = schedule.steps();
        boolean nonDecreasing = true;
        int firstDecrease = 0;
        List<Integer> clipped = new ArrayList<>();
        for (int t = 1; t <= n; t++) {
            if (t >= 2 && schedule.beta(t) < schedule.beta(t - 1) && nonDecreasing) {
                nonDecreasing = false;
                firstDecrease = t;
            }
            if (schedule.beta(t) == ScheduleSummary.BETA_CLIP) {
                clipped.add(t);
            }
        }
        int stall = 0;
        for (int t = 1; t <= n && stall == 0; t++) {
            if (!(schedule.alphaBar(t) < schedule.alphaBar(t - 1))) {
                stall = t;
            }
        }
        double mean = (2 * priorKl(0) + priorKl(1)) / 3;
        return new ScheduleSummary(name, n, schedule.alphaBar(n), schedule.snr(1), schedule.snr(n), mean / Constants.LN2,
                priorKl(1) / Constants.LN2, nonDecreasing, firstDecrease, stall, clipped);
    }

    /**
     * @param t a timestep in 2..T
     * @return \( L_{t-1} \) in nats for Gaussian data of variance {@link #DATA_VARIANCE}
     */
    public double vlbTerm(int t) {
        double s = DATA_VARIANCE;
        double drop = schedule.alphaBar(t - 1) * schedule.beta(t);          // ᾱ_{t-1} − ᾱ_t, no cancellation
        double v = 1 - (1 - s) * schedule.alphaBar(t);                      // >= s, no cancellation
        double first = Math.log1p(-(1 - s) * drop / v);
        double second = Math.log1p(drop / schedule.oneMinusAlphaBar(t - 1));
        return 0.5 * (first + second);
    }

    /** @return the log-SNR and VLB-term curves (bits/dim) */
    public ScheduleCurve curve() {
        int n = schedule.steps();
        double[] logSnr = new double[n];
        double[] vlb = new double[n];
        vlb[0] = Double.NaN;
        for (int t = 1; t <= n; t++) {
            logSnr[t - 1] = schedule.logSnr(t);
            if (t >= 2) {
                vlb[t - 1] = vlbTerm(t) / Constants.LN2;
            }
        }
        return new ScheduleCurve(name, logSnr, vlb);
    }

    /**
     * The per-step reference table: for t = 1..T, \( \beta_t \), \( \bar\alpha_t \),
     * \( 1 - \bar\alpha_t \), \( \log(1 - \bar\alpha_t) \), \( \tilde\beta_t \), \( \log\tilde\beta_t \)
     * ({@code "-Infinity"} at t = 1, where β̃_1 = 0), both posterior mean coefficients and
     * \( \mathrm{SNR}_t \), each the shortest decimal that reads back as the double
     * ({@link ShortestDouble}; a value that is not finite as the string {@code "Infinity"},
     * {@code "-Infinity"} or {@code "NaN"}, as in {@code conformance.json}); one step per line.
     *
     * @return the JSON text, ending with a newline
     */
    public String json() {
        StringBuilder b = new StringBuilder();
        int n = schedule.steps();
        b.append("{\n  \"schedule\": \"").append(JsonStringEncoder.getInstance().quoteAsString(name))
                .append("\",\n  \"T\": ").append(n).append(",\n  \"steps\": [\n");
        for (int t = 1; t <= n; t++) {
            b.append("    {\"t\": ").append(t);
            field(b, "beta", schedule.beta(t));
            field(b, "alphaBar", schedule.alphaBar(t));
            field(b, "oneMinusAlphaBar", schedule.oneMinusAlphaBar(t));
            field(b, "logOneMinusAlphaBar", schedule.logOneMinusAlphaBar(t));
            field(b, "posteriorVariance", schedule.posteriorVariance(t));
            field(b, "logPosteriorVariance", schedule.logPosteriorVariance(t));
            field(b, "posteriorMeanCoefX0", schedule.posteriorMeanCoefX0(t));
            field(b, "posteriorMeanCoefXt", schedule.posteriorMeanCoefXt(t));
            field(b, "snr", schedule.snr(t));
            b.append(t < n ? "},\n" : "}\n");
        }
        return b.append("  ]\n}\n").toString();
    }

    private static void field(StringBuilder b, String key, double value) {
        b.append(", \"").append(key).append("\": ").append(ShortestDouble.json(value));
    }
}
