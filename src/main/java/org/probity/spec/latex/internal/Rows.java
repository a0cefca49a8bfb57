package org.probity.spec.latex.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a display into rows ({@code \\} of {@code aligned}, {@code align}, …) and each row into
 * the expressions between its top-level relations; takes each row's reason ({@code \quad \text{…}},
 * {@code \tag{…}}, the label of {@code \overset{(a)}{=}}). A row without a relation continues the
 * expression of the row before it.
 */
public final class Rows {
    private static final Pattern ENVIRONMENT = Pattern.compile("\\\\(begin|end)\\{(aligned|alignedat|align\\*?|split|"
        + "gathered|gather\\*?|equation\\*?|multline\\*?|eqnarray\\*?|flalign\\*?|displaymath|math)\\}(\\{[0-9]+\\})?");
    private static final Pattern DROPPED = Pattern.compile("\\\\label\\{[^}]*\\}|\\\\nonumber|\\\\notag");

    private Rows() {
    }

    /**
     * The index range written after a row, {@code \quad t = 2, \dots, T} or
     * {@code \quad \text{for } t = 2, \ldots, T}: the index letter and the LaTeX of its first and last value.
     */
    public record Range(String index, String from, String to) { }

    private static final Pattern RANGE = Pattern.compile("^(?:for\\s+(?:all\\s+|every\\s+)?)?\\$?\\s*([a-z])\\s*=\\s*(.+?)\\s*,\\s*"
        + "(?:\\\\[lc]?dots|…|\\.\\.\\.)\\s*,?\\s*(.+?)\\s*\\$?\\s*[.,]?$");

    /** The range a text states (reason text, or the math after {@code \quad}), else null. */
    static Range range(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RANGE.matcher(text.strip());
        return m.matches() ? new Range(m.group(1), m.group(2), m.group(3)) : null;
    }

    /** A relation between two expressions of a row. */
    public record Relation(String symbol, String label, LatexToken token) { }

    /** One row: its tokens before the first relation ({@code lhs}, empty when the row starts with a relation), the relations and the expressions after them. */
    public record Row(int number, int offset, int endOffset, List<LatexToken> lhs, List<Relation> relations,
                      List<List<LatexToken>> rhs, String reason, Range range) {
        /** Whether the row begins with a relation (it continues the chain above). */
        public boolean continues() {
            return lhs.isEmpty();
        }
    }

