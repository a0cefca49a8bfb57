package org.probity.spec.internal;

import java.util.List;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;

/**
 * Prints a statement back in source notation (SPEC-LANGUAGE.md), one logical line; derivation steps
 * on their own lines. Expressions inside it are printed by {@link Printer}.
 */
final class StatementPrinter implements Statement.Visitor<String> {
    private static final StatementPrinter INSTANCE = new StatementPrinter();

    private StatementPrinter() {
    }

    /** Source notation of {@code s}. */
    static String print(Statement s) {
        return s.accept(INSTANCE);
    }

    /** A relation in source notation: {@code propto_{x_a, ...}} with its variables. */
    static String relation(Relation r, List<VarItem> over) {
        return r == Relation.PROPTO ? "propto_{" + Printer.items(over) + "}" : r.symbol();
    }

    /** {@code for i = a..b} and {@code separator} before a quantified statement's body; empty without an index. */
    private static String forHead(String index, Expr from, Expr to, String separator) {
        return index == null ? "" : "for " + index + " = " + Printer.print(from) + ".." + Printer.print(to) + separator;
    }

    @Override
    public String title(Statement.Title t) {
        return "title \"" + t.text() + "\"";
    }

    @Override
    public String model(Statement.Model m) {
        return "model " + String.join(" ", m.families()) + " states " + m.statesLo() + ".." + m.statesHi()
            + " steps " + m.stepsLo() + ".." + m.stepsHi() + (m.positive() ? " positive" : "")
            + switch (m.stationary()) {
                case NONE -> "";
                case DRAWN -> " stationary";
                case UNIFORM -> " stationary uniform";
            };
    }

    @Override
    public String let(Statement.Let l) {
        return "let " + l.name() + " = " + Printer.print(l.value());
    }

    @Override
    public String claim(Statement.Claim c) {
        return "claim \"" + c.name() + "\": " + forHead(c.index(), c.from(), c.to(), ", ") + Printer.print(c.lhs())
            + " " + relation(c.relation(), c.over()) + " " + Printer.print(c.rhs());
    }

    @Override
    public String derive(Statement.Derive d) {
        StringBuilder sb = new StringBuilder("derive \"" + d.name() + "\":\n     "
            + forHead(d.index(), d.from(), d.to(), ",\n     ") + Printer.print(d.start()));
        if (d.startReason() != null) {
            sb.append("   by \"").append(d.startReason()).append('"');
        }
        for (Statement.Step step : d.steps()) {
            sb.append("\n  ").append(relation(step.relation(), step.over())).append(' ').append(Printer.print(step.expr()));
            if (step.reason() != null) {
                sb.append("   by \"").append(step.reason()).append('"');
            }
        }
        return sb.toString();
    }

    @Override
    public String assume(Statement.Assume a) {
        return "assume " + forHead(a.index(), a.from(), a.to(), ", ") + Printer.print(a.lhs()) + " "
            + relation(a.relation(), a.over()) + " " + Printer.print(a.rhs());
    }

    @Override
    public String network(Statement.Network n) {
        return "network " + n.name() + "(" + String.join(", ", n.parameters()) + ")";
    }
}
