package org.probity.conformance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.probity.conformance.AdapterFault;
import org.probity.conformance.Op;
import org.probity.conformance.OpError;

/**
 * The transport of the adapter protocol: an adapter process started without a shell, one JSON line
 * per request and per answer, a per-request timeout on both the write and the answer, stdout read and
 * stderr drained on their own threads. Every protocol violation becomes an {@link AdapterFault} with
 * the stderr tail; after a fault the process is destroyed and every further call repeats the fault.
 *
 * <p>The adapter never outlives Probity, nor does anything it started ({@link ProcessTree}): the
 * whole tree is killed on {@link #close()}, on every fault and, through a shutdown hook, when the JVM
 * exits another way (an interrupt, {@code System.exit}). An adapter that exits while a request waits
 * is a {@link AdapterFault.Kind#CRASH} at once, even when a process it forked still holds its stdout
 * open (which would otherwise look like a hang until the timeout).
 *
 * <p>Answers must be JSON (RFC 8259): the bare tokens {@code NaN}, {@code Infinity} and
 * {@code -Infinity} that some JSON writers emit (Python's {@code json.dumps} by default) are
 * refused with a {@link AdapterFault.Kind#MALFORMED_JSON} fault that says how to write them, since
 * PROTOCOL.md writes non-finite numbers as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}. Not thread-safe.
 */
public final class AdapterChannel implements AutoCloseable {
    private static final int STDERR_LINES = 20;
    /**
     * How long a crash waits, after the adapter closed its stdout, for its exit status: long enough for
     * a Python process to finish exiting on a loaded 2-core machine (500 ms was not, at load 30, and
     * the report then lacked the exit code); spent only on that path.
     */
    private static final long SETTLE_MILLIS = 3000;
    private static final Object EOF = new Object();
    /** Put on the stdout queue when the adapter process exits (its stdout may stay open in a child). */
    private static final Object EXITED = new Object();
    private static final String MSG_BARE_NONFINITE = "the answer to %s is not JSON: it holds a bare NaN or Infinity "
        + "token; docs/contracts/PROTOCOL.md writes non-finite numbers as the strings \"NaN\", \"Infinity\", \"-Infinity\" (in "
        + "Python, json.dumps(..., allow_nan=False) finds them): %s";

    private final List<String> command;
    private final long timeoutMillis;
    private final ProcessTree tree;
    private final Process process;
    private final Thread shutdownHook;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<Object> stdout = new LinkedBlockingQueue<>();
    private final StderrTail stderr;
    private final ExecutorService writer;
    private long nextId;
    private AdapterFault fault;
    private long requests;
    private long nanosInRequests;