    /**
     * The display text with environment markers, labels and \nonumber blanked out (offsets kept).
     *
     * @throws LatexProblem (syntax) at a {@code \begin} without its {@code \end} or an {@code \end} without its {@code \begin}
     */
    static String blank(String latex) {
        balanced(latex);
        StringBuilder sb = new StringBuilder(latex);
        for (Pattern p : new Pattern[] {ENVIRONMENT, DROPPED}) {
            Matcher m = p.matcher(sb.toString());
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    /** An environment opened at {@code start}. */
    private record Open(String name, int start) { }

    /** Every {@code \begin{env}} of the environments read here closed by its own {@code \end{env}}, properly nested. */
    private static void balanced(String latex) {
        ArrayDeque<Open> open = new ArrayDeque<>();
        Matcher m = ENVIRONMENT.matcher(latex);
        while (m.find()) {
            if (m.group(1).equals("begin")) {
                open.push(new Open(m.group(2), m.start()));
                continue;
            }
            String end = "\\end{" + m.group(2) + "}";
            if (open.isEmpty()) {
                throw new LatexProblem(LatexProblem.Kind.SYNTAX, "\\begin{" + m.group(2) + "} before this " + end,
                    m.start(), end);
            }
            Open begin = open.pop();
            if (!begin.name().equals(m.group(2))) {
                throw unclosed(begin, m.start(), end);
            }
        }
        if (!open.isEmpty()) {
            throw unclosed(open.pop(), latex.stripTrailing().length(), "the end of the display");
        }
    }

    private static LatexProblem unclosed(Open begin, int at, String found) {
        return LatexProblem.unclosed("\\end{" + begin.name() + "} closing the \\begin{" + begin.name() + "}",
            begin.start(), at, found);
    }

    /** The rows of a display (or of one inline formula: one row). */
    static List<Row> rows(String latex) {
        String text = blank(latex);
        List<LatexToken> toks = LatexLexer.tokenize(text);
        brackets(toks);
        List<List<LatexToken>> raw = new ArrayList<>();
        List<LatexToken> cur = new ArrayList<>();
        int depth = 0;
        for (LatexToken t : toks) {
            if (t.kind() == LatexToken.Kind.END) {
                break;
            }
            depth += t.is("{") ? 1 : t.is("}") ? -1 : 0;
            if (depth == 0 && (t.is("\\\\") || t.is("\\cr"))) {
                raw.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        raw.add(cur);
        List<Row> out = new ArrayList<>();
        int number = 0;   // rows as written: a row continued or begun on the row before keeps its own number
        for (List<LatexToken> r : raw) {
            Row row = row(number + 1, r, text);
            if (row == null) {
                continue;
            }
            number++;
            if (row.relations().isEmpty() && !out.isEmpty()) {
                Row prev = out.remove(out.size() - 1);
                out.add(appendTo(prev, row));
            } else if (row.continues() && !out.isEmpty() && out.get(out.size() - 1).relations().isEmpty()) {
                // the start of a chain on a row of its own, "& A \\ &= B": one row, at the relation's place
                Row prev = out.remove(out.size() - 1);
                out.add(new Row(row.number(), row.offset(), row.endOffset(), prev.lhs(), row.relations(), row.rhs(),
                    row.reason(), prev.range() == null ? row.range() : prev.range()));
            } else {
                out.add(row);
            }
        }
        return out;
    }

    /** Text commands whose braced argument is words: brackets inside them are not math. */
    private static final java.util.Set<String> TEXT = java.util.Set.of("\\text", "\\mbox", "\\textrm", "\\textit",
        "\\textbf", "\\textnormal", "\\operatorname", "\\mathrm", "\\tag");

    /**
     * Every bracket of the display closed: '{' by '}', '(' or '[' by ')' or ']' (a half-open interval
     * {@code [0, 1)} mixes them), {@code \left} by {@code \right}, each inside the group it opens in.
     * A bracket left open would hide the relations after it (a row is split only at depth 0).
     *
     * @throws LatexProblem (syntax) at the first bracket left open, or at a closing bracket with no opening
     */
    static void brackets(List<LatexToken> toks) {
        ArrayDeque<LatexToken> open = new ArrayDeque<>();
        int textDepth = -1;   // the depth of open brackets at which a text argument began, or -1
        int wordParens = 0;   // '(' opened in words and not closed yet: "\\text{(by } q)" closes it in math
        for (int i = 0; i < toks.size(); i++) {
            LatexToken t = toks.get(i);
            if (t.kind() == LatexToken.Kind.END) {
                if (!open.isEmpty()) {
                    int end = i == 0 ? t.start() : toks.get(i - 1).end();
                    throw unclosedBracket(open.peek(), new LatexToken(LatexToken.Kind.END, "", end, end));
                }
                return;
            }
            if (TEXT.contains(t.text()) && textDepth < 0 && i + 1 < toks.size() && toks.get(i + 1).is("{")) {
                textDepth = open.size();
                continue;
            }
            boolean inText = textDepth >= 0;
            if (!inText && t.kind() == LatexToken.Kind.COMMAND && !KnownCommands.known(t.text())) {
                throw new LatexProblem(LatexProblem.Kind.SYNTAX, "one of the LaTeX commands listed in docs/derivations.md",
                    t.start(), "the unknown command " + t.text());
            }
            if (t.is("\\left") || t.is("\\right")) {
                i++;   // the delimiter after it (., (, \\|, \\{, ...) is not a bracket of its own
                if (t.is("\\left")) {
                    open.push(t);
                } else {
                    close(open, t, "\\left");
                }
            } else if (t.is("{")) {
                open.push(t);
            } else if (t.is("}")) {
                close(open, t, "{");
                if (textDepth == open.size()) {
                    textDepth = -1;
                }
            } else if (inText) {
                wordParens = Math.max(0, wordParens + (t.is("(") ? 1 : t.is(")") ? -1 : 0));
            } else if (t.is("(") || t.is("[")) {
                open.push(t);
            } else if ((t.is(")") || t.is("]")) && !(wordParens > 0 && (open.isEmpty() || !round(open.peek())))) {
                close(open, t, "(");
            } else if (t.is(")")) {
                wordParens--;
            }
        }
    }

    private static boolean round(LatexToken t) {
        return t.is("(") || t.is("[");
    }

    private static void close(ArrayDeque<LatexToken> open, LatexToken t, String opener) {
        if (open.isEmpty()) {
            throw LatexProblem.syntax("'" + opener + "' before this '" + t.text() + "'", t);
        }
        LatexToken top = open.peek();
        boolean matches = opener.equals("(") ? round(top) : top.is(opener);
        if (!matches) {
            throw unclosedBracket(top, t);
        }
        open.pop();
    }

    private static LatexProblem unclosedBracket(LatexToken open, LatexToken at) {
        String want = open.is("{") ? "'}'" : open.is("\\left") ? "\\right" : open.is("[") ? "']'" : "')'";
        String found = at.kind() == LatexToken.Kind.END ? "the end of the formula" : at.describe();
        return LatexProblem.unclosed(want + " closing the '" + open.text() + "'", open.start(), at.start(), found);
    }

    private static Row appendTo(Row prev, Row more) {
        List<List<LatexToken>> rhs = new ArrayList<>(prev.rhs());
        List<LatexToken> lhs = new ArrayList<>(prev.lhs());
        if (rhs.isEmpty()) {
            lhs.addAll(more.lhs());
        } else {
            List<LatexToken> last = new ArrayList<>(rhs.remove(rhs.size() - 1));
            last.addAll(more.lhs());
            rhs.add(last);
        }
        String reason = prev.reason() == null ? more.reason() : prev.reason();
        return new Row(prev.number(), prev.offset(), more.endOffset(), lhs, prev.relations(), rhs, reason,
            prev.range() == null ? more.range() : prev.range());
    }

    private static Row row(int number, List<LatexToken> toks, String text) {
        List<LatexToken> kept = new ArrayList<>();
        String reason = null;
        Range range = null;
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            LatexToken t = toks.get(i);
            if (depth == 0 && (t.is("\\quad") || t.is("\\qquad") || t.is(",")) && !hasText(toks, i)) {
                int j = i + 1;
                while (j < toks.size() && (toks.get(j).is("\\quad") || toks.get(j).is("\\qquad") || toks.get(j).is("\\,"))) {
                    j++;
                }
                if (j < toks.size()) {
                    Range r = range(text.substring(toks.get(j).start(), toks.get(toks.size() - 1).end()));
                    if (r != null) {
                        range = r;
                        break;
                    }
                }
            }
            if (depth == 0 && t.is("\\tag")) {
                int[] end = group(toks, i + 1);
                reason = text.substring(toks.get(i + 1).end(), toks.get(end[0]).start()).strip();
                i = end[0];
                continue;
            }
            if (depth == 0 && (t.is("\\quad") || t.is("\\qquad") || t.is("\\text")) && hasText(toks, i)
                && !ContinuousTime.textFunction(toks, i)) {
                reason = reasonText(toks, i, text);
                Range r = range(reason.replace("\\;", " ").replace("\\,", " "));
                if (r != null) {
                    range = r;
                    reason = null;
                }
                break;
            }
            depth += t.is("{") ? 1 : t.is("}") ? -1 : 0;
            if (!t.is("&")) {
                kept.add(t);
            }
        }
        while (!kept.isEmpty() && (kept.get(kept.size() - 1).is(",") || kept.get(kept.size() - 1).is(".")
            || kept.get(kept.size() - 1).is("，") || kept.get(kept.size() - 1).is("。"))) {
            kept.remove(kept.size() - 1);
        }
        if (kept.isEmpty()) {
            return null;
        }
        List<LatexToken> lhs = new ArrayList<>();
        List<Relation> rels = new ArrayList<>();
        List<List<LatexToken>> rhs = new ArrayList<>();
        List<LatexToken> cur = lhs;
        depth = 0;
        for (int i = 0; i < kept.size(); i++) {
            LatexToken t = kept.get(i);
            boolean colonEquals = t.is(":") && i + 1 < kept.size() && kept.get(i + 1).is("=")
                && kept.get(i + 1).start() == t.end();
            if (depth == 0 && (Relations.isRelation(t) || colonEquals)) {
                Relation rel;
                if (t.is("\\overset") || t.is("\\stackrel")) {
                    int[] a = group(kept, i + 1);
                    int[] b = group(kept, a[0] + 1);
                    String label = text.substring(kept.get(i + 1).end(), kept.get(a[0]).start()).strip();
                    String sym = text.substring(kept.get(a[0] + 1).start(), kept.get(b[0]).end()).replaceAll("[{}\\s]", "");
                    rel = new Relation(sym.equals("=") && label.matches(".*(def|:).*") ? ":=" : sym, label, t);
                    i = b[0];
                } else if (t.is(":") && i + 1 < kept.size() && kept.get(i + 1).is("=")) {
                    rel = new Relation(":=", null, t);
                    i++;
                } else {
                    rel = new Relation(t.text(), null, t);
                }
                rels.add(rel);
                cur = new ArrayList<>();
                rhs.add(cur);
                continue;
            }
            if (t.is("{") || t.is("(") || t.is("[") || t.is("\\left") || t.is("\\{")) {
                depth++;
            } else if (t.is("}") || t.is(")") || t.is("]") || t.is("\\right") || t.is("\\}")) {
                depth = Math.max(0, depth - 1);
            }
            if (t.is("\\left") || t.is("\\right")) {
                cur.add(t);
                if (i + 1 < kept.size()) {
                    cur.add(kept.get(++i));
                }
                continue;
            }
            cur.add(t);
        }
        int start = kept.get(0).start();
        int end = toks.get(toks.size() - 1).end();
        return new Row(number, start, end, lhs, rels, rhs, reason, range);
    }

    private static boolean hasText(List<LatexToken> toks, int from) {
        for (int i = from; i < toks.size(); i++) {
            if (toks.get(i).is("\\text") || toks.get(i).is("\\mbox") || toks.get(i).is("\\textrm")) {
                return true;
            }
            if (!(toks.get(i).is("\\quad") || toks.get(i).is("\\qquad") || toks.get(i).is("(")
                || toks.get(i).is("\\,") || toks.get(i).is("\\;"))) {
                return false;
            }
        }
        return false;
    }

    private static String reasonText(List<LatexToken> toks, int from, String text) {
        String raw = text.substring(toks.get(from).start(), toks.get(toks.size() - 1).end());
        String s = raw.replaceAll("\\\\q?quad", " ").replaceAll("\\\\(text|mbox|textrm)\\s*\\{", "")
            .replaceAll("[{}]", "").replaceAll("\\\\[,;]", " ").strip();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** The index of the '}' closing the group at {@code i} (or {@code i} for a one-token argument). */
    private static int[] group(List<LatexToken> toks, int i) {
        if (i >= toks.size()) {
            throw LatexProblem.syntax("an argument", toks.get(toks.size() - 1));
        }
        if (!toks.get(i).is("{")) {
            return new int[] {i};
        }
        int depth = 0;
        for (int j = i; j < toks.size(); j++) {
            depth += toks.get(j).is("{") ? 1 : toks.get(j).is("}") ? -1 : 0;
            if (depth == 0) {
                return new int[] {j};
            }
        }
        throw LatexProblem.syntax("'}' closing the '{'", toks.get(toks.size() - 1));
    }
}
