package org.probity.conformance.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.NamedSchedule;
import org.probity.diffusion.NoiseLevels;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Prediction;
import org.probity.diffusion.TimestepSpacing;

/** The case types of the version-2 properties: one request (or one group of requests) each. */
public final class V2Cases {
    private V2Cases() {
    }

    /** A {@code beta_schedule} request: a named schedule at T steps. */
    public record Named(NamedSchedule name, int steps) {
        /** Whether Probity's reference defines the schedule at this T (outside, an error answer is accepted). */
        public boolean inDomain() {
            return name.isDefinedFor(steps);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "name = %s, T = %d", name.wireName(), steps);
        }
    }

    /** A {@code loss_weight} request: a schedule batch with a prediction type and γ. */
    public record Weight(ScheduleCase schedule, Prediction prediction, double gamma) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "prediction_type = %s, gamma = %s", prediction.label(), gamma);
        }
    }

    /** An {@code inference_timesteps} request. */
    public record Timesteps(int steps, int n, TimestepSpacing spacing) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "T = %d, n = %d, spacing = %s", steps, n, spacing.label());
        }
    }

    /** One element of a {@code ddim_step} batch. */
    public record DdimPoint(int t, int tPrev, double xt, double eps, double noise, double x0) {
    }

    /** A {@code ddim_step} request: a schedule, η and a batch. */
    public record Ddim(String family, NoiseSchedule schedule, double eta, List<DdimPoint> points) {
        int[] t() {
            return points.stream().mapToInt(DdimPoint::t).toArray();
        }

        int[] tPrev() {
            return points.stream().mapToInt(DdimPoint::tPrev).toArray();
        }

        double[] column(java.util.function.ToDoubleFunction<DdimPoint> f) {
            return points.stream().mapToDouble(f).toArray();
        }

        String show(int focus) {
            StringBuilder sb = new StringBuilder(new ScheduleCase(family, schedule, List.of()).describeSchedule())
                .append(", eta = ").append(eta);
            boolean one = focus >= 0 && focus < points.size();
            for (int i = one ? focus : 0; i < points.size() && (one ? i == focus : i < 4); i++) {
                DdimPoint p = points.get(i);
                sb.append(String.format(Locale.ROOT, "; [%d] t = %d, t_prev = %d, xt = %s, eps = %s, noise = %s", i, p.t(),
                    p.tPrev(), p.xt(), p.eps(), p.noise()));
            }
            if (one && points.size() > 1) {
                sb.append(" (element ").append(focus).append(" of a batch of ").append(points.size()).append(')');
            }
            return sb.toString();
        }
    }

    /** A {@code sigma_schedule} request. */
    public record Sigmas(NoiseLevels.Kind kind, int n, double sigmaMin, double sigmaMax, double rho) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "kind = %s, n = %d, sigma_min = %s, sigma_max = %s, rho = %s", kind.label(), n,
                sigmaMin, sigmaMax, rho);
        }
    }

    /** One element of a D3PM batch: a timestep, a data state and (for the posterior) a noisy state. */
    public record D3pmPoint(int t, int x0, int xt) {
    }

    /** A D3PM request: the transition family, the β schedule, K states and a batch. */
    public record D3pm(DiscreteDiffusion.Family kind, String family, NoiseSchedule schedule, int states, List<D3pmPoint> points) {
        DiscreteDiffusion reference() {
            return DiscreteDiffusion.create(kind, states, schedule.betas());
        }

        double[] betas() {
            return schedule.betas();
        }

        int[] column(java.util.function.ToIntFunction<D3pmPoint> f) {
            return points.stream().mapToInt(f).toArray();
        }

        String show(int focus, boolean withXt) {
            double[] betas = schedule.betas();
            String b = betas.length <= 12 ? Arrays.toString(betas)
                : Arrays.stream(Arrays.copyOf(betas, 4)).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", ", … ]"));
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "kind = %s, K = %d, schedule %s, T = %d, betas = %s",
                org.probity.conformance.Op.d3pmKind(kind), states, family, betas.length, b));
            boolean one = focus >= 0 && focus < points.size();
            for (int i = one ? focus : 0; i < points.size() && (one ? i == focus : i < 4); i++) {
                D3pmPoint p = points.get(i);
                sb.append(String.format(Locale.ROOT, "; [%d] t = %d, x0 = %d", i, p.t(), p.x0()));
                if (withXt) {
                    sb.append(", xt = ").append(p.xt());
                }
            }
            return sb.toString();
        }
    }
}
