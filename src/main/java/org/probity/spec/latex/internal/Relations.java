package org.probity.spec.latex.internal;

import java.util.Map;
import java.util.Set;

/** The relation symbols of LaTeX math and what each means to the reader. */
final class Relations {
    /** Claims: the .prob relation of each LaTeX relation. */
    static final Map<String, String> CLAIMS = Map.ofEntries(Map.entry("=", "=="), Map.entry("<", "<"),
        Map.entry(">", ">"), Map.entry("\\le", "<="), Map.entry("\\leq", "<="), Map.entry("\\leqslant", "<="),
        Map.entry("≤", "<="), Map.entry("\\ge", ">="), Map.entry("\\geq", ">="), Map.entry("\\geqslant", ">="),
        Map.entry("≥", ">="), Map.entry("\\lt", "<"), Map.entry("\\gt", ">"), Map.entry("\\propto", "propto"),
        Map.entry("∝", "propto"));
    /** Definitions. */
    static final Set<String> DEFINITIONS = Set.of(":=", "\\coloneqq", "\\coloneq", "\\triangleq", "\\equiv",
        "\\defeq", "\\eqqcolon", "≜", "≔");
    /** Relations that state no identity Probity can check, with the reason. */
    static final Map<String, String> UNCHECKABLE = Map.ofEntries(
        Map.entry("\\approx", "≈ states an approximation, not an identity"),
        Map.entry("≈", "≈ states an approximation, not an identity"),
        Map.entry("\\simeq", "≃ states an approximation, not an identity"),
        Map.entry("\\iff", "⇔ between statements (equivalent optimisation problems), not a numeric identity"),
        Map.entry("\\Leftrightarrow", "⇔ between statements (equivalent optimisation problems), not a numeric identity"),
        Map.entry("\\Longleftrightarrow", "⇔ between statements, not a numeric identity"),
        Map.entry("\\Rightarrow", "⇒ between statements, not a numeric identity"),
        Map.entry("\\implies", "⇒ between statements, not a numeric identity"),
        Map.entry("\\neq", "≠ is not an identity"), Map.entry("\\ne", "≠ is not an identity"),
        Map.entry("\\in", "∈ states membership (notation), not an identity"),
        Map.entry("\\to", "→ states a limit or a map (notation), not an identity"),
        Map.entry("\\rightarrow", "→ states a limit or a map (notation), not an identity"),
        Map.entry("\\sim", "∼ states a distribution (notation), not an identity"));

    private Relations() {
    }

    /** Whether the token is a relation of any kind (at the top level of a row it splits the row). */
    static boolean isRelation(LatexToken t) {
        String s = t.text();
        return t.kind() != LatexToken.Kind.END && t.kind() != LatexToken.Kind.NUMBER
            && (CLAIMS.containsKey(s) || DEFINITIONS.contains(s) || UNCHECKABLE.containsKey(s) || s.equals("\\overset")
                || s.equals("\\stackrel"));
    }
}
