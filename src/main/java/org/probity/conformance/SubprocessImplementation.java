package org.probity.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
            throw channel.fail(AdapterFault.Kind.MISSING_FIELD, "describe: expected an object {name, ops, precision}, got "
                + AdapterChannel.abbreviate(r.toString()));
        }
        String name = r.hasNonNull("name") && !r.get("name").asText().isBlank() ? r.get("name").asText() : String.join(" ", channel.command());
        JsonNode ops = r.get("ops");
        if (ops == null || !ops.isArray()) {
            throw channel.fail(AdapterFault.Kind.MISSING_FIELD, "describe: expected \"ops\" to be an array of op names, got "
                + (ops == null ? "nothing" : AdapterChannel.abbreviate(ops.toString())));
        }
        Set<Op> set = EnumSet.noneOf(Op.class);
        List<String> unknown = new ArrayList<>();
        for (JsonNode o : ops) {
            Op.fromWireName(o.asText()).ifPresentOrElse(set::add, () -> unknown.add(o.asText()));
        }
        if (!unknown.isEmpty()) {
            throw channel.fail(AdapterFault.Kind.MISSING_FIELD, "describe lists ops the protocol does not have: " + unknown
                + " (known: " + java.util.Arrays.stream(Op.values()).map(Op::wireName).toList() + ")");
        }
        String prec = r.hasNonNull("precision") ? r.get("precision").asText() : "float64";
        Precision precision = Precision.fromWireName(prec).orElseThrow(() -> channel.fail(AdapterFault.Kind.MISSING_FIELD,
            "describe: precision must be \"float64\" or \"float32\", got \"" + prec + "\""));
        return Description.of(name, set, precision);
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
            throw channel.fail(AdapterFault.Kind.MISSING_FIELD, what + ": expected {mean, variance, log_variance}, got "
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

    /** Closes the adapter's stdin, gives it a moment to exit, then destroys it forcibly. */
    @Override
    public void close() {
        channel.close();
    }
}
