package org.probity.cli;

import org.probity.check.RunConfig;
import org.probity.check.Shard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.probity.conformance.AdapterFault;
import org.probity.conformance.ConformanceChecker;
import org.probity.conformance.ConformanceReport;
import org.probity.conformance.ReportFormat;
import org.probity.conformance.Finding;
import org.probity.conformance.Op;
import org.probity.conformance.OpResult;
import org.probity.conformance.PropertyRun;
import org.probity.conformance.ReplayRefused;
import org.probity.conformance.SubprocessImplementation;
import org.probity.math.Counts;
import org.probity.report.CheckRecord;
import org.probity.report.ReportFiles;
import org.probity.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code probity check-impl [--seed N] [--tries N] [--replay TOKEN] [--report DIR] [--timeout-ms N] -- COMMAND ARGS…}:
 * starts an adapter (no shell), checks every op it lists (PROTOCOL.md) and prints a table per op and
 * the shrunk failing input of each finding. Exit 0 when every checked property holds, 1 when one
 * fails, 2 when the adapter or the options are broken (one message with the adapter's stderr tail,
 * no stack trace).
 *
 * <p>A standalone picocli command with a no-arg constructor: register it as a subcommand of the
 * {@code probity} command, or run it alone through {@link #run(PrintWriter, PrintWriter, String...)}.
 */
@Command(name = "check-impl",
        mixinStandardHelpOptions = true,
        description = "Checks a foreign implementation through the JSON-lines adapter protocol (docs/contracts/PROTOCOL.md): "
                + "properties of the implementation alone and agreement with Probity's reference.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every checked property holds", "1:a property fails (the shrunk input is printed)",
                "2:the adapter or the options are broken"})