    /**
     * Starts {@code command} (no shell).
     *
     * @throws AdapterFault of kind START_FAILED when it cannot be started
     */
    public AdapterChannel(List<String> command, long timeoutMillis) {
        this.command = List.copyOf(command);
        this.timeoutMillis = timeoutMillis;
        try {
            this.tree = ProcessTree.start(new ProcessBuilder(this.command).redirectInput(ProcessBuilder.Redirect.PIPE));
        } catch (IOException | RuntimeException e) {
            throw new AdapterFault(AdapterFault.Kind.START_FAILED,
                "could not start the adapter command " + this.command + ": " + startFailure(this.command, e), List.of());
        }
        this.process = tree.process();
        this.shutdownHook = new Thread(tree::destroy, "probity-adapter-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        process.onExit().thenRun(() -> stdout.add(EXITED));
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
    }

    /** The command, as started. */
    public List<String> command() {
        return command;
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
    public JsonNode call(String op, ObjectNode args, int expectedLength) {
        if (fault != null) {
            throw fault;
        }
        tree.remember();
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
        Object got = awaitLine(what, deadline);
        JsonNode result = parseResponse((String) got, id, op, what, expectedLength);
        tree.remember();
        requests++;
        nanosInRequests += System.nanoTime() - start;
        return result;
    }

    /**
     * The next stdout line; a crash when stdout ends or the adapter exits without one (lines it wrote
     * before exiting are still read: they get {@link #SETTLE_MILLIS} to arrive), a hang at the deadline.
     */
    private Object awaitLine(String what, long deadline) {
        boolean exited = false;
        long slice = TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (true) {
            long left = deadline - System.nanoTime();
            Object got;
            try {
                // look at the adapter's children now and then: a child forked during a long request is remembered
                got = stdout.poll(Math.max(0, Math.min(left, slice)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(AdapterFault.Kind.HANG, "interrupted while waiting for " + what);
            }
            if (got == EOF || got == null && exited) {
                throw crashed(what);
            }
            if (got == EXITED) {
                exited = true;
                deadline = Math.min(deadline, System.nanoTime() + slice);
            } else if (got != null) {
                return got;
            } else if (deadline - System.nanoTime() <= 0) {
                throw fail(AdapterFault.Kind.HANG, String.format(Locale.ROOT,
                    "no answer to %s within %d ms (per-request timeout)", what, timeoutMillis));
            } else {
                tree.remember();
            }
        }
    }

    private JsonNode parseResponse(String line, long id, String op, String what, int expectedLength) {
        JsonNode resp;
        try {
            resp = Wire.parse(line);
        } catch (JsonProcessingException e) {
            String shown = abbreviate(line);
            if (Wire.parsesWithNonFiniteTokens(line)) {
                throw fail(AdapterFault.Kind.MALFORMED_JSON, String.format(Locale.ROOT, MSG_BARE_NONFINITE, what, shown));
            }
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
        if (gotId == null) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, String.format(Locale.ROOT,
                "answer to %s has no \"id\": %s", what, abbreviate(line)));
        }
        if (!gotId.isIntegralNumber() || !gotId.canConvertToLong()) {
            throw fail(AdapterFault.Kind.WRONG_TYPE, String.format(Locale.ROOT,
                "answer to %s: \"id\" should be an integer, got %s", what, abbreviate(gotId.toString())));
        }
        if (gotId.asLong() != id) {
            throw fail(AdapterFault.Kind.WRONG_ID, String.format(Locale.ROOT,
                "answer to %s carries id %s", what, gotId.asText()));
        }
        if (resp.has("error")) {
            Op o = Op.fromWireName(op).orElse(null);
            String text = resp.get("error").isTextual() ? resp.get("error").textValue() : resp.get("error").toString();
            if (o == null) {
                throw fail(AdapterFault.Kind.BAD_DESCRIPTION, "the adapter answered describe with an error: " + abbreviate(text));
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

    /** Checks that {@code a} is an array of {@code n} numbers (or the non-finite strings). */
    public void checkArray(JsonNode a, String field, String what, int n) {
        if (a == null) {
            throw fail(AdapterFault.Kind.MISSING_FIELD, String.format(Locale.ROOT,
                "answer to %s has no field \"%s\"", what, field));
        }
        if (!a.isArray()) {
            throw fail(AdapterFault.Kind.WRONG_TYPE, String.format(Locale.ROOT,
                "answer to %s: \"%s\" should be an array of %d numbers, got %s", what, field, n, abbreviate(a.toString())));
        }
        if (a.size() != n) {
            throw fail(AdapterFault.Kind.WRONG_LENGTH, String.format(Locale.ROOT,
                "answer to %s: \"%s\" has %d values, expected %d", what, field, a.size(), n));
        }
        for (int i = 0; i < n; i++) {
            if (Wire.toDouble(a.get(i)) == null) {
                throw fail(AdapterFault.Kind.WRONG_TYPE, String.format(Locale.ROOT,
                    "answer to %s: \"%s\"[%d] is %s, not a number or \"NaN\"/\"Infinity\"/\"-Infinity\"",
                    what, field, i, abbreviate(a.get(i).toString())));
            }
        }
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
            : String.format(Locale.ROOT, "the adapter exited with %s before answering %s", exitStatus(code), what));
    }

    /** "code 3", or "signal 9 (SIGKILL)" for the shell convention 128 + n that the JDK reports for a signal. */
    private static String exitStatus(int code) {
        if (code > 128 && code < 128 + 32) {
            int sig = code - 128;
            String[] names = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
                "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"};
            return String.format(Locale.ROOT, "code %d (killed by signal %d%s)", code, sig,
                sig < names.length ? ", " + names[sig] : "");
        }
        return "code " + code;
    }

    /** Records a fault with the stderr tail, destroys the process, and returns the fault to throw. */
    public AdapterFault fail(AdapterFault.Kind kind, String message) {
        // Read the tail before destroying: destroying closes the pipes, which would cut the drain short.
        boolean exited = !process.isAlive();
        tree.remember();
        List<String> tail = stderr.lines(exited || kind == AdapterFault.Kind.CRASH ? SETTLE_MILLIS : 100);
        tree.destroy();
        fault = new AdapterFault(kind, message + " [command: " + oneLine(command) + "]", tail);
        close();
        return fault;
    }

    /**
     * A command as one line: its arguments joined by spaces, line breaks inside an argument (a
     * {@code python3 -c} script) written {@code \\n}, so that a message naming it stays one line.
     */
    public static String oneLine(List<String> command) {
        return String.join(" ", command).replace("\r", "\\r").replace("\n", "\\n");
    }

    /** One line of at most 200 characters. */
    public static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }

    /**
     * Closes the adapter's stdin, gives it a moment to exit, then kills it and every process it
     * started ({@link ProcessTree#destroy()}). Idempotent.
     */
    @Override
    public void close() {
        tree.remember();
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
        tree.destroy();
        writer.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway, and destroy() is idempotent
        }
    }

    /** Why a command could not be started, in words ("no such file", "permission denied"). */
    /**
     * Why {@code command} could not be started, in words: not found (on PATH, for a bare name), a directory, or
     * not executable, with the system's own reason in brackets.
     */
    private static String startFailure(List<String> command, Exception e) {
        String m = String.valueOf(e.getMessage());
        // ProcessBuilder: Cannot run program "x": error=2, No such file or directory
        int i = m.indexOf("error=");
        if (i < 0 || m.indexOf(',', i) < 0) {
            return m;
        }
        String why = m.substring(m.indexOf(',', i) + 1).strip();
        why = why.isEmpty() ? m : Character.toLowerCase(why.charAt(0)) + why.substring(1);
        String program = command.isEmpty() ? "" : command.get(0);
        String code = m.substring(i + "error=".length(), m.indexOf(',', i)).strip();
        boolean bareName = !program.contains("/") && !program.contains(java.io.File.separator);
        if (code.equals("2")) {
            return (bareName ? "'" + program + "' is not found on PATH" : program + " is not found") + " (" + why + ")";
        }
        if (code.equals("13")) {
            return (java.nio.file.Files.isDirectory(java.nio.file.Path.of(program)) ? program + " is a directory, not a program"
                : program + " is not executable") + " (" + why + ")";
        }
        return why;
    }
}
