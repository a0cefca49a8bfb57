package org.probity.conformance.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.probity.check.Verdict;
import org.probity.conformance.DdimSteps;
import org.probity.conformance.Description;
import org.probity.conformance.Finding;
import org.probity.conformance.Implementation;
import org.probity.conformance.MeanVariance;
import org.probity.conformance.Op;
import org.probity.conformance.OpError;
import org.probity.conformance.PropertyRun;
import org.probity.conformance.ScheduleTable;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.NoiseLevels;
import org.probity.diffusion.Prediction;
import org.probity.diffusion.TimestepSpacing;

/**
 * The whole-run property of PROTOCOL.md: requests sent again at the end of the run must get the same
 * answers, so an implementation whose calls change shared state (a cache replaced by a float16 copy,
 * a counter, a seeded generator) fails. An {@link Implementation} that records the first
 * {@value #PER_OP} requests of every op with their answers, and sends them again at the end.
 */
public final class RepeatedRequests implements Implementation {
    /** Requests recorded per op. */
    static final int PER_OP = 3;
    /** The property's name in reports. */
    public static final String PROPERTY = "requests sent again at the end of the run get the same answers";

    private record Call(String input, Supplier<double[]> again, double[] first, String error) {
    }

    private final Implementation impl;
    private final Map<Op, List<Call>> calls = new EnumMap<>(Op.class);

    /** Records requests to {@code impl}. */
    public RepeatedRequests(Implementation impl) {
        this.impl = impl;
    }

    private <T> T record(Op op, String input, Supplier<T> call, java.util.function.Function<T, double[]> flat) {
        List<Call> list = calls.computeIfAbsent(op, k -> new ArrayList<>());
        if (list.size() >= PER_OP) {
            return call.get();
        }
        Supplier<double[]> again = () -> flat.apply(call.get());
        try {
            T answer = call.get();
            list.add(new Call(input, again, flat.apply(answer), null));
            return answer;
        } catch (OpError e) {
            list.add(new Call(input, again, null, e.getMessage()));
            throw e;
        }
    }

    /**
     * Sends every recorded request again and compares the answers: equal up to {@link CheckContext#rel}(1)
     * (a few roundings of an implementation whose reductions are not deterministic), an error where
     * there was an error.
     *
     * @return one run per op that had recorded requests
     */
    public Map<Op, PropertyRun> replay(CheckContext ctx, long seed) {
        Map<Op, PropertyRun> out = new EnumMap<>(Op.class);
        for (Map.Entry<Op, List<Call>> e : calls.entrySet()) {
            Op op = e.getKey();
            long points = 0;
            double maxUsage = 0;
            double maxDifference = 0;
            Finding finding = null;
            for (Call c : e.getValue()) {
                double[] now;
                String error = null;
                try {
                    now = c.again().get();
                } catch (OpError x) {
                    now = null;
                    error = x.getMessage();
                }
                points += now == null ? 1 : now.length;
                Verdict worst = compare(ctx, c, now, error);
                if (worst.isNumeric()) {
                    maxUsage = Math.max(maxUsage, Comparison.usage(worst));
                    maxDifference = Math.max(maxDifference, Double.isNaN(worst.difference()) ? 0 : worst.difference());
                }
                if (!worst.passed() && finding == null) {
                    finding = worst.isNumeric()
                        ? new Finding(op, PROPERTY, c.input(), worst.description(), worst.lhs(), worst.rhs(), Comparison.difference(worst),
                            worst.tolerance().toString(), Comparison.render(worst, false, ctx.precision()).replace("from its own answers", "first answer"), 0, seed, "")
                        : new Finding(op, PROPERTY, c.input(), "answer", Double.NaN, Double.NaN, Double.NaN, "-", worst.description(), 0,
                            seed, "");
                    maxUsage = Double.POSITIVE_INFINITY;
                }
            }
            out.put(op, new PropertyRun(op, PROPERTY, true, e.getValue().size(), points, 0, maxUsage, maxDifference,
                Optional.ofNullable(finding), Optional.empty()));
        }
        return out;
    }