public final class CheckImplCommand implements Callable<Integer> {
    static final int HOLDS = ExitCodes.HOLDS;
    static final int FAILS = ExitCodes.FAILS;
    static final int BROKEN = ExitCodes.BAD_INPUT;
    static final int INTERNAL_ERROR = ExitCodes.INTERNAL_ERROR;
    /** The per-op detail of a check-impl run (largest ulps, err/tol per property), schema in docs/adapters.md. */
    static final String DETAIL = "conformance.json";
    /** The same as Markdown tables. */
    static final String DETAIL_MD = "conformance.md";
    /** The most cases per property: each is a batch of up to 24 inputs, and a property's cases are held at once. */
    static final int MAX_TRIES = 10_000;
    /** The most shrink candidates per finding (each one request). */
    static final int MAX_SHRINK = 10_000;
    /** The longest per-request timeout: an hour. */
    static final int MAX_TIMEOUT_MS = 3_600_000;
    private static final String MSG_REPLAY_UNKNOWN = "option '--replay': the token '%s' names none of the properties "
        + "checked for '%s' (a token replays the property and input of the finding that printed it)";
    private static final String MSG_REPLAY_BAD = "option '--replay': for '%s', the token '%s' %s (expected the token "
        + "exactly as the finding printed it)";
    private static final String MSG_NOTHING = "nothing to check: the adapter '%s' lists no op that this Probity checks "
        + "(listed: %s; known: %s) [command: %s]";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", converter = Converters.Seed.class,
            description = "Seed of the generated cases, decimal or 0x-hexadecimal (default: the engine's fixed seed, so the same implementation gets the same verdict).")
    private long seed = RunConfig.DEFAULT_SEED;

    @Option(names = "--tries", paramLabel = "N", converter = Converters.Tries.class,
            description = "Cases per property, each a batch of up to 24 inputs, 1 to " + MAX_TRIES + " (default: ${DEFAULT-VALUE}).")
    private int tries = ConformanceChecker.DEFAULT_TRIES;

    @Option(names = "--max-shrink", paramLabel = "N", converter = Converters.ShrinkSteps.class,
            description = "Shrink candidates per finding, each one request, 1 to " + MAX_SHRINK + " (default: ${DEFAULT-VALUE}).")
    private int maxShrink = ConformanceChecker.DEFAULT_SHRINK_STEPS;

    @Option(names = "--replay", paramLabel = "TOKEN", converter = Converters.ReplayToken.class,
            description = "Rerun exactly one recorded input: the token a finding prints (only the property it names runs).")
    private String replay;

    @Option(names = "--timeout-ms", paramLabel = "N", converter = Converters.TimeoutMillis.class,
            description = "Per-request timeout in milliseconds, 1 to " + MAX_TIMEOUT_MS + " (default: ${DEFAULT-VALUE}).")
    private int timeoutMs = 10_000;

    @Option(names = "--report", paramLabel = "DIR", description = "Write summary.json and summary.md into DIR.")
    private Path report;

    @Option(names = "--list-ops", description = "Print every op of the protocol with its arguments, result and what is checked, then exit.")
    private boolean listOps;

    @Option(names = "--json", description = "With --list-ops: print the list as JSON.")
    private boolean json;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "The adapter command and its arguments, after --.")
    private List<String> command;

    /**
     * Runs {@code check-impl} alone (for tests and embedding): the same as {@code probity check-impl
     * ARGS}, with the same messages and exit codes.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check-impl";
        System.arraycopy(args, 0, all, 1, args.length);
        return ProbityCli.run(out, err, all);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int execute(PrintWriter out, PrintWriter err) {
        if (listOps) {
            out.print(json ? OpCatalog.json() : OpCatalog.text());
            return HOLDS;
        }
        if (json) {
            throw new ParameterException(spec.commandLine(), "option '--json': expected only with --list-ops");
        }
        if (command == null || command.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                "missing the adapter command: expected COMMAND ARGS... after '--' (or '--list-ops')");
        }
        if (report != null) {
            TextFiles.prepareDirectory("the reports", report);
        }
        RunConfig options = ConformanceChecker.options(seed).withTries(tries).withMaxShrinkSteps(maxShrink).withReplay(replay);
        ConformanceReport r;
        try (SubprocessImplementation impl = SubprocessImplementation.start(command, Duration.ofMillis(timeoutMs))) {
            r = ConformanceChecker.check(impl, options);
        } catch (ReplayRefused e) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, MSG_REPLAY_BAD, e.property(),
                    Converters.ReplayToken.shown(e.token()), e.problem()));
        } catch (AdapterFault f) {
            // one line naming the fault, then the adapter's stderr tail (the adapter's own words)
            err.println(spec.qualifiedName() + ": " + f.report());
            return BROKEN;
        }
        if (r.isReplay() && r.ops().stream().noneMatch(OpResult::checked)) {
            throw new ParameterException(spec.commandLine(),
                    String.format(Locale.ROOT, MSG_REPLAY_UNKNOWN, replay, r.implementation().name()));
        }
        if (r.ops().stream().noneMatch(OpResult::checked)) {
            List<String> listed = new ArrayList<>();
            r.implementation().ops().forEach(o -> listed.add(o.wireName()));
            listed.addAll(r.implementation().unknownOps());
            throw new BadInputException(String.format(Locale.ROOT, MSG_NOTHING, r.implementation().name(), listed,
                    java.util.Arrays.stream(Op.values()).map(Op::wireName).toList(), SubprocessImplementation.commandLine(command)));
        }
        out.print(ReportFormat.text(r));
        if (report != null) {
            try {
                ReportFiles.write(runReport(r), List.of(), report);
                Files.writeString(report.resolve(DETAIL), ReportFormat.json(r), StandardCharsets.UTF_8);
                Files.writeString(report.resolve(DETAIL_MD), ReportFormat.markdown(r), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw TextFiles.cannotWrite("the reports", report, e);
            }
        }
        return r.passed() ? HOLDS : FAILS;
    }

    /**
     * The run as the shared reports render it (summary.json, summary.md, junit.xml): one check record
     * per property, family = the op, kind {@code conformance}.
     */
    RunReport runReport(ConformanceReport r) {
        List<CheckRecord> records = new ArrayList<>();
        String adapter = " -- " + String.join(" ", command);
        String rerun = "probity check-impl --seed " + r.seed() + " --tries " + r.tries() + adapter;
        for (OpResult o : r.ops()) {
            for (PropertyRun p : o.runs()) {
                Finding f = p.firstFinding().orElse(null);
                String replay = f == null || f.replayToken().isEmpty() ? rerun : "probity check-impl --replay " + f.replayToken() + adapter;
                records.add(new CheckRecord(o.op().wireName() + ": " + p.property(), o.op().wireName(), "conformance",
                    p.property() + (p.selfConsistency() ? " (implementation alone)" : " (against Probity's reference)"),
                    p.passed(), (int) Math.min(Integer.MAX_VALUE, p.points()), f == null ? p.maxDifference() : f.difference(),
                    f == null ? "" : f.tolerance(), r.seed(), f == null ? "" : "counterexample: " + f.input() + "\n" + f.detail(),
                    replay, Duration.ZERO));
                // values the declared precision cannot resolve: a NOT CHECKED record beside the property's
                // verdict (a JUnit viewer shows it skipped with the reason), never folded into a pass
                p.notCheckable().ifPresent(nc -> records.add(new CheckRecord(
                    o.op().wireName() + ": " + p.property() + " — not checkable at " + r.implementation().precision().wireName(),
                    o.op().wireName(), "conformance", p.property() + " on the inputs the declared precision cannot resolve",
                    CheckRecord.Outcome.NOT_CHECKED, (int) Math.min(Integer.MAX_VALUE, nc.count()), Double.NaN, "", r.seed(), "",
                    String.format(Locale.ROOT, "%d of %s not checkable at %s, e.g. %s on %s: %s", nc.count(),
                        Counts.of(nc.compared(), "value"),
                        r.implementation().precision().wireName(), nc.quantity(), nc.input(), nc.reason()),
                    "probity check-impl --replay " + nc.replayToken() + adapter, Duration.ZERO)));
            }
        }
        return new RunReport("check-impl", ProbityCli.version(), r.seed(), r.tries(), Shard.WHOLE, records, List.of(), r.elapsed());
    }

    /** For running check-impl alone: {@code java -cp probity.jar org.probity.cli.CheckImplCommand -- python3 adapter.py}. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }
}
