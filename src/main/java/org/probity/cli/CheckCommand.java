package org.probity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.probity.math.Counts;
import org.probity.report.CheckRecord;
import org.probity.report.DerivationHtml;
import org.probity.report.DocumentCheck;
import org.probity.report.ReportFiles;
import org.probity.report.RunReport;
import org.probity.report.SpecCheck;
import org.probity.spec.Spec;
import org.probity.check.RunConfig;
import org.probity.check.Shard;
import org.probity.spec.SpecResult;
import org.probity.spec.latex.DerivationDocument;
import org.probity.spec.latex.DocumentResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code probity check FILE...}: the spec checker's report for each {@code .prob} file
 * (SPEC-LANGUAGE.md) and each Markdown or LaTeX derivation (DERIVATIONS.md), chosen by extension.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks every claim and every derivation step of .prob files, and of derivations written in "
                + "Markdown (.md) or LaTeX (.tex), on generated model instances, and names each false one with a "
                + "shrunk counterexample (docs/contracts/SPEC-LANGUAGE.md, docs/contracts/DERIVATIONS.md). '-' reads standard input (give --format).",
                "Exit code 0 when nothing fails, 1 when something fails (or, with --strict, when something could "
                        + "not be checked), 2 for a file that cannot be read or parsed "
                        + "(file:line:column: expected ..., found ...)."})
final class CheckCommand implements Callable<Integer> {
    private static final String PASS = "PASS: ";
    static final String STRICT_FAIL = "FAIL (--strict): ";
    @picocli.CommandLine.Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Spec files (.prob) or derivations (.md, .markdown, .tex, .latex); '-' for standard input.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "md|tex|prob", converter = Converters.InputFormat.class,
            description = "The format of standard input ('-') and, when given, of every FILE; otherwise "
                + "files are read by their extension (.prob, .md, .markdown, .tex, .latex; any other is refused).")
    private String format;

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

    @Option(names = "--report", paramLabel = "DIR", description = "Also write summary.json, summary.md and junit.xml to DIR, and for Markdown/LaTeX derivations "
                    + "derivation.html (the displays rendered with MathJax, a verdict beside every step).")
    private Path reportDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Object> inputs = SpecFiles.parseAny(files, format, System.in);
        if (reportDir != null) {
            TextFiles.prepareDirectory("the reports", reportDir);
        }
        RunConfig options = Spec.options(seed).withTries(tries).withShard(shard);
        long start = System.nanoTime();
        List<CheckRecord> records = new ArrayList<>();
        int exit = ExitCodes.HOLDS;
        List<DocumentResult> documents = new ArrayList<>();
        java.time.Duration budget = java.time.Duration.ofSeconds(tryBudget);
        for (Object input : inputs) {
            if (input instanceof Spec s) {
                SpecResult r = s.check(options, budget);
                out.println(strictVerdict(r.render(), r.exitCode(strict) > r.exitCode(), r.notChecked()));
                exit = Math.max(exit, r.exitCode(strict));
                if (r.exitCode(strict) > r.exitCode()) {
                    strictFailure(s.fileName(), r.notChecked(), "");
                }
                records.addAll(SpecCheck.records(r, Path.of(s.fileName())));
            } else {
                DerivationDocument d = (DerivationDocument) input;
                DocumentResult r = d.check(options, budget);
                documents.add(r);
                out.println(strictVerdict(r.render(), r.exitCode(strict) > r.exitCode(), r.notChecked()));
                exit = Math.max(exit, r.exitCode(strict));
                if (r.exitCode(strict) > r.exitCode()) {
                    org.probity.spec.latex.Place first = r.firstNotChecked();
                    strictFailure(d.fileName(), r.notChecked(), first == null ? ""
                        : " (the first at " + first.line() + ":" + first.column() + ")");
                }
                if (r.passed() && !r.checkedSomething()) {
                    org.probity.spec.latex.Place first = r.firstNotChecked();
                    String at = first == null ? "" : ":" + first.line() + ":" + first.column();
                    spec.commandLine().getErr().printf(Locale.ROOT, "probity check: %s%s: expected at least one relation "
                        + "that can be checked, found only rows NOT CHECKED (a check of nothing cannot pass)%n",
                        d.fileName(), at);
                    spec.commandLine().getErr().flush();
                }
                records.addAll(DocumentCheck.records(r, Path.of(d.fileName())));
            }
            out.println();
            out.flush();
        }
        if (reportDir != null) {
            RunReport report = new RunReport("check", ProbityCli.version(), seed, tries, shard,
                    records, List.of(), Duration.ofNanos(System.nanoTime() - start));
            try {
                List<String> written = new ArrayList<>(ReportFiles.write(report, List.of(), reportDir));
                if (!documents.isEmpty()) {
                    written.addAll(DerivationHtml.write(documents, reportDir));
                }
                out.printf(Locale.ROOT, "reports: %s (%s)%n", reportDir, String.join(", ", written));
            } catch (IOException e) {
                throw TextFiles.cannotWrite("the reports", reportDir, e);
            }
        }
        out.flush();
        return exit;
    }

    /**
     * The report with its last {@code PASS:} verdict line turned into {@code FAIL (--strict): ...} when
     * --strict fails a run that only has NOT CHECKED items, so that the verdict printed agrees with the exit code.
     */
    static String strictVerdict(String rendered, boolean strictFailure, long notChecked) {
        if (!strictFailure) {
            return rendered;
        }
        int at = rendered.lastIndexOf(PASS);
        if (at < 0 || (at > 0 && rendered.charAt(at - 1) != '\n')) {
            throw new IllegalStateException("a report without a PASS verdict line failed only under --strict");
        }
        int end = rendered.indexOf('\n', at);
        String rest = rendered.substring(at + PASS.length(), end < 0 ? rendered.length() : end).strip();
        return rendered.substring(0, at) + STRICT_FAIL + rest + "; " + countsAsFailure(notChecked)
            + (end < 0 ? "" : rendered.substring(end));
    }

    static String countsAsFailure(long notChecked) {
        return notChecked + " NOT CHECKED " + Counts.noun(notChecked, "item counts as a failure", "items count as failures");
    }

    /** With --strict, says why a run whose report reads PASS exits 1: its NOT CHECKED items count as failures. */
    private void strictFailure(String file, long notChecked, String first) {
        spec.commandLine().getErr().printf(Locale.ROOT, "probity check: %s: --strict: %s%s%n", file,
            countsAsFailure(notChecked), first);
        spec.commandLine().getErr().flush();
    }
}
