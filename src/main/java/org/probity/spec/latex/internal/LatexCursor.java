package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cursor over LaTeX tokens with TeX's grouping rules: {@code {...}} groups, one-token arguments,
 * {@code \left ... \right} and sized delimiters ({@code \bigl(}). Spacing commands are dropped.
 */
class LatexCursor {
    static final Set<String> SPACING = Set.of("\\,", "\\;", "\\:", "\\!", "\\ ", "\\quad", "\\qquad", "\\displaystyle",
        "\\textstyle", "\\limits", "\\nolimits", "\\nonumber", "\\notag", "\\middle", "\\thinspace", "\\enspace",
        "\\medspace", "\\thickspace", "\\negthinspace", "\\hfill", "\\>");
    static final Set<String> SIZES = Set.of("\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigl", "\\Bigl", "\\biggl",
        "\\Biggl", "\\bigr", "\\Bigr", "\\biggr", "\\Biggr", "\\bigm", "\\Bigm", "\\left", "\\right");

    final List<LatexToken> toks;
    final String src;
    int pos;

    LatexCursor(List<LatexToken> toks, String src) {
        List<LatexToken> kept = new ArrayList<>();
        for (LatexToken t : toks) {
            if (!(t.kind() == LatexToken.Kind.COMMAND && SPACING.contains(t.text()))) {
                kept.add(t);
            }
        }
        this.toks = kept;
        this.src = src;
    }

    LatexToken peek() {
        return toks.get(Math.min(pos, toks.size() - 1));
    }

    LatexToken peek(int ahead) {
        return toks.get(Math.min(pos + ahead, toks.size() - 1));
    }

    /**
     * Whether the argument that starts {@code ahead} tokens on is the single token {@code text}, bare
     * ({@code ^2}) or braced ({@code ^{2}}).
     */
    boolean argumentIs(int ahead, String text) {
        return peek(ahead).is(text) || peek(ahead).is("{") && peek(ahead + 1).is(text) && peek(ahead + 2).is("}");
    }

    LatexToken next() {
        LatexToken t = peek();
        if (pos < toks.size() - 1) {
            pos++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == LatexToken.Kind.END;
    }

    LatexToken expect(String text, String what) {
        if (!peek().is(text)) {
            throw LatexProblem.syntax(what, peek());
        }
        return next();
    }

    /** Whether the next token opens a bracket: ( [ \{ \left X \bigl X. */
    boolean opensBracket() {
        LatexToken t = peek();
        if (SIZES.contains(t.text()) && !t.text().endsWith("r") && !t.text().equals("\\right")) {
            return isOpen(peek(1));
        }
        return isOpen(t);
    }

    static boolean isOpen(LatexToken t) {
        return t.is("(") || t.is("[") || t.is("\\{") || t.is("\\lbrace") || t.is("\\lbrack") || t.is("\\langle");
    }

    static boolean isClose(LatexToken t) {
        return t.is(")") || t.is("]") || t.is("\\}") || t.is("\\rbrace") || t.is("\\rbrack") || t.is("\\rangle");
    }

    /** Whether the next token closes a bracket (possibly sized: \right) \bigr]). */
    boolean closesBracket() {
        LatexToken t = peek();
        if (t.is("\\right") || (SIZES.contains(t.text()) && isClose(peek(1)))) {
            return true;
        }
        return isClose(t);
    }

    /** Consumes an opening bracket (with its size command); returns the opening token. */
    LatexToken openBracket() {
        LatexToken t = next();
        if (SIZES.contains(t.text())) {
            LatexToken d = next();
            if (!isOpen(d) && !d.is(".") && !d.is("|") && !d.is("\\vert") && !d.is("\\|")) {
                throw LatexProblem.syntax("a delimiter after " + t.text(), d);
            }
            return d;
        }
        return t;
    }

    /** The tokens from the cursor up to the bracket that closes at this depth (consumed; the bracket is not). */
    List<LatexToken> toClosingBracket() {
        int from = pos;
        int depth = 0;
        while (!(depth == 0 && closesBracket()) && !atEnd()) {
            LatexToken u = next();
            depth += isOpen(u) ? 1 : isClose(u) ? -1 : 0;
        }
        return new ArrayList<>(toks.subList(from, pos));
    }

    /** Consumes the closing bracket that matches {@code open}. */
    void closeBracket(LatexToken open) {
        LatexToken t = peek();
        if (t.is("\\right") || SIZES.contains(t.text())) {
            next();
            t = peek();
        }
        String want = closer(open);
        if (!t.is(want) && !(t.is(".") && open.is("."))) {
            throw LatexProblem.unclosed("'" + want + "' closing the '" + open.text() + "'", open.start(), t.start(),
                t.describe());
        }
        next();
    }

    static String closer(LatexToken open) {
        switch (open.text()) {
            case "(":
                return ")";
            case "[":
                return "]";
            case "\\{":
                return "\\}";
            case "\\lbrace":
                return "\\rbrace";
            case "\\lbrack":
                return "\\rbrack";
            case "\\langle":
                return "\\rangle";
            default:
                return ")";
        }
    }

    /** The tokens of the argument at the cursor: a {...} group's content, or one token. */
    List<LatexToken> argument(String what) {
        LatexToken t = peek();
        if (t.kind() == LatexToken.Kind.END || t.is("}")) {
            throw LatexProblem.syntax(what, t);
        }
        if (!t.is("{")) {
            next();
            List<LatexToken> one = new ArrayList<>();
            one.add(t);
            if (t.kind() == LatexToken.Kind.COMMAND && (t.is("\\mathbf") || t.is("\\boldsymbol") || t.is("\\bm")
                || t.is("\\bar") || t.is("\\tilde") || t.is("\\hat"))) {
                one.addAll(argument(what));
            }
            return one;
        }
        int open = pos;
        int depth = 0;
        while (true) {
            LatexToken u = next();
            if (u.kind() == LatexToken.Kind.END) {
                throw LatexProblem.unclosed("'}' closing the '{'", toks.get(open).start(), u.start(), u.describe());
            }
            if (u.is("{")) {
                depth++;
            } else if (u.is("}")) {
                depth--;
                if (depth == 0) {
                    return new ArrayList<>(toks.subList(open + 1, pos - 1));
                }
            }
        }
    }

    /** The raw source text of an argument group ({@code \text{...}}), or of one token. */
    String rawArgument(String what) {
        LatexToken first = peek();
        List<LatexToken> arg = argument(what);
        if (!first.is("{")) {
            return first.text();
        }
        if (arg.isEmpty()) {
            return "";
        }
        LatexToken close = toks.get(pos - 1);
        return src.substring(first.end(), close.start());
    }

    /** Plain text of a token list: letters, digits and the content of \text/\mathrm groups (a name). */
    static String plain(List<LatexToken> ts) {
        StringBuilder sb = new StringBuilder();
        for (LatexToken t : ts) {
            if (t.kind() == LatexToken.Kind.COMMAND) {
                if (t.is("\\theta") || t.is("\\phi")) {
                    sb.append(t.text().substring(1));
                }
                continue;
            }
            if (!t.is("{") && !t.is("}")) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}
