package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The math of a {@code .tex} file: {@code equation}, {@code align}, {@code multline}, {@code gather}
 * (starred or not) and {@code eqnarray} environments, {@code \[…\]} and {@code $$…$$} as displays,
 * {@code $…$} and {@code \(…\)} inline; comments are skipped except {@code % probity: …} option
 * lines; {@code verbatim}-like environments are skipped.
 */
public final class TexSource {
    private static final Pattern ENV = Pattern.compile("\\\\begin\\{(equation|align|alignat|multline|gather|eqnarray|"
        + "flalign|displaymath)(\\*?)\\}(\\{[0-9]+\\})?");
    private static final Pattern SKIPPED = Pattern.compile("\\\\begin\\{(verbatim|lstlisting|minted|comment)\\*?\\}");
    private static final Pattern OPTION = Pattern.compile("^\\s*%\\s*probity:(.*)$");

    private TexSource() {
    }

    /** The fragments of a TeX text, in document order. */
    public static List<Fragment> read(String text) {
        String[] lines = text.split("\r?\n", -1);
        SourcePositions doc = new SourcePositions();
        List<Fragment> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            doc.add(lines[i], i + 1, 1);
        }
        String s = blankComments(doc.text(), doc, out);
        String[] blankedLines = s.split("\n", -1);
        doc = new SourcePositions();
        for (int i = 0; i < blankedLines.length; i++) {
            doc.add(blankedLines[i], i + 1, 1);
        }
        StringBuilder prose = new StringBuilder();
        int pos = 0;
        while (pos < s.length()) {
            Matcher env = ENV.matcher(s);
            Matcher skip = SKIPPED.matcher(s);
            int e = env.find(pos) ? env.start() : -1;
            int k = skip.find(pos) ? skip.start() : -1;
            int next = min(e, k);
            int end = next < 0 ? s.length() : next;
            InlineMath.scan(doc.slice(pos, end), prose, out);
            if (next < 0) {
                break;
            }
            if (next == k) {
                String name = skip.group(1) + (skip.group(0).contains("*") ? "*" : "");
                int close = s.indexOf("\\end{" + name + "}", skip.end());
                pos = close < 0 ? s.length() : close + name.length() + 6;
                continue;
            }
            String name = env.group(1) + env.group(2);
            int close = s.indexOf("\\end{" + name + "}", env.end());
            if (close < 0) {
                int[] lc = doc.at(env.start());
                throw LatexProblem.inFile(lc[0], lc[1], "\\end{" + name + "} closing this \\begin{" + name + "}",
                    "the end of the file");
            }
            int[] lc = doc.at(env.start());
            out.add(new Fragment(Fragment.Kind.DISPLAY, doc.slice(env.end(), close), MarkdownSource.tail(prose), "", lc[0],
                lc[1]));
            prose.setLength(0);
            pos = close + name.length() + 6;
        }
        out.sort(java.util.Comparator.comparingInt(Fragment::line).thenComparingInt(Fragment::column));
        return InlineMath.withProseAfter(out, prose);
    }

    private static int min(int a, int b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    /** Comments blanked out (offsets kept); {@code % probity:} lines become option fragments. */
    private static String blankComments(String s, SourcePositions doc, List<Fragment> options) {
        StringBuilder sb = new StringBuilder(s);
        int lineStart = 0;
        while (lineStart <= s.length()) {
            int nl = s.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? s.length() : nl;
            String line = s.substring(lineStart, lineEnd);
            Matcher m = OPTION.matcher(line);
            if (m.matches()) {
                int[] lc = doc.at(lineStart);
                options.add(new Fragment(Fragment.Kind.OPTION, doc.slice(lineStart + m.start(1), lineStart + m.end(1)),
                    "", "", lc[0], lc[1]));
            }
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\\') {
                    i++;
                } else if (line.charAt(i) == '%') {
                    for (int j = lineStart + i; j < lineEnd; j++) {
                        sb.setCharAt(j, ' ');
                    }
                    break;
                }
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return sb.toString();
    }
}
