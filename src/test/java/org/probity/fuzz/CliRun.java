package org.probity.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.probity.cli.ProbityCli;

/**
 * One run of the {@code probity} command in this JVM, on a thread of its own so that a run past its
 * budget is seen (and abandoned: it is a finding) instead of stalling the fuzzer.
 *
 * @param args     the command line
 * @param exitCode the exit code, or -1 when the run did not end within its budget
 * @param out      what it printed on standard output
 * @param err      what it printed on standard error
 * @param elapsed  how long it took (the budget when it did not end)
 */
record CliRun(List<String> args, int exitCode, String out, String err, Duration elapsed) {
    /** The exit code of a run that did not end within its budget. */
    static final int OVER_BUDGET = -1;

    /**
     * Stops a run past its budget: it is a finding already, and left running it would take a core from
     * every later run. Thread.stop is the only way to end a computation that does not poll for
     * interruption; this is test code, and the run's objects are not used again.
     */
    @SuppressWarnings({"removal", "deprecation"})
    private static void abandon(Thread t) {
        t.interrupt();
        try {
            t.join(1000);
            if (t.isAlive()) {
                t.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // Java 20 and later: the thread is a daemon and keeps running until the JVM exits
        }
    }

    static CliRun of(List<String> args, Duration budget) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FutureTask<Integer> task = new FutureTask<>(() ->
                ProbityCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new)));
        Thread t = new Thread(task, "probity-fuzz-run");
        t.setDaemon(true);
        long start = System.nanoTime();
        t.start();
        int code;
        try {
            code = task.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(t);
            code = OVER_BUDGET;
        } catch (ExecutionException e) {
            // an exception that escaped the command line's own handlers: print it as a JVM would
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            err.write("Exception in thread \"main\" " + trace);
            code = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new CliRun(List.copyOf(args), code, out.toString(), err.toString(),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
