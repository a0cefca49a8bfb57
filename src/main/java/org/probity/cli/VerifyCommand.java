package org.probity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.check.Shard;
import org.probity.identities.Catalog;
import org.probity.identities.Identity;
import org.probity.report.CheckRecord;
import org.probity.report.DocumentCheck;
import org.probity.report.IdentityCheck;
import org.probity.report.ReportFiles;
import org.probity.report.RunReport;
import org.probity.report.ScheduleProfile;
import org.probity.report.SpecCheck;
import org.probity.spec.Spec;
import org.probity.spec.latex.DerivationDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code probity verify}: the identity catalog and every spec in {@code specs/}, with reports. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks every identity of the catalog and every spec in specs/ on generated instances, "
                + "prints a summary table and writes reports (summary.json, summary.md, junit.xml, charts).",
                "Exit code 0 when nothing fails, 1 when something fails (or, with --strict, when something could "
                        + "not be checked), 2 for bad input."})
final class VerifyCommand implements Callable<Integer> {
    /** The default seed: the engine's fixed default, so that CI runs are reproducible. */
    static final long DEFAULT_SEED = RunConfig.DEFAULT_SEED;
    /** The default number of tries per identity. */
    static final int DEFAULT_TRIES = 200;

    private static final String MSG_UNKNOWN = "unknown identity '%s' for option '--only' (expected an identity or "
            + "spec file name; 'probity verify --list' lists them)";
    private static final String MSG_SPECS = "option '--specs': expected a directory of .prob files, got '%s' (%s)";
    private static final Path DEFAULT_SPECS = Path.of("specs");
    private static final String MSG_REPLAY_BAD = "option '--replay': for '%s', the token '%s' %s (give the token and "
            + "the --only NAME exactly as the failure printed them)";
    private static final String MSG_REPLAY = "option '--replay' needs exactly one identity in '--only', got %d";

