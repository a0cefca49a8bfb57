package org.probity.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.NoiseLevels;
import org.probity.diffusion.Prediction;
import org.probity.diffusion.TimestepSpacing;
import org.probity.conformance.internal.AdapterChannel;
import org.probity.conformance.internal.Wire;

/**
 * An {@link Implementation} that is an adapter process speaking the JSON-lines protocol of
 * PROTOCOL.md on its stdin/stdout.
 *
 * <p>The command is started without a shell ({@link ProcessBuilder} with an argument list). Every
 * request waits at most the per-request timeout, both to be written and to be answered; every
 * protocol violation — exit before answering (with the exit code), no answer in time, a stdout line
 * that is not JSON, malformed JSON, a wrong id, a result of the wrong length or without a required
 * field — is an {@link AdapterFault} carrying the last lines of the adapter's stderr, which is drained
 * on its own thread. After a fault the process is destroyed and every further call repeats the fault;
 * {@link #close()} always destroys it, so Probity never hangs on an adapter.
 *
 * <p>Each call is one request carrying whole arrays, so a batch of thousands of cases costs one
 * round trip. Not thread-safe: one caller at a time.
 */
public final class SubprocessImplementation implements Implementation, AutoCloseable {
    private final AdapterChannel channel;
    private final Description description;