    private static Verdict compare(CheckContext ctx, Call c, double[] now, String error) {
        if (c.error() != null || error != null) {
            boolean same = c.error() != null && error != null;
            return Verdict.check(same, c.error() != null
                ? "the first request raised (" + c.error() + "), the same request at the end " + (error == null ? "answered" : "raised too")
                : "the first request was answered, the same request at the end raised: " + error);
        }
        if (now.length != c.first().length) {
            return Verdict.fail(String.format(Locale.ROOT, "the same request answered %d numbers first and %d at the end",
                c.first().length, now.length));
        }
        Verdict worst = Verdict.pass();
        for (int i = 0; i < now.length; i++) {
            if (Double.isNaN(now[i]) && Double.isNaN(c.first()[i])) {
                continue;
            }
            Verdict v = Comparison.of("answer[" + i + "] at the end vs the first time", now[i], c.first()[i], ctx.rel(1));
            if (!v.passed() && (worst.passed() || Comparison.usage(v) > Comparison.usage(worst))) {
                worst = v;
            }
        }
        return worst;
    }

    private static String args(Object... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            String s = v instanceof double[] d ? abbreviate(Arrays.toString(d)) : v instanceof int[] n ? abbreviate(Arrays.toString(n))
                : String.valueOf(v);
            sb.append(i == 0 ? "" : ", ").append(kv[i]).append(" = ").append(s);
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…]";
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] flat(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] mv(MeanVariance m) {
        return concat(m.mean(), m.variance(), m.logVariance());
    }

    // ---- delegation ----

    @Override
    public Description describe() {
        return impl.describe();
    }

    @Override
    public double[] alphasCumprod(double[] betas) {
        return record(Op.ALPHAS_CUMPROD, args("betas", betas), () -> impl.alphasCumprod(betas), a -> a);
    }

    @Override
    public MeanVariance qMeanVariance(double[] betas, double[] x0, int[] t) {
        return record(Op.Q_MEAN_VARIANCE, args("betas", betas, "x0", x0, "t", t), () -> impl.qMeanVariance(betas, x0, t),
            RepeatedRequests::mv);
    }

    @Override
    public MeanVariance qPosteriorMeanVariance(double[] betas, double[] x0, double[] xt, int[] t) {
        return record(Op.Q_POSTERIOR_MEAN_VARIANCE, args("betas", betas, "x0", x0, "xt", xt, "t", t),
            () -> impl.qPosteriorMeanVariance(betas, x0, xt, t), RepeatedRequests::mv);
    }

    @Override
    public double[] predictX0FromEps(double[] betas, double[] xt, int[] t, double[] eps) {
        return record(Op.PREDICT_X0_FROM_EPS, args("betas", betas, "xt", xt, "t", t, "eps", eps),
            () -> impl.predictX0FromEps(betas, xt, t, eps), a -> a);
    }

    @Override
    public double[] normalKl(double[] mean1, double[] logvar1, double[] mean2, double[] logvar2) {
        return record(Op.NORMAL_KL, args("mean1", mean1, "logvar1", logvar1, "mean2", mean2, "logvar2", logvar2),
            () -> impl.normalKl(mean1, logvar1, mean2, logvar2), a -> a);
    }

    @Override
    public double[] discretizedGaussianLogLikelihood(double[] x, double[] mean, double[] logScale) {
        return record(Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD, args("x", x, "mean", mean, "log_scale", logScale),
            () -> impl.discretizedGaussianLogLikelihood(x, mean, logScale), a -> a);
    }

    @Override
    public double[] priorKl(double[] betas, double[] x0) {
        return record(Op.PRIOR_KL, args("betas", betas, "x0", x0), () -> impl.priorKl(betas, x0), a -> a);
    }

    @Override
    public double[] vbTerm(double[] betas, double[] x0, double[] xt, int[] t, double[] modelMean, double[] modelLogVariance) {
        return record(Op.VB_TERM, args("betas", betas, "x0", x0, "xt", xt, "t", t, "model_mean", modelMean,
            "model_log_variance", modelLogVariance), () -> impl.vbTerm(betas, x0, xt, t, modelMean, modelLogVariance), a -> a);
    }

    @Override
    public double[] categoricalKl(double[][] p, double[][] q) {
        return record(Op.CATEGORICAL_KL, args("p", flat(p), "q", flat(q)), () -> impl.categoricalKl(p, q), a -> a);
    }

    @Override
    public double[] categoricalEntropy(double[][] p) {
        return record(Op.CATEGORICAL_ENTROPY, args("p", flat(p)), () -> impl.categoricalEntropy(p), a -> a);
    }

    @Override
    public double[] categoricalCrossEntropy(double[][] p, double[][] q) {
        return record(Op.CATEGORICAL_CROSS_ENTROPY, args("p", flat(p), "q", flat(q)), () -> impl.categoricalCrossEntropy(p, q), a -> a);
    }

    @Override
    public ScheduleTable betaSchedule(String name, int steps) {
        return record(Op.BETA_SCHEDULE, args("name", name, "T", steps), () -> impl.betaSchedule(name, steps),
            s -> concat(s.betas(), s.alphasCumprod()));
    }

    @Override
    public double[] snr(double[] betas, int[] t) {
        return record(Op.SNR, args("betas", betas, "t", t), () -> impl.snr(betas, t), a -> a);
    }

    @Override
    public double[] getVelocity(double[] betas, double[] x0, double[] eps, int[] t) {
        return record(Op.GET_VELOCITY, args("betas", betas, "x0", x0, "eps", eps, "t", t), () -> impl.getVelocity(betas, x0, eps, t),
            a -> a);
    }

    @Override
    public double[] predictX0FromV(double[] betas, double[] xt, int[] t, double[] v) {
        return record(Op.PREDICT_X0_FROM_V, args("betas", betas, "xt", xt, "t", t, "v", v), () -> impl.predictX0FromV(betas, xt, t, v),
            a -> a);
    }

    @Override
    public double[] lossWeight(double[] betas, int[] t, Prediction predictionType, double gamma) {
        return record(Op.LOSS_WEIGHT, args("betas", betas, "t", t, "prediction_type", predictionType.label(), "gamma", gamma),
            () -> impl.lossWeight(betas, t, predictionType, gamma), a -> a);
    }

    @Override
    public int[] inferenceTimesteps(int steps, int n, TimestepSpacing spacing) {
        return record(Op.INFERENCE_TIMESTEPS, args("T", steps, "n", n, "spacing", spacing.label()),
            () -> impl.inferenceTimesteps(steps, n, spacing), a -> Arrays.stream(a).asDoubleStream().toArray());
    }

    @Override
    public DdimSteps ddimStep(double[] betas, int[] t, int[] tPrev, double[] xt, double[] eps, double eta, double[] noise) {
        return record(Op.DDIM_STEP, args("betas", betas, "t", t, "t_prev", tPrev, "xt", xt, "eps", eps, "eta", eta, "noise", noise),
            () -> impl.ddimStep(betas, t, tPrev, xt, eps, eta, noise), d -> {
                double[] out = new double[3 * d.size()];
                for (int i = 0; i < d.size(); i++) {
                    out[3 * i] = d.mean(i);
                    out[3 * i + 1] = d.std(i);
                    out[3 * i + 2] = d.xPrev(i);
                }
                return out;
            });
    }

    @Override
    public double[] sigmaSchedule(NoiseLevels.Kind kind, int n, double sigmaMin, double sigmaMax, double rho) {
        return record(Op.SIGMA_SCHEDULE, args("kind", kind.label(), "n", n, "sigma_min", sigmaMin, "sigma_max", sigmaMax, "rho", rho),
            () -> impl.sigmaSchedule(kind, n, sigmaMin, sigmaMax, rho), a -> a);
    }

    @Override
    public double[][] d3pmQMat(DiscreteDiffusion.Family kind, double[] betas, int states, int t) {
        return record(Op.D3PM_Q_MAT, args("kind", Op.d3pmKind(kind), "betas", betas, "K", states, "t", t),
            () -> impl.d3pmQMat(kind, betas, states, t), RepeatedRequests::flat);
    }

    @Override
    public double[][] d3pmQProbs(DiscreteDiffusion.Family kind, double[] betas, int states, int[] x0, int[] t) {
        return record(Op.D3PM_Q_PROBS, args("kind", Op.d3pmKind(kind), "betas", betas, "K", states, "x0", x0, "t", t),
            () -> impl.d3pmQProbs(kind, betas, states, x0, t), RepeatedRequests::flat);
    }

    @Override
    public double[][] d3pmQPosterior(DiscreteDiffusion.Family kind, double[] betas, int states, int[] x0, int[] xt, int[] t) {
        return record(Op.D3PM_Q_POSTERIOR, args("kind", Op.d3pmKind(kind), "betas", betas, "K", states, "x0", x0, "xt", xt, "t", t),
            () -> impl.d3pmQPosterior(kind, betas, states, x0, xt, t), RepeatedRequests::flat);
    }
}