    @picocli.CommandLine.Spec
    private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", converter = Converters.Seed.class,
            description = "Seed of every generated instance (default ${DEFAULT-VALUE}, fixed for reproducible CI runs).")
    private long seed = DEFAULT_SEED;

    @Option(names = "--tries", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "Generated instances per identity (default ${DEFAULT-VALUE}).")
    private int tries = DEFAULT_TRIES;

    @Option(names = "--only", paramLabel = "NAME", arity = "1..*",
            description = "Check only these identities or spec files (names as 'probity verify --list' prints them).")
    private List<String> only = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "i/n", converter = Converters.ShardConverter.class,
            description = "Run only shard i of n (1 <= i <= n): n jobs together cover exactly one whole run.")
    private Shard shard = Shard.WHOLE;

    @Option(names = "--report", paramLabel = "DIR", description = "Where to write the reports (default ${DEFAULT-VALUE}).")
    private Path reportDir = Path.of("reports");

    @Option(names = "--specs", paramLabel = "DIR",
            description = "Where the .prob specs are (default: specs, when it exists). A DIR that does not exist or is "
                    + "not a directory is an error, so that a typo cannot drop the specs from the gate.")
    private Path specsDir;

    @Option(names = "--replay", paramLabel = "TOKEN", converter = Converters.ReplayToken.class,
            description = "Replay one recorded failing input (the token a failure prints); needs one --only NAME.")
    private String replay;

    @Option(names = "--jobs", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "Worker threads (default: the number of processors).")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--try-budget", paramLabel = "SECONDS", converter = Converters.PositiveInt.class,
            description = "Seconds one model instance may take per spec claim or step; past it the item is NOT "
                    + "CHECKED (default ${DEFAULT-VALUE}).")
    private int tryBudget = (int) Spec.DEFAULT_TRY_BUDGET.toSeconds();

    @Option(names = "--strict", description = "Exit 1 when a check could not be checked (NOT CHECKED), as when one "
            + "fails.")
    private boolean strict;

    @Option(names = "--list", description = "List the identities and spec files, then exit.")
    private boolean list;

    private final Supplier<List<Identity>> catalog;

    VerifyCommand() {
        this(Catalog::all);
    }

    VerifyCommand(Supplier<List<Identity>> catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Identity> identities = catalog.get();
        Path specsRoot = specsDir == null ? DEFAULT_SPECS : specsDir;
        if (specsDir != null && !Files.isDirectory(specsDir)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, MSG_SPECS, specsDir,
                    Files.exists(specsDir) ? "not a directory" : "no such directory"));
        }
        List<Path> specFiles = SpecFiles.list(specsRoot);
        if (list) {
            for (Identity id : identities) {
                out.printf(Locale.ROOT, "%-70s %s%n", id.name(), id.family());
            }
            for (Path f : specFiles) {
                out.printf(Locale.ROOT, "%-70s %s%n", f.getFileName(), "spec");
            }
            out.flush();
            return ExitCodes.HOLDS;
        }
        Set<String> unknown = new LinkedHashSet<>(only);
        List<Identity> selected = select(identities, unknown);
        List<Path> selectedSpecs = only.isEmpty() ? specFiles : SpecFiles.select(specFiles, unknown);
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    String.format(Locale.ROOT, MSG_UNKNOWN, unknown.iterator().next()));
        }
        List<Object> specs = SpecFiles.parseAny(selectedSpecs, null, null);
        if (replay != null && !(only.size() == 1 && selected.size() == 1)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, MSG_REPLAY, only.size()));
        }
        if (replay != null) {
            String problem = selected.get(0).property().replayProblem(replay).orElse(null);
            if (problem != null) {
                throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, MSG_REPLAY_BAD,
                        selected.get(0).name(), Converters.ReplayToken.shown(replay), problem));
            }
        }
        TextFiles.prepareDirectory("the reports", reportDir);
        if (specFiles.isEmpty()) {
            out.printf(Locale.ROOT, "note: no .prob, .md or .tex files in '%s' (run from the repository root, or give --specs DIR)%n",
                    specsRoot);
        }
        RunConfig cfg = RunConfig.ofSeed(seed).withTries(tries).withShard(shard);
        List<Verification.Task> tasks = new ArrayList<>();
        for (Identity id : selected) {
            RunConfig c = cfg.withReplay(replay);
            tasks.add(new Verification.Task(id.name(), () -> {
                PropertyResult r = id.property().check(c);
                return List.of(IdentityCheck.record(id, c, r));
            }));
        }
        for (Object input : specs) {
            if (input instanceof Spec sp) {
                tasks.add(new Verification.Task(sp.fileName(), () -> SpecCheck.records(
                        sp.check(cfg, java.time.Duration.ofSeconds(tryBudget)), Path.of(sp.fileName())), sp.source().length()));
            } else {
                DerivationDocument d = (DerivationDocument) input;
                tasks.add(new Verification.Task(d.fileName(), () -> DocumentCheck.records(
                        d.check(cfg, java.time.Duration.ofSeconds(tryBudget)), Path.of(d.fileName())), d.source().length()));
            }
        }
        long start = System.nanoTime();
        Progress progress = Progress.forOutput(out, System.console() != null, tasks.size());
        List<CheckRecord> records = Verification.run(tasks, jobs, progress);
        progress.done();
        List<ScheduleProfile> schedules = StandardSchedules.profiles();
        RunReport report = new RunReport("verify", ProbityCli.version(), seed, tries, shard,
                records, schedules.stream().map(ScheduleProfile::summary).toList(),
                Duration.ofNanos(System.nanoTime() - start));
        Summary.print(out, report);
        List<String> files;
        try {
            files = ReportFiles.write(report, schedules.stream().map(ScheduleProfile::curve).toList(), reportDir);
        } catch (IOException e) {
            throw TextFiles.cannotWrite("the reports", reportDir, e);
        }
        out.printf(Locale.ROOT, "reports: %s (%s)%n", reportDir, String.join(", ", files));
        Summary.verdictLine(out, report, strict);
        out.flush();
        return report.passed() && !(strict && !report.notChecked().isEmpty()) ? ExitCodes.HOLDS : ExitCodes.FAILS;
    }

    /** The identities named in --only (all without it); found names are removed from {@code unknown}. */
    private List<Identity> select(List<Identity> identities, Set<String> unknown) {
        if (only.isEmpty()) {
            return identities;
        }
        List<Identity> out = new ArrayList<>();
        for (Identity id : identities) {
            if (only.contains(id.name())) {
                unknown.remove(id.name());
                out.add(id);
            }
        }
        return out;
    }
}
