package org.probity.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.NoiseLevels;
import org.probity.diffusion.Prediction;
import org.probity.diffusion.TimestepSpacing;
import org.probity.conformance.internal.AdapterChannel;
import org.probity.conformance.internal.DescribeAnswer;
import org.probity.conformance.internal.OpAnswers;
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
 *
 * <p>This class encodes each op's arguments as PROTOCOL.md names them; the process and the
 * transport are {@code internal.AdapterChannel}'s, the describe answer is decoded by
 * {@code internal.DescribeAnswer} and every op's result by {@code internal.OpAnswers}.
 */
public final class SubprocessImplementation implements Implementation, AutoCloseable {
    private final AdapterChannel channel;
    private final Description description;
    private final OpAnswers answers;

    private SubprocessImplementation(List<String> command, long timeoutMillis) {
        this.channel = new AdapterChannel(command, timeoutMillis);
        try {
            this.description = DescribeAnswer.parse(channel.call("describe", Wire.object(), -1), channel);
            this.answers = new OpAnswers(channel);
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

    /**
     * @param command an adapter command
     * @return the command as one line (arguments joined by spaces, line breaks written {@code \\n}), as
     *     fault messages name it
     */
    public static String commandLine(List<String> command) {
        return AdapterChannel.oneLine(command);
    }

    /** The number of requests answered so far (describe included). */
    public long requests() {
        return channel.requests();
    }

    /** Total wall time spent in requests (write to parsed answer), in nanoseconds. */
    public long nanosInRequests() {
        return channel.nanosInRequests();
    }

    // ---- ops ----

    @Override
    public double[] alphasCumprod(double[] betas) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        return answers.numbers(Op.ALPHAS_CUMPROD, a, betas.length);
    }

    @Override
    public MeanVariance qMeanVariance(double[] betas, double[] x0, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("t", Wire.array(t));
        return answers.meanVariance(Op.Q_MEAN_VARIANCE, a, x0.length);
    }

    @Override
    public MeanVariance qPosteriorMeanVariance(double[] betas, double[] x0, double[] xt, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        return answers.meanVariance(Op.Q_POSTERIOR_MEAN_VARIANCE, a, x0.length);
    }

    @Override
    public double[] predictX0FromEps(double[] betas, double[] xt, int[] t, double[] eps) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        a.set("eps", Wire.array(eps));
        return answers.numbers(Op.PREDICT_X0_FROM_EPS, a, xt.length);
    }

    @Override
    public double[] normalKl(double[] mean1, double[] logvar1, double[] mean2, double[] logvar2) {
        ObjectNode a = Wire.object();
        a.set("mean1", Wire.array(mean1));
        a.set("logvar1", Wire.array(logvar1));
        a.set("mean2", Wire.array(mean2));
        a.set("logvar2", Wire.array(logvar2));
        return answers.numbers(Op.NORMAL_KL, a, mean1.length);
    }

    @Override
    public double[] discretizedGaussianLogLikelihood(double[] x, double[] mean, double[] logScale) {
        ObjectNode a = Wire.object();
        a.set("x", Wire.array(x));
        a.set("mean", Wire.array(mean));
        a.set("log_scale", Wire.array(logScale));
        return answers.numbers(Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD, a, x.length);
    }

    @Override
    public double[] priorKl(double[] betas, double[] x0) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        return answers.numbers(Op.PRIOR_KL, a, x0.length);
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
        return answers.numbers(Op.VB_TERM, a, x0.length);
    }

    @Override
    public double[] categoricalKl(double[][] p, double[][] q) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        a.set("q", Wire.matrix(q));
        return answers.numbers(Op.CATEGORICAL_KL, a, p.length);
    }

    @Override
    public double[] categoricalEntropy(double[][] p) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        return answers.numbers(Op.CATEGORICAL_ENTROPY, a, p.length);
    }

    @Override
    public double[] categoricalCrossEntropy(double[][] p, double[][] q) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        a.set("q", Wire.matrix(q));
        return answers.numbers(Op.CATEGORICAL_CROSS_ENTROPY, a, p.length);
    }

    // ---- version 2 ----

    @Override
    public ScheduleTable betaSchedule(String name, int steps) {
        ObjectNode a = Wire.object();
        a.put("name", name);
        a.put("T", steps);
        return answers.scheduleTable(a);
    }

    @Override
    public double[] snr(double[] betas, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("t", Wire.array(t));
        return answers.numbers(Op.SNR, a, t.length);
    }

    @Override
    public double[] getVelocity(double[] betas, double[] x0, double[] eps, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("eps", Wire.array(eps));
        a.set("t", Wire.array(t));
        return answers.numbers(Op.GET_VELOCITY, a, x0.length);
    }

    @Override
    public double[] predictX0FromV(double[] betas, double[] xt, int[] t, double[] v) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        a.set("v", Wire.array(v));
        return answers.numbers(Op.PREDICT_X0_FROM_V, a, xt.length);
    }

    @Override
    public double[] lossWeight(double[] betas, int[] t, Prediction predictionType, double gamma) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("t", Wire.array(t));
        a.put("prediction_type", predictionType.label());
        a.set("gamma", Wire.number(gamma));
        return answers.numbers(Op.LOSS_WEIGHT, a, t.length);
    }

    @Override
    public int[] inferenceTimesteps(int steps, int n, TimestepSpacing spacing) {
        ObjectNode a = Wire.object();
        a.put("T", steps);
        a.put("n", n);
        a.put("spacing", spacing.label());
        return answers.timesteps(a);
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
        return answers.ddimSteps(a, t.length);
    }

    @Override
    public double[] sigmaSchedule(NoiseLevels.Kind kind, int n, double sigmaMin, double sigmaMax, double rho) {
        ObjectNode a = Wire.object();
        a.put("kind", kind.label());
        a.put("n", n);
        a.set("sigma_min", Wire.number(sigmaMin));
        a.set("sigma_max", Wire.number(sigmaMax));
        a.set("rho", Wire.number(rho));
        return answers.anyLength(Op.SIGMA_SCHEDULE, a);
    }

    @Override
    public double[][] d3pmQMat(DiscreteDiffusion.Family kind, double[] betas, int states, int t) {
        ObjectNode a = d3pmArgs(kind, betas, states);
        a.put("t", t);
        return answers.rows(Op.D3PM_Q_MAT, a, states, states);
    }

    @Override
    public double[][] d3pmQProbs(DiscreteDiffusion.Family kind, double[] betas, int states, int[] x0, int[] t) {
        ObjectNode a = d3pmArgs(kind, betas, states);
        a.set("x0", Wire.array(x0));
        a.set("t", Wire.array(t));
        return answers.rows(Op.D3PM_Q_PROBS, a, x0.length, states);
    }

    @Override
    public double[][] d3pmQPosterior(DiscreteDiffusion.Family kind, double[] betas, int states, int[] x0, int[] xt, int[] t) {
        ObjectNode a = d3pmArgs(kind, betas, states);
        a.set("x0", Wire.array(x0));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        return answers.rows(Op.D3PM_Q_POSTERIOR, a, x0.length, states);
    }

    private static ObjectNode d3pmArgs(DiscreteDiffusion.Family kind, double[] betas, int states) {
        ObjectNode a = Wire.object();
        a.put("kind", Op.d3pmKind(kind));
        a.set("betas", Wire.array(betas));
        a.put("K", states);
        return a;
    }

    /** Closes the adapter's stdin, gives it a moment to exit, then destroys it forcibly. */
    @Override
    public void close() {
        channel.close();
    }
}
