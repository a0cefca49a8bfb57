package org.probity.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probity.check.RunConfig;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.internal.Parser;
import org.probity.spec.internal.Semantics;
import org.probity.spec.internal.SourceFiles;

/**
 * A parsed and meaning-checked {@code .prob} file (SPEC-LANGUAGE.md). Immutable.
 *
 * <pre>{@code
 * Spec spec = Spec.parse(Path.of("specs/ddpm-vlb.prob"));
 * SpecResult result = spec.check(Spec.options(42));
 * System.out.print(result.render());
 * }</pre>
 */
public final class Spec {
    /** Model instances per claim or step unless configured otherwise. */
    public static final int DEFAULT_TRIES = 200;
    /** The time one try (one model instance, one claim or step) may take unless configured otherwise. */
    public static final Duration DEFAULT_TRY_BUDGET = Duration.ofSeconds(10);

    private final String fileName;
    private final String source;
    private final List<Statement> statements;
    private final Map<String, Expr> lets;
    private final Parser.Parsed parsed;

    private final java.util.Set<Expr> vectors;

    private Spec(String fileName, String source, Parser.Parsed parsed, Semantics.Result meaning) {
        this.fileName = fileName;
        this.source = source;
        this.parsed = parsed;
        this.statements = parsed.statements();
        this.lets = Map.copyOf(meaning.lets());
        this.vectors = meaning.vectors();
    }

    /**
     * Reads and parses a file; the file name in messages is {@code path} as given.
     *
     * @throws SpecSyntaxException if the file cannot be read ({@code file:1:1: expected a readable file, found ...})
     *     or parsed, or means nothing
     */
    public static Spec parse(Path path) {
        Objects.requireNonNull(path, "path");
        String text = SourceFiles.read(path);
        return parse(text, path.toString());
    }

    /**
     * Parses source text.
     *
     * @param source the text of a {@code .prob} file
     * @param fileName the name used in messages
     * @throws SpecSyntaxException at the first syntax or meaning error
     */
    public static Spec parse(String source, String fileName) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileName, "fileName");
        Parser.Parsed parsed = Parser.parse(source, fileName);
        return new Spec(fileName, source, parsed, Semantics.analyse(parsed, fileName));
    }

    /**
     * A spec made by another reader (the Markdown/LaTeX reader of {@code org.probity.spec.latex}):
     * statements built directly, each carrying the line (and text) of its source document. The
     * meaning is checked as for a parsed file; a meaning error carries no column (0).
     *
     * @param fileName the document's name, used in messages
     * @param source the document's text
     * @param statements the statements in order (a {@code model} before the first claim or derivation)
     * @throws SpecSyntaxException at the first meaningless construct
     */
    public static Spec of(String fileName, String source, List<Statement> statements) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(source, "source");
        Parser.Parsed parsed = new Parser.Parsed(List.copyOf(statements), Map.of());
        return new Spec(fileName, source, parsed, Semantics.analyse(parsed, fileName));
    }

    /** The {@code .prob} notation of an expression (what SPEC-LANGUAGE.md's grammar reads back to the same tree). */
    public static String notation(Expr e) {
        return org.probity.spec.internal.Printer.print(Objects.requireNonNull(e, "e"));
    }

    /**
     * Checks every claim, every derivation step (each consecutive pair) and every derivation's whole
     * chain on generated model instances of each family of the model statement before it, shrinking a
     * failure to the smallest instance.
     *
     * @param options seed, instances per check, shard ({@link #options(long)})
     * @return the structured result; {@link SpecResult#render()} is the report
     */
    public SpecResult check(RunConfig options) {
        return check(options, DEFAULT_TRY_BUDGET);
    }

    /**
     * {@link #check(RunConfig)} with a time budget per try: the evaluation of one claim or step on
     * one model instance that takes longer stops, and the item is reported NOT CHECKED naming the
     * budget (its remaining tries are not evaluated).
     *
     * @param options seed, instances per check, shard ({@link #options(long)})
     * @param tryBudget the time one try may take, {@code > 0}
     * @return the structured result
     * @throws IllegalArgumentException if {@code tryBudget} is not positive
     */
    public SpecResult check(RunConfig options, Duration tryBudget) {
        Objects.requireNonNull(options, "options");
        if (tryBudget == null || tryBudget.isNegative() || tryBudget.isZero()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "tryBudget: expected a duration > 0, got %s", tryBudget));
        }
        return SpecChecker.check(this, options, tryBudget);
    }

    /**
     * The run options of a spec check with seed {@code seed}: {@link #DEFAULT_TRIES} model instances
     * per claim or step, the whole run, the engine's budgets ({@link RunConfig#ofSeed}).
     *
     * @param seed the seed that determines every generated model instance
     * @return the options; {@code withX} methods adjust them
     */
    public static RunConfig options(long seed) {
        return RunConfig.ofSeed(seed).withTries(DEFAULT_TRIES);
    }

    /** The file name used in messages. */
    public String fileName() {
        return fileName;
    }

    /** The statements in file order. */
    public List<Statement> statements() {
        return statements;
    }

    /** The {@code let} definitions by name. */
    public Map<String, Expr> lets() {
        return lets;
    }

    /** The source text. */
    public String source() {
        return source;
    }

    Parser.Parsed parsed() {
        return parsed;
    }

    /** Whether a claim side or derivation expression is a vector or a matrix (compared per component). */
    boolean isVector(Expr e) {
        return vectors.contains(e);
    }
}
