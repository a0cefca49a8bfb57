package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds math in running text: {@code $…$} and {@code \(…\)} inline, {@code $$…$$} and
 * {@code \[…\]} as displays; code spans ({@code `…`}) and escaped dollars ({@code \$}) are skipped.
 * Everything else is prose, appended to the prose buffer.
 */
final class InlineMath {
    private InlineMath() {
    }

    static void scan(SourcePositions text, StringBuilder prose, List<Fragment> out) {
        String s = text.text();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '`') {
                int ticks = 0;
                while (i + ticks < n && s.charAt(i + ticks) == '`') {
                    ticks++;
                }
                int close = s.indexOf("`".repeat(ticks), i + ticks);
                int end = close < 0 ? i + ticks : close + ticks;
                prose.append(s, i, end);
                i = end;
                continue;
            }
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '$' || s.charAt(i + 1) == '`')) {
                prose.append(s, i, i + 2);
                i += 2;
                continue;
            }
            String open = s.startsWith("$$", i) ? "$$" : c == '$' ? "$" : s.startsWith("\\(", i) ? "\\("
                : s.startsWith("\\[", i) ? "\\[" : null;
            if (open == null) {
                prose.append(c);
                i++;
                continue;
            }
            String close = open.equals("\\(") ? "\\)" : open.equals("\\[") ? "\\]" : open;
            int end = findClose(s, i + open.length(), close);
            if (end < 0 && (open.equals("$$") || open.equals("\\["))) {
                // a display never closed would take the text after it for math, or vanish
                int[] at = text.at(i);
                throw LatexProblem.inFile(at[0], at[1], close + " closing the display opened at " + at[0] + ":" + at[1],
                    "the end of the file");
            }
            if (end < 0 || (open.equals("$") && (end == i + 1 || Character.isWhitespace(s.charAt(i + 1))))) {
                prose.append(c);
                i++;
                continue;
            }
            boolean display = open.equals("$$") || open.equals("\\[");
            int[] lc = text.at(i);
            out.add(new Fragment(display ? Fragment.Kind.DISPLAY : Fragment.Kind.INLINE,
                text.slice(i + open.length(), end), MarkdownSource.tail(prose), "", lc[0], lc[1]));
            if (display) {
                prose.setLength(0);
            } else {
                prose.append(" ⟨math⟩ ");
            }
            i = end + close.length();
        }
    }

    private static int findClose(String s, int from, String close) {
        for (int j = from; j < s.length(); j++) {
            if (s.charAt(j) == '\\' && !close.startsWith("\\")) {
                j++;
                continue;
            }
            if (s.startsWith(close, j)) {
                if (close.equals("$") && j + 1 < s.length() && s.charAt(j + 1) == '$') {
                    return -1;
                }
                return j;
            }
        }
        return -1;
    }

    /**
     * Gives each display the prose that follows it up to the next display (for the explanation of
     * {@code \overset{(a)}{=}} labels). Prose between fragments is kept in proseBefore of the next.
     */
    static List<Fragment> withProseAfter(List<Fragment> in, StringBuilder rest) {
        List<Fragment> out = new ArrayList<>(in);
        String after = rest.toString();
        for (int k = out.size() - 1; k >= 0; k--) {
            Fragment f = out.get(k);
            if (f.kind() == Fragment.Kind.DISPLAY) {
                out.set(k, f.withProseAfter(after));
                after = f.proseBefore();
            } else if (f.kind() == Fragment.Kind.INLINE) {
                after = f.proseBefore() + " " + after;
            }
        }
        return out;
    }
}
