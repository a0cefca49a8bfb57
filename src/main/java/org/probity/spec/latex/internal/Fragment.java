package org.probity.spec.latex.internal;

/**
 * A piece of a document the reader cares about, in document order: a display ({@code $$…$$},
 * {@code \[…\]}, an {@code align} environment), an inline formula ({@code $…$}), or an option
 * comment ({@code <!-- probity: … -->}, {@code % probity: …}). {@code proseBefore} is the prose
 * just before the fragment (for "is defined as" / "定义为"); {@code proseAfter} the prose after
 * it up to the next display (for the explanation of an {@code \overset{(a)}{=}} label).
 */
public record Fragment(Kind kind, SourcePositions math, String proseBefore, String proseAfter, int line, int column) {
    /** What the fragment is. */
    public enum Kind { DISPLAY, INLINE, OPTION }

    /** The fragment with the prose that follows it. */
    Fragment withProseAfter(String after) {
        return new Fragment(kind, math, proseBefore, after, line, column);
    }
}
