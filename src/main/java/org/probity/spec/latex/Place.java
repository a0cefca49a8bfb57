package org.probity.spec.latex;

import java.util.Locale;

/**
 * Where a step, claim or note of a document is: the display (1-based, in document order; 0 for an
 * inline formula), the row within it (1-based), the source line and column of the row, and the
 * row's LaTeX.
 */
public record Place(int display, int row, int line, int column, String latex) {
    /** "display 3, row 2 (line 27)" or "inline math (line 40)". */
    public String describe() {
        return display > 0 ? String.format(Locale.ROOT, "display %d, row %d (line %d)", display, row, line)
            : String.format(Locale.ROOT, "inline math (line %d)", line);
    }
}
