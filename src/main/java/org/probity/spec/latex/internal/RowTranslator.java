package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.VarItem;
import org.probity.spec.latex.Place;

/**
 * Translates the token runs of a fragment's rows into spec expressions with the document's
 * {@link ReadingContext}, and places them in the source: a row's {@link Place}, its index range,
 * and malformed LaTeX as {@code file:line:column: expected ..., found ... in "snippet"}. It keeps
 * the variables of the last display that mentioned any (bare distribution arguments refer to them).
 */
final class RowTranslator {
    private final String file;
    private final ReadingContext ctx;
    private List<VarItem> previousVariables = List.of();

    RowTranslator(String file, ReadingContext ctx) {
        this.file = file;
        this.ctx = ctx;
    }

    /** Where a row stands: display number, row number, line and column of its start, its LaTeX. */
    static Place place(Fragment f, int display, Rows.Row row, String text) {
        int[] lc = f.math().at(row.offset());
        String latex = text.substring(row.offset(), Math.min(text.length(), row.endOffset())).strip();
        return new Place(display, row.number(), lc[0], lc[1], latex);
    }

    /** The variables a fragment mentioned become the previous display's, unless it mentioned none. */
    void mentioned(List<VarItem> vars) {
        if (!vars.isEmpty()) {
            previousVariables = List.copyOf(new LinkedHashSet<>(vars));
        }
    }

    /**
     * The expression the tokens spell, or the reason it cannot be read.
     *
     * @throws SpecSyntaxException for malformed LaTeX, at its line and column
     */
    Object translate(Fragment f, List<LatexToken> toks, String text, List<VarItem> relationVars) {
        List<LatexToken> all = new ArrayList<>(toks);
        int end = toks.isEmpty() ? 0 : toks.get(toks.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        ctx.readings.clear();
        ctx.relationVariables = relationVars;
        ctx.previousVariables = previousVariables;
        try {
            Expr e = LatexParser.parse(all, text, ctx);
            return e;
        } catch (LatexProblem p) {
            if (p.kind() == LatexProblem.Kind.SYNTAX) {
                throw syntax(f, p);
            }
            return p.getMessage();
        }
    }

    /** The index range written after a row, translated: index, first and last value; else null. */
    Object[] range(Rows.Row row) {
        if (row.range() == null) {
            return null;
        }
        try {
            Expr from = LatexParser.translate(row.range().from(), ctx);
            Expr to = LatexParser.translate(row.range().to(), ctx);
            return new Object[] {row.range().index(), from, to};
        } catch (LatexProblem p) {
            return null;   // not an index range after all: the row is read without one
        }
    }

    /** A LaTeX problem in the fragment as a syntax error at its source position, with the text around it. */
    SpecSyntaxException syntax(Fragment f, LatexProblem p) {
        int[] lc = f.math().at(p.offset());
        String expected = p.getMessage();
        if (p.opening() >= 0) {
            int[] open = f.math().at(p.opening());
            expected += " at " + open[0] + ":" + open[1];
        }
        String text = f.math().text();
        int from = Math.max(0, p.offset() - 30);
        if (p.opening() >= 0 && p.offset() - p.opening() <= 80) {
            from = Math.min(from, p.opening());   // the fragment shows what was left open
        }
        int to = Math.min(text.length(), p.offset() + 30);
        String snippet = text.substring(from, to).replaceAll("\\s+", " ").strip();
        return new SpecSyntaxException(file, lc[0], lc[1], expected, p.found() + " in \"" + snippet + "\"");
    }
}
