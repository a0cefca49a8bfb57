package org.probity.identities.gen;

import java.util.Arrays;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.diffusion.LinearGaussianReverse;
import org.probity.diffusion.NoiseSchedule;

/**
 * Generators of the Gaussian-diffusion identities' instances: schedules from {@link ScheduleGens}
 * (random and named, T = 1 included) with data points in [-3, 3] across magnitudes, linear-Gaussian
 * reverse models (the true reverse process, perturbations of it, random coefficients), forward
 * paths, and the points at which the posterior and Bayes' rule are evaluated. Each takes the largest
 * T and the smallest β it may produce: the identities' domains (their Javadoc says which).
 */
public final class GaussianDiffusionGens {
    private GaussianDiffusionGens() {
    }

    /** A schedule, a linear-Gaussian reverse model with as many steps, and a data point. */
    public record Instance(NoiseSchedule schedule, LinearGaussianReverse reverse, double x0) {
        /** T. */
        public int steps() {
            return schedule.steps();
        }
    }

    /** A schedule and a data point x_0. */
    public record SchedulePoint(NoiseSchedule schedule, double x) {
    }

    /** An instance, a path \( x_{0:T} \) and the data distribution \( x_0 \sim \mathcal N(\mu, \sigma^2) \) of the joints. */
    public record Path(Instance instance, double[] x, double mean, double variance) {
        @Override
        public String toString() {
            return "Path[" + instance + ", x=" + Arrays.toString(x) + ", x_0 ~ N(" + mean + ", " + variance + ")]";
        }
    }

    /** A schedule, a step t and the values \( x_0, x_{t-1}, x_t \) at which the posterior is evaluated. */
    public record PosteriorPoint(NoiseSchedule schedule, double x0, double xPrev, double xt, int t) {
    }

    /**
     * Reverse models for a schedule: the true reverse process (tight bound), a perturbation of it
     * (near-tight), or random coefficients (constant over steps when T &gt; 16).
     */
    public static Gen<LinearGaussianReverse> reverseModels(NoiseSchedule s) {
        int n = s.steps();
        Gen<LinearGaussianReverse> truth = Gens.combine(Gens.doubles(-2, 2), Gens.doubles(0.05, 4),
            (m, v) -> LinearGaussianReverse.trueReverse(s, m, v));
        Gen<LinearGaussianReverse> perturbed = Gens.combine(truth, Gens.doubles(-0.5, 0.5), Gens.doubles(-1, 1),
            (p, dg, dl) -> {
                double scale = n <= 16 ? 1 : 1.0 / n; // keep prod_t g_t from overflowing on long chains
                double[] g = new double[n];
                double[] h = new double[n];
                double[] lv = new double[n];
                for (int t = 1; t <= n; t++) {
                    g[t - 1] = p.gain(t) * (1 + scale * dg);
                    h[t - 1] = p.offset(t) + dg / 4;
                    lv[t - 1] = p.logVariance(t) + dl;
                }
                return LinearGaussianReverse.of(g, h, lv, p.priorMean(), p.priorVariance());
            });
        int k = n <= 16 ? n : 1;
        double gmax = n <= 16 ? 2 : 1; // |g| <= 1 on long chains, so the reverse chain cannot overflow
        Gen<LinearGaussianReverse> random = Gens.combine(Gens.doubles(-gmax, gmax).arrays(k, k), Gens.doubles(-1, 1).arrays(k, k),
            Gens.doubles(-7, 3).arrays(k, k), (g, h, lv) -> LinearGaussianReverse.of(stretch(g, n), stretch(h, n),
                stretch(lv, n), 0, 1));
        return Gens.frequency(Gens.weighted(30, truth), Gens.weighted(40, perturbed), Gens.weighted(30, random));
    }

    /** Instances over schedules with T ≤ maxSteps and β ≥ minBeta. */
    public static Gen<Instance> instances(int maxSteps, double minBeta) {
        return ScheduleGens.schedules(maxSteps, minBeta).flatMap(s -> Gens.combine(reverseModels(s), Gens.doubles(-3, 3),
            (p, x0) -> new Instance(s, p, x0)));
    }

    /** Instances whose reverse model is the true reverse process for data \( x_0 \sim \mathcal N(\mu, \sigma^2) \). */
    public static Gen<Instance> trueReverseInstances(int maxSteps, double minBeta) {
        return ScheduleGens.schedules(maxSteps, minBeta).flatMap(s -> Gens.combine(Gens.doubles(-2, 2),
            Gens.doubles(0.05, 4), Gens.doubles(-3, 3), (m, var, x0) ->
                new Instance(s, LinearGaussianReverse.trueReverse(s, m, var), x0)));
    }

    /** A schedule and a data point. */
    public static Gen<SchedulePoint> schedulePoints(int maxSteps, double minBeta) {
        return Gens.combine(ScheduleGens.schedules(maxSteps, minBeta), Gens.doubles(-3, 3), SchedulePoint::new);
    }

    /** Instances with a path \( x_{0:T} \) in [-3, 3] and a data distribution of mean in [-2, 2], variance in [0.05, 4]. */
    public static Gen<Path> paths(int maxSteps, double minBeta) {
        return instances(maxSteps, minBeta).flatMap(in -> Gens.combine(Gens.doubles(-3, 3)
            .arrays(in.steps() + 1, in.steps() + 1), Gens.doubles(-2, 2), Gens.doubles(0.05, 4), (x, m, v) -> new Path(in, x, m, v)));
    }

    /** A schedule with \( x_0, x_T \in [-3, 3] \) (t and \( x_{t-1} \) unused: the posterior is checked at every t). */
    public static Gen<PosteriorPoint> posteriorPoints(int maxSteps, double minBeta) {
        return Gens.combine(ScheduleGens.schedules(maxSteps, minBeta), Gens.doubles(-3, 3), Gens.doubles(-3, 3),
            (s, x0, xt) -> new PosteriorPoint(s, x0, 0, xt, 0));
    }

    /** A schedule with T ≥ 2, a step t in 2..T, \( x_0 \in [-3, 3] \) and \( x_{t-1}, x_t \in [-5, 5] \). */
    public static Gen<PosteriorPoint> bayesPoints(int maxSteps, double minBeta) {
        return ScheduleGens.schedules(maxSteps, minBeta).filter("T >= 2", s -> s.steps() >= 2).flatMap(s ->
            Gens.combine(Gens.integers(2, s.steps()), Gens.doubles(-3, 3), Gens.zip(Gens.doubles(-5, 5), Gens.doubles(-5, 5)),
                (t, x0, xs) -> new PosteriorPoint(s, x0, xs.first(), xs.second(), t)));
    }

    private static double[] stretch(double[] xs, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = xs[i % xs.length];
        }
        return out;
    }
}
