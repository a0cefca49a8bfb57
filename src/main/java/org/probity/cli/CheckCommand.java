package org.probity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.probity.report.CheckRecord;
import org.probity.report.ReportFiles;
import org.probity.report.RunReport;
import org.probity.report.SpecCheck;
import org.probity.spec.Spec;
import org.probity.check.RunConfig;
import org.probity.check.Shard;
import org.probity.spec.SpecResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;

/** {@code probity check FILE.prob...}: the spec checker's report for each file (SPEC-LANGUAGE.md). */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks every claim and every derivation step of .prob files on generated model instances, "
                + "and names the first false one with a shrunk counterexample (SPEC-LANGUAGE.md).",
                "Exit code 0 when nothing fails, 1 when something fails (or, with --strict, when something could "
                        + "not be checked), 2 for a file that cannot be read or parsed "
                        + "(file:line:column: expected ..., found ...)."})
final class CheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE.prob", arity = "1..*", description = "The spec files.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", converter = Converters.Seed.class,
            description = "Seed of every generated model instance (default ${DEFAULT-VALUE}).")
    private long seed = RunConfig.DEFAULT_SEED;

    @Option(names = "--tries", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "Model instances per claim or step (default ${DEFAULT-VALUE}).")
    private int tries = Spec.DEFAULT_TRIES;

    @Option(names = "--shard", paramLabel = "i/n", converter = Converters.ShardConverter.class,
            description = "Run only shard i of n (1 <= i <= n).")
    private Shard shard = Shard.WHOLE;

    @Option(names = "--try-budget", paramLabel = "SECONDS", converter = Converters.PositiveInt.class,
            description = "Seconds one model instance may take per claim or step; past it the item is NOT CHECKED "
                    + "(default ${DEFAULT-VALUE}).")
    private int tryBudget = (int) Spec.DEFAULT_TRY_BUDGET.toSeconds();

    @Option(names = "--strict", description = "Exit 1 when a claim or step could not be checked (NOT CHECKED), "
            + "as when one fails.")
    private boolean strict;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write summary.json, summary.md and junit.xml to DIR.")
    private Path reportDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Spec> specs = SpecFiles.parse(files);
        if (reportDir != null) {
            TextFiles.prepareDirectory("the reports", reportDir);
        }
        RunConfig options = Spec.options(seed).withTries(tries).withShard(shard);
        long start = System.nanoTime();
        List<CheckRecord> records = new ArrayList<>();
        int exit = ExitCodes.HOLDS;
        for (Spec s : specs) {
            SpecResult r = s.check(options, java.time.Duration.ofSeconds(tryBudget));
            out.println(r.render());
            out.println();
            out.flush();
            exit = Math.max(exit, r.exitCode(strict));
            records.addAll(SpecCheck.records(r, Path.of(s.fileName())));
        }
        if (reportDir != null) {
            RunReport report = new RunReport("check", ProbityCli.version(), seed, tries, shard,
                    records, List.of(), Duration.ofNanos(System.nanoTime() - start));
            try {
                List<String> written = ReportFiles.write(report, List.of(), reportDir);
                out.printf(Locale.ROOT, "reports: %s (%s)%n", reportDir, String.join(", ", written));
            } catch (IOException e) {
                throw TextFiles.cannotWrite("the reports", reportDir, e);
            }
        }
        out.flush();
        return exit;
    }
}
