package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each character of an extracted LaTeX fragment stands in the document: the fragment is the
 * concatenation of pieces of source lines (joined by '\n'), and each piece starts at a known 1-based
 * line and column.
 */
public final class SourcePositions {
    private final List<int[]> pieces = new ArrayList<>();   // {fragment offset, line, column}
    private final StringBuilder text = new StringBuilder();

    /** Appends a piece that starts at {@code line}:{@code column} (1-based); pieces after the first are preceded by '\n'. */
    public SourcePositions add(String piece, int line, int column) {
        if (text.length() > 0 || !pieces.isEmpty()) {
            text.append('\n');
        }
        pieces.add(new int[] {text.length(), line, column});
        text.append(piece);
        return this;
    }

    /** The fragment text. */
    public String text() {
        return text.toString();
    }

    /** 1-based {line, column} of the character at {@code offset} (the end maps to just after the last character). */
    public int[] at(int offset) {
        int[] best = pieces.isEmpty() ? new int[] {0, 1, 1} : pieces.get(0);
        for (int[] p : pieces) {
            if (p[0] <= offset) {
                best = p;
            }
        }
        return new int[] {best[1], best[2] + Math.max(0, offset - best[0])};
    }

    /** A sub-fragment [from, to) with positions preserved. */
    public SourcePositions slice(int from, int to) {
        SourcePositions out = new SourcePositions();
        int start = from;
        while (start < to) {
            int nl = text.indexOf("\n", start);
            int end = nl < 0 || nl > to ? to : nl;
            int[] lc = at(start);
            out.add(text.substring(start, end), lc[0], lc[1]);
            start = end + 1;
        }
        if (out.pieces.isEmpty()) {
            int[] lc = at(from);
            out.add("", lc[0], lc[1]);
        }
        return out;
    }
}