    private SubprocessImplementation(List<String> command, long timeoutMillis) {
        this.channel = new AdapterChannel(command, timeoutMillis);
        try {
            this.description = parseDescription(channel.call("describe", Wire.object(), -1));
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Starts the adapter and asks it to {@code describe} itself.
     *
     * @param command the program and its arguments (no shell: no globbing, quoting or pipes)
     * @param timeout the per-request timeout, positive
     * @return the running implementation; close it when done
     * @throws AdapterFault if the process cannot be started or its describe answer is broken
     * @throws IllegalArgumentException if the command is empty or the timeout not positive
     */
    public static SubprocessImplementation start(List<String> command, Duration timeout) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: expected a program and its arguments, got an empty list");
        }
        if (!(timeout.toMillis() > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "timeout: expected a positive duration, got %s", timeout));
        }
        return new SubprocessImplementation(command, timeout.toMillis());
    }

    @Override
    public Description describe() {
        return description;
    }

    /** The number of requests answered so far (describe included). */
    public long requests() {
        return channel.requests();
    }

    /** Total wall time spent in requests (write to parsed answer), in nanoseconds. */
    public long nanosInRequests() {
        return channel.nanosInRequests();
    }

    private static double[] doubles(JsonNode a) {
        double[] xs = new double[a.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Wire.toDouble(a.get(i));
        }
        return xs;
    }

    private Description parseDescription(JsonNode r) {
        if (!r.isObject()) {
            throw channel.fail(AdapterFault.Kind.BAD_DESCRIPTION, "describe: expected an object {name, ops, precision}, got "
                + AdapterChannel.abbreviate(r.toString()));
        }
        String name = r.hasNonNull("name") && !r.get("name").asText().isBlank() ? r.get("name").asText() : String.join(" ", channel.command());
        JsonNode ops = r.get("ops");
        if (ops == null || !ops.isArray()) {
            throw channel.fail(AdapterFault.Kind.BAD_DESCRIPTION, "describe: expected \"ops\" to be an array of op names, got "
                + (ops == null ? "nothing" : AdapterChannel.abbreviate(ops.toString())));
        }
        Set<Op> set = EnumSet.noneOf(Op.class);
        List<String> unknown = new ArrayList<>();
        for (String o : strings(ops, "ops")) {
            Op.fromWireName(o).ifPresentOrElse(set::add, () -> unknown.add(o));
        }
        String prec = r.hasNonNull("precision") ? r.get("precision").asText() : "float64";
        Precision precision = Precision.fromWireName(prec).orElseThrow(() -> channel.fail(AdapterFault.Kind.BAD_DESCRIPTION,
            "describe: precision must be \"float64\" or \"float32\", got \"" + prec + "\""));
        Description d = Description.of(name, set, precision).withUnknownOps(unknown);
        if (r.hasNonNull("schedules")) {
            d = d.withSchedules(strings(r.get("schedules"), "schedules"));
        }
        if (r.hasNonNull("limits")) {
            d = d.withLimits(limits(r.get("limits")));
        }
        if (r.hasNonNull("variants")) {
            JsonNode v = r.get("variants");
            if (!v.isObject()) {
                throw describeFault("\"variants\" to be an object {op: [values]}", v);
            }
            Map<String, List<String>> byKey = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> byKey.put(e.getKey(), strings(e.getValue(), "variants." + e.getKey())));
            d = d.withVariants(byKey);
        }
        return d;
    }

    private List<String> strings(JsonNode a, String field) {
        if (!a.isArray()) {
            throw describeFault("\"" + field + "\" to be an array of strings", a);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : a) {
            if (!x.isTextual()) {
                throw describeFault("\"" + field + "\" to be an array of strings", a);
            }
            out.add(x.textValue());
        }
        return out;
    }

    private StepLimits limits(JsonNode l) {
        if (!l.isObject()) {
            throw describeFault("\"limits\" to be an object {\"min_T\": n, \"max_T\": n}", l);
        }
        int min = 1;
        int max = Integer.MAX_VALUE;
        for (String f : new String[] {"min_T", "max_T"}) {
            JsonNode n = l.get(f);
            if (n == null || n.isNull()) {
                continue;
            }
            if (!n.canConvertToInt() || !(n.isIntegralNumber() || n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue()))
                || n.asInt() < 1) {
                throw describeFault("\"limits\".\"" + f + "\" to be an integer >= 1", n);
            }
            if (f.equals("min_T")) {
                min = n.asInt();
            } else {
                max = n.asInt();
            }
        }
        if (min > max) {
            throw describeFault("\"limits\" to have min_T <= max_T", l);
        }
        return new StepLimits(min, max);
    }

    private AdapterFault describeFault(String expected, JsonNode got) {
        return channel.fail(AdapterFault.Kind.BAD_DESCRIPTION, "describe: expected " + expected + ", got "
            + AdapterChannel.abbreviate(got.toString()));
    }

    // ---- ops ----

    @Override
    public double[] alphasCumprod(double[] betas) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        return doubles(channel.call(Op.ALPHAS_CUMPROD.wireName(), a, betas.length));
    }

    @Override
    public MeanVariance qMeanVariance(double[] betas, double[] x0, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("t", Wire.array(t));
        return meanVariance(channel.call(Op.Q_MEAN_VARIANCE.wireName(), a, -1), Op.Q_MEAN_VARIANCE, x0.length);
    }

    @Override
    public MeanVariance qPosteriorMeanVariance(double[] betas, double[] x0, double[] xt, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        return meanVariance(channel.call(Op.Q_POSTERIOR_MEAN_VARIANCE.wireName(), a, -1), Op.Q_POSTERIOR_MEAN_VARIANCE, x0.length);
    }

    private MeanVariance meanVariance(JsonNode r, Op op, int n) {
        String what = "the last request (" + op.wireName() + ")";
        if (!r.isObject()) {
            throw channel.fail(AdapterFault.Kind.WRONG_TYPE, what + ": expected {mean, variance, log_variance}, got "
                + AdapterChannel.abbreviate(r.toString()));
        }
        for (String f : new String[] {"mean", "variance", "log_variance"}) {
            channel.checkArray(r.get(f), f, what, n);
        }
        return MeanVariance.of(doubles(r.get("mean")), doubles(r.get("variance")), doubles(r.get("log_variance")));
    }

    @Override
    public double[] predictX0FromEps(double[] betas, double[] xt, int[] t, double[] eps) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        a.set("eps", Wire.array(eps));
        return doubles(channel.call(Op.PREDICT_X0_FROM_EPS.wireName(), a, xt.length));
    }

    @Override
    public double[] normalKl(double[] mean1, double[] logvar1, double[] mean2, double[] logvar2) {
        ObjectNode a = Wire.object();
        a.set("mean1", Wire.array(mean1));
        a.set("logvar1", Wire.array(logvar1));
        a.set("mean2", Wire.array(mean2));
        a.set("logvar2", Wire.array(logvar2));
        return doubles(channel.call(Op.NORMAL_KL.wireName(), a, mean1.length));
    }

    @Override
    public double[] discretizedGaussianLogLikelihood(double[] x, double[] mean, double[] logScale) {
        ObjectNode a = Wire.object();
        a.set("x", Wire.array(x));
        a.set("mean", Wire.array(mean));
        a.set("log_scale", Wire.array(logScale));
        return doubles(channel.call(Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD.wireName(), a, x.length));
    }

    @Override
    public double[] priorKl(double[] betas, double[] x0) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        return doubles(channel.call(Op.PRIOR_KL.wireName(), a, x0.length));
    }

    @Override
    public double[] vbTerm(double[] betas, double[] x0, double[] xt, int[] t, double[] modelMean, double[] modelLogVariance) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        a.set("model_mean", Wire.array(modelMean));
        a.set("model_log_variance", Wire.array(modelLogVariance));
        return doubles(channel.call(Op.VB_TERM.wireName(), a, x0.length));
    }

    @Override
    public double[] categoricalKl(double[][] p, double[][] q) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        a.set("q", Wire.matrix(q));
        return doubles(channel.call(Op.CATEGORICAL_KL.wireName(), a, p.length));
    }

    @Override
    public double[] categoricalEntropy(double[][] p) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        return doubles(channel.call(Op.CATEGORICAL_ENTROPY.wireName(), a, p.length));
    }

    @Override
    public double[] categoricalCrossEntropy(double[][] p, double[][] q) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        a.set("q", Wire.matrix(q));
        return doubles(channel.call(Op.CATEGORICAL_CROSS_ENTROPY.wireName(), a, p.length));
    }

    // ---- version 2 ----

    @Override
    public ScheduleTable betaSchedule(String name, int steps) {
        ObjectNode a = Wire.object();
        a.put("name", name);
        a.put("T", steps);
        JsonNode r = channel.call(Op.BETA_SCHEDULE.wireName(), a, -1);
        String what = "the last request (" + Op.BETA_SCHEDULE.wireName() + ")";
        if (!r.isObject()) {
            throw channel.fail(AdapterFault.Kind.WRONG_TYPE, what + ": expected {betas, alphas_cumprod}, got "
                + AdapterChannel.abbreviate(r.toString()));
        }
        // the lengths are the implementation's answer to check, not a protocol matter
        return ScheduleTable.of(numbers(r.get("betas"), "betas", what), numbers(r.get("alphas_cumprod"), "alphas_cumprod", what));
    }

    @Override
    public double[] snr(double[] betas, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("t", Wire.array(t));
        return doubles(channel.call(Op.SNR.wireName(), a, t.length));
    }

    @Override
    public double[] getVelocity(double[] betas, double[] x0, double[] eps, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("eps", Wire.array(eps));
        a.set("t", Wire.array(t));
        return doubles(channel.call(Op.GET_VELOCITY.wireName(), a, x0.length));
    }

    @Override
    public double[] predictX0FromV(double[] betas, double[] xt, int[] t, double[] v) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        a.set("v", Wire.array(v));
        return doubles(channel.call(Op.PREDICT_X0_FROM_V.wireName(), a, xt.length));
    }

    @Override
    public double[] lossWeight(double[] betas, int[] t, Prediction predictionType, double gamma) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("t", Wire.array(t));
        a.put("prediction_type", predictionType.label());
        a.set("gamma", Wire.number(gamma));
        return doubles(channel.call(Op.LOSS_WEIGHT.wireName(), a, t.length));
    }

    @Override
    public int[] inferenceTimesteps(int steps, int n, TimestepSpacing spacing) {
        ObjectNode a = Wire.object();
        a.put("T", steps);
        a.put("n", n);
        a.put("spacing", spacing.label());
        String what = "the last request (" + Op.INFERENCE_TIMESTEPS.wireName() + ")";
        double[] xs = numbers(channel.call(Op.INFERENCE_TIMESTEPS.wireName(), a, -1), "result", what);
        int[] out = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!(xs[i] == Math.rint(xs[i]) && Math.abs(xs[i]) <= Integer.MAX_VALUE)) {
                throw new OpError(Op.INFERENCE_TIMESTEPS, String.format(Locale.ROOT,
                    "result[%d] = %s is not an integer timestep", i, xs[i]));
            }
            out[i] = (int) xs[i];
        }
        return out;
    }

    @Override
    public DdimSteps ddimStep(double[] betas, int[] t, int[] tPrev, double[] xt, double[] eps, double eta, double[] noise) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("t", Wire.array(t));
        a.set("t_prev", Wire.array(tPrev));
        a.set("xt", Wire.array(xt));
        a.set("eps", Wire.array(eps));
        a.set("eta", Wire.number(eta));
        a.set("noise", Wire.array(noise));
        JsonNode r = channel.call(Op.DDIM_STEP.wireName(), a, -1);
        String what = "the last request (" + Op.DDIM_STEP.wireName() + ")";
        if (!r.isObject()) {
            throw channel.fail(AdapterFault.Kind.WRONG_TYPE, what + ": expected {mean, std, x_prev}, got "
                + AdapterChannel.abbreviate(r.toString()));
        }
        for (String f : new String[] {"mean", "std", "x_prev"}) {
            channel.checkArray(r.get(f), f, what, t.length);
        }
        return DdimSteps.of(doubles(r.get("mean")), doubles(r.get("std")), doubles(r.get("x_prev")));
    }

    @Override
    public double[] sigmaSchedule(NoiseLevels.Kind kind, int n, double sigmaMin, double sigmaMax, double rho) {
        ObjectNode a = Wire.object();
        a.put("kind", kind.label());
        a.put("n", n);
        a.set("sigma_min", Wire.number(sigmaMin));
        a.set("sigma_max", Wire.number(sigmaMax));
        a.set("rho", Wire.number(rho));
        String what = "the last request (" + Op.SIGMA_SCHEDULE.wireName() + ")";
        return numbers(channel.call(Op.SIGMA_SCHEDULE.wireName(), a, -1), "result", what);
    }

    @Override
    public double[][] d3pmQMat(DiscreteDiffusion.Family kind, double[] betas, int states, int t) {
        ObjectNode a = d3pmArgs(kind, betas, states);
        a.put("t", t);
        return rows(Op.D3PM_Q_MAT, a, states, states);
    }

    @Override
    public double[][] d3pmQProbs(DiscreteDiffusion.Family kind, double[] betas, int states, int[] x0, int[] t) {
        ObjectNode a = d3pmArgs(kind, betas, states);
        a.set("x0", Wire.array(x0));
        a.set("t", Wire.array(t));
        return rows(Op.D3PM_Q_PROBS, a, x0.length, states);
    }

    @Override
    public double[][] d3pmQPosterior(DiscreteDiffusion.Family kind, double[] betas, int states, int[] x0, int[] xt, int[] t) {
        ObjectNode a = d3pmArgs(kind, betas, states);
        a.set("x0", Wire.array(x0));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        return rows(Op.D3PM_Q_POSTERIOR, a, x0.length, states);
    }

    private static ObjectNode d3pmArgs(DiscreteDiffusion.Family kind, double[] betas, int states) {
        ObjectNode a = Wire.object();
        a.put("kind", Op.d3pmKind(kind));
        a.set("betas", Wire.array(betas));
        a.put("K", states);
        return a;
    }

    private double[][] rows(Op op, ObjectNode args, int count, int width) {
        String what = "the last request (" + op.wireName() + ")";
        JsonNode r = channel.call(op.wireName(), args, -1);
        if (!r.isArray() || r.size() != count) {
            throw channel.fail(r.isArray() ? AdapterFault.Kind.WRONG_LENGTH : AdapterFault.Kind.WRONG_TYPE, String.format(Locale.ROOT,
                "answer to %s: expected %d rows of %d numbers, got %s", what, count, width, AdapterChannel.abbreviate(r.toString())));
        }
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            channel.checkArray(r.get(i), "result[" + i + "]", what, width);
            out[i] = doubles(r.get(i));
        }
        return out;
    }

    /** An array of numbers of any length (the length is checked by the properties). */
    private double[] numbers(JsonNode a, String field, String what) {
        channel.checkArray(a, field, what, a != null && a.isArray() ? a.size() : 0);
        return doubles(a);
    }

    /** Closes the adapter's stdin, gives it a moment to exit, then destroys it forcibly. */
    @Override
    public void close() {
        channel.close();
    }
}
