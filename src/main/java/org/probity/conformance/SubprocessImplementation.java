package org.probity.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.probity.conformance.internal.StderrTail;
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
    private static final int STDERR_LINES = 20;
    private static final long SETTLE_MILLIS = 500;
    private static final Object EOF = new Object();

    private final List<String> command;
    private final long timeoutMillis;
    private final Process process;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<Object> stdout = new LinkedBlockingQueue<>();
    private final StderrTail stderr;
    private final ExecutorService writer;
    private final Description description;
    private long nextId;
    private AdapterFault fault;
    private long requests;
    private long nanosInRequests;

    private SubprocessImplementation(List<String> command, long timeoutMillis) {
        this.command = List.copyOf(command);
        this.timeoutMillis = timeoutMillis;
        try {
            this.process = new ProcessBuilder(this.command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException | RuntimeException e) {
            throw new AdapterFault(AdapterFault.Kind.START_FAILED,
                "cannot start " + this.command + ": " + e.getMessage(), List.of());
        }
        this.stdin = process.getOutputStream();
        this.stderr = StderrTail.start(process.getErrorStream(), STDERR_LINES, "probity-adapter-stderr");
        Thread reader = new Thread(this::readStdout, "probity-adapter-stdout");
        reader.setDaemon(true);
        reader.start();
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "probity-adapter-stdin");
            t.setDaemon(true);
            return t;
        });
        try {
            this.description = parseDescription(call("describe", Wire.object(), -1));
        } catch (RuntimeException e) {
            close();
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
        return requests;
    }

    /** Total wall time spent in requests (write to parsed answer), in nanoseconds. */
    public long nanosInRequests() {
        return nanosInRequests;
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                stdout.add(line);
            }
        } catch (IOException ignored) {
            // closed when the process is destroyed
        } finally {
            stdout.add(EOF);
        }
    }

    /**
     * Sends one request and returns its {@code result}.
     *
     * @param expectedLength the length the result array must have, or -1 for "not an array"
     */
    private JsonNode call(String op, ObjectNode args, int expectedLength) {
        if (fault != null) {
            throw fault;
        }
        long id = nextId++;
        ObjectNode req = Wire.object();
        req.put("id", id);
        req.put("op", op);
        req.set("args", args);
        byte[] bytes = (Wire.line(req) + "\n").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String what = String.format(Locale.ROOT, "request id %d (%s)", id, op);
        Future<?> w = writer.submit(() -> {
            stdin.write(bytes);
            stdin.flush();
            return null;
        });
        try {
            w.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw fail(AdapterFault.Kind.HANG, String.format(Locale.ROOT,
                "the adapter did not read %s within %d ms (per-request timeout)", what, timeoutMillis));
        } catch (ExecutionException e) {
            throw crashed(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(AdapterFault.Kind.HANG, "interrupted while writing " + what);
        }
        Object got;
        try {
            got = stdout.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(AdapterFault.Kind.HANG, "interrupted while waiting for " + what);
        }
        if (got == null) {
            throw fail(AdapterFault.Kind.HANG, String.format(Locale.ROOT,
                "no answer to %s within %d ms (per-request timeout)", what, timeoutMillis));
        }
        if (got == EOF) {
            throw crashed(what);
        }
        JsonNode result = parseResponse((String) got, id, op, what, expectedLength);
        requests++;
        nanosInRequests += System.nanoTime() - start;
        return result;
    }

    private JsonNode parseResponse(String line, long id, String op, String what, int expectedLength) {
        JsonNode resp;
        try {
            resp = Wire.parse(line);
        } catch (JsonProcessingException e) {
            String shown = abbreviate(line);
            boolean looksJson = line.stripLeading().startsWith("{") || line.stripLeading().startsWith("[");
            throw fail(looksJson ? AdapterFault.Kind.MALFORMED_JSON : AdapterFault.Kind.NOT_JSON, looksJson
                ? String.format(Locale.ROOT, "malformed JSON in the answer to %s: %s (%s)", what, shown,
                    e.getOriginalMessage())
                : String.format(Locale.ROOT, "stdout line that is not a JSON response while waiting for %s: %s"
                    + " (logs belong on stderr)", what, shown));
        }
        if (resp == null || !resp.isObject()) {
            throw fail(AdapterFault.Kind.NOT_JSON, String.format(Locale.ROOT,
                "expected a JSON object answering %s, got: %s", what, abbreviate(line)));
        }
        JsonNode gotId = resp.get("id");
        if (gotId == null || !gotId.canConvertToLong()) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, String.format(Locale.ROOT,
                "answer to %s has no integer \"id\": %s", what, abbreviate(line)));
        }
        if (gotId.asLong() != id) {
            throw fail(AdapterFault.Kind.WRONG_ID, String.format(Locale.ROOT,
                "answer to %s carries id %s", what, gotId.asText()));
        }
        if (resp.has("error")) {
            Op o = Op.fromWireName(op).orElse(null);
            String text = resp.get("error").isTextual() ? resp.get("error").textValue() : resp.get("error").toString();
            if (o == null) {
                throw fail(AdapterFault.Kind.MISSING_FIELD, "the adapter answered describe with an error: " + text);
            }
            throw new OpError(o, text);
        }
        JsonNode result = resp.get("result");
        if (result == null) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, String.format(Locale.ROOT,
                "answer to %s has neither \"result\" nor \"error\": %s", what, abbreviate(line)));
        }
        if (expectedLength >= 0) {
            checkArray(result, "result", what, expectedLength);
        }
        return result;
    }

    private void checkArray(JsonNode a, String field, String what, int n) {
        if (a == null) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, String.format(Locale.ROOT,
                "answer to %s has no field \"%s\"", what, field));
        }
        if (!a.isArray()) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, String.format(Locale.ROOT,
                "answer to %s: \"%s\" should be an array of %d numbers, got %s", what, field, n, abbreviate(a.toString())));
        }
        if (a.size() != n) {
            throw fail(AdapterFault.Kind.WRONG_LENGTH, String.format(Locale.ROOT,
                "answer to %s: \"%s\" has %d values, expected %d", what, field, a.size(), n));
        }
        for (int i = 0; i < n; i++) {
            if (Wire.toDouble(a.get(i)) == null) {
                throw fail(AdapterFault.Kind.MALFORMED_JSON, String.format(Locale.ROOT,
                    "answer to %s: \"%s\"[%d] is %s, not a number or \"NaN\"/\"Infinity\"/\"-Infinity\"",
                    what, field, i, abbreviate(a.get(i).toString())));
            }
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] xs = new double[a.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Wire.toDouble(a.get(i));
        }
        return xs;
    }

    private AdapterFault crashed(String what) {
        Integer code = null;
        try {
            if (process.waitFor(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
                code = process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fail(AdapterFault.Kind.CRASH, code == null
            ? "the adapter closed its stdout before answering " + what
            : String.format(Locale.ROOT, "the adapter exited with code %d before answering %s", code, what));
    }

    private AdapterFault fail(AdapterFault.Kind kind, String message) {
        // Read the tail before destroying: destroying closes the pipes, which would cut the drain short.
        boolean exited = !process.isAlive();
        List<String> tail = stderr.lines(exited || kind == AdapterFault.Kind.CRASH ? SETTLE_MILLIS : 100);
        process.destroyForcibly();
        fault = new AdapterFault(kind, message + " [command: " + String.join(" ", command) + "]", tail);
        close();
        return fault;
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }

    private Description parseDescription(JsonNode r) {
        if (!r.isObject()) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, "describe: expected an object {name, ops, precision}, got "
                + abbreviate(r.toString()));
        }
        String name = r.hasNonNull("name") && !r.get("name").asText().isBlank() ? r.get("name").asText() : String.join(" ", command);
        JsonNode ops = r.get("ops");
        if (ops == null || !ops.isArray()) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, "describe: expected \"ops\" to be an array of op names, got "
                + (ops == null ? "nothing" : abbreviate(ops.toString())));
        }
        Set<Op> set = EnumSet.noneOf(Op.class);
        List<String> unknown = new ArrayList<>();
        for (JsonNode o : ops) {
            Op.fromWireName(o.asText()).ifPresentOrElse(set::add, () -> unknown.add(o.asText()));
        }
        if (!unknown.isEmpty()) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, "describe lists ops the protocol does not have: " + unknown
                + " (known: " + java.util.Arrays.stream(Op.values()).map(Op::wireName).toList() + ")");
        }
        String prec = r.hasNonNull("precision") ? r.get("precision").asText() : "float64";
        Precision precision = Precision.fromWireName(prec).orElseThrow(() -> fail(AdapterFault.Kind.MISSING_FIELD,
            "describe: precision must be \"float64\" or \"float32\", got \"" + prec + "\""));
        return Description.of(name, set, precision);
    }

    // ---- ops ----

    @Override
    public double[] alphasCumprod(double[] betas) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        return doubles(call(Op.ALPHAS_CUMPROD.wireName(), a, betas.length));
    }

    @Override
    public MeanVariance qMeanVariance(double[] betas, double[] x0, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("t", Wire.array(t));
        return meanVariance(call(Op.Q_MEAN_VARIANCE.wireName(), a, -1), Op.Q_MEAN_VARIANCE, x0.length);
    }

    @Override
    public MeanVariance qPosteriorMeanVariance(double[] betas, double[] x0, double[] xt, int[] t) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        a.set("xt", Wire.array(xt));
        a.set("t", Wire.array(t));
        return meanVariance(call(Op.Q_POSTERIOR_MEAN_VARIANCE.wireName(), a, -1), Op.Q_POSTERIOR_MEAN_VARIANCE, x0.length);
    }

    private MeanVariance meanVariance(JsonNode r, Op op, int n) {
        String what = "the last request (" + op.wireName() + ")";
        if (!r.isObject()) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, what + ": expected {mean, variance, log_variance}, got "
                + abbreviate(r.toString()));
        }
        for (String f : new String[] {"mean", "variance", "log_variance"}) {
            checkArray(r.get(f), f, what, n);
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
        return doubles(call(Op.PREDICT_X0_FROM_EPS.wireName(), a, xt.length));
    }

    @Override
    public double[] normalKl(double[] mean1, double[] logvar1, double[] mean2, double[] logvar2) {
        ObjectNode a = Wire.object();
        a.set("mean1", Wire.array(mean1));
        a.set("logvar1", Wire.array(logvar1));
        a.set("mean2", Wire.array(mean2));
        a.set("logvar2", Wire.array(logvar2));
        return doubles(call(Op.NORMAL_KL.wireName(), a, mean1.length));
    }

    @Override
    public double[] discretizedGaussianLogLikelihood(double[] x, double[] mean, double[] logScale) {
        ObjectNode a = Wire.object();
        a.set("x", Wire.array(x));
        a.set("mean", Wire.array(mean));
        a.set("log_scale", Wire.array(logScale));
        return doubles(call(Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD.wireName(), a, x.length));
    }

    @Override
    public double[] priorKl(double[] betas, double[] x0) {
        ObjectNode a = Wire.object();
        a.set("betas", Wire.array(betas));
        a.set("x0", Wire.array(x0));
        return doubles(call(Op.PRIOR_KL.wireName(), a, x0.length));
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
        return doubles(call(Op.VB_TERM.wireName(), a, x0.length));
    }

    @Override
    public double[] categoricalKl(double[][] p, double[][] q) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        a.set("q", Wire.matrix(q));
        return doubles(call(Op.CATEGORICAL_KL.wireName(), a, p.length));
    }

    @Override
    public double[] categoricalEntropy(double[][] p) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        return doubles(call(Op.CATEGORICAL_ENTROPY.wireName(), a, p.length));
    }

    @Override
    public double[] categoricalCrossEntropy(double[][] p, double[][] q) {
        ObjectNode a = Wire.object();
        a.set("p", Wire.matrix(p));
        a.set("q", Wire.matrix(q));
        return doubles(call(Op.CATEGORICAL_CROSS_ENTROPY.wireName(), a, p.length));
    }

    /** Closes the adapter's stdin, gives it a moment to exit, then destroys it forcibly. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            process.waitFor(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        if (writer != null) {
            writer.shutdownNow();
        }
    }
}
