package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.probity.spec.Spec;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;
import org.probity.spec.latex.Place;

/**
 * The assumptions of a document in force (DERIVATIONS.md): stated in an option comment
 * ({@code assume LHS == RHS}, the {@code .prob} form) or as the rows of a display after "assume" /
 * "we assume that" / "假设"; each restricts the instances of the steps after it, up to the next
 * model option, which clears them. Each assumption, used or not, leaves a note in the plan.
 */
final class Assumptions {
    private static final Pattern ASSUMED_WORDS = Pattern.compile("(?i)(assume|assuming|we assume that|assume that|"
        + "suppose|suppose that|假设|设)[\\s:：,，]*$");

    private final String file;
    private final ReadingContext ctx;
    private final RowTranslator translator;
    private final List<Object> parts;
    private final List<Statement.Assume> inForce = new ArrayList<>();

    /** Assumptions whose notes go to {@code parts}. */
    Assumptions(String file, ReadingContext ctx, RowTranslator translator, List<Object> parts) {
        this.file = file;
        this.ctx = ctx;
        this.translator = translator;
        this.parts = parts;
    }

    /** Whether the prose before a fragment introduces it as an assumption. */
    static boolean introducedBy(String proseBefore) {
        return ASSUMED_WORDS.matcher(proseBefore.replace("⟨math⟩", "").strip()).find();
    }

    /** The assumptions in force now. */
    List<Statement.Assume> inForce() {
        return List.copyOf(inForce);
    }

    /** A model option ends the assumptions. */
    void clear() {
        inForce.clear();
    }

    /**
     * An option comment {@code assume [for t = a..b,] LHS == RHS}, read as in a .prob file with the
     * networks declared so far (on a {@code markov stationary} model when it uses {@code pi(x)}).
     *
     * @throws SpecSyntaxException at the comment when it is not such an assumption
     */
    void option(Fragment f) {
        String text = f.math().text().replace(";", " ").strip();
        // read on a model where its functions have a meaning: pi(x) needs a stationary markov model
        boolean stationary = java.util.regex.Pattern.compile("\\bpi\\s*\\(").matcher(text).find();
        StringBuilder prob = new StringBuilder(stationary ? "model markov stationary\n" : "model gaussian\n");
        ctx.networks.values().forEach(n -> prob.append("network ").append(n.name()).append('(')
            .append(String.join(", ", n.parameters())).append(")\n"));
        prob.append(f.math().text().strip()).append('\n');
        Statement.Assume a;
        try {
            a = Spec.parse(prob.toString(), file).statements().stream().filter(st -> st instanceof Statement.Assume)
                .map(st -> (Statement.Assume) st).findFirst().orElseThrow();
        } catch (SpecSyntaxException e) {
            throw new SpecSyntaxException(file, f.line(), f.column(), "an assumption as in a .prob file ('assume "
                + "[for t = a..b,] LHS == RHS')", e.found() + " in '" + text + "'");
        }
        inForce.add(new Statement.Assume(a.index(), a.from(), a.to(), a.lhs(), a.relation(), a.rhs(), a.over(),
            f.line(), text));
        parts.add(new Plan.Note(true, new Place(0, 0, f.line(), f.column(), text), "assumed: " + text
            + " (restricts the instances of the steps after it)", List.of()));
    }

    /** The rows of a display after "assume" / "we assume that" / "假设": one assumption per relation. */
    void rows(Fragment f, int display, List<Rows.Row> rows, String text) {
        for (Rows.Row row : rows) {
            if (row.relations().isEmpty()) {
                continue;
            }
            Place place = RowTranslator.place(f, display, row, text);
            String latex = place.latex();
            List<VarItem> vars = Distributions.mentioned(row.lhs(), text, ctx);
            Object left = translator.translate(f, row.lhs(), text, vars);
            for (int k = 0; k < row.relations().size(); k++) {
                String sym = row.relations().get(k).symbol();
                Object right = translator.translate(f, row.rhs().get(k), text, vars);
                String rel = Relations.CLAIMS.get(sym);
                if (rel == null || !(left instanceof Expr l) || !(right instanceof Expr r)) {
                    parts.add(new Plan.Note(false, place, "an assumption that cannot be used: " + (rel == null
                        ? "the relation " + sym + " states no identity" : !(left instanceof Expr) ? left : right)
                        + " (the steps after it are checked without it)", List.of()));
                    left = right;
                    continue;
                }
                List<VarItem> over = List.of();
                Relation relation = Relation.of(rel);
                if (rel.equals("propto")) {
                    relation = Relation.PROPTO;
                    over = l instanceof Expr.Density d ? d.targets() : List.of();
                }
                Object[] range = translator.range(row);
                inForce.add(new Statement.Assume(range == null ? null : (String) range[0], range == null ? null
                    : (Expr) range[1], range == null ? null : (Expr) range[2], l, relation, r, over, place.line(), latex));
                parts.add(new Plan.Note(true, place, "assumed: " + Spec.notation(l) + " " + rel + " " + Spec.notation(r)
                    + (range == null ? "" : " for " + range[0] + " = " + Spec.notation((Expr) range[1]) + ".."
                    + Spec.notation((Expr) range[2])) + " (restricts the instances of the steps after it, up to the next "
                    + "model option)", List.copyOf(ctx.readings())));
                left = right;
            }
        }
    }
}
