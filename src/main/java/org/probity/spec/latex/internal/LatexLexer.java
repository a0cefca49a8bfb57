package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits LaTeX math into {@link LatexToken}s; whitespace and {@code %} comments are dropped. */
final class LatexLexer {
    private LatexLexer() {
    }

    static List<LatexToken> tokenize(String s) {
        List<LatexToken> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '~') {
                i++;
            } else if (c == '%') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\\') {
                int j = i + 1;
                if (j < n && Character.isLetter(s.charAt(j)) && s.charAt(j) < 128) {
                    while (j < n && Character.isLetter(s.charAt(j)) && s.charAt(j) < 128) {
                        j++;
                    }
                } else if (j < n) {
                    j++;
                }
                out.add(new LatexToken(LatexToken.Kind.COMMAND, s.substring(i, j), i, j));
                i = j;
            } else if (c >= '0' && c <= '9') {
                // one digit a token: x_12 is x_1 2 and \frac12 is \frac{1}{2}; the parser joins adjacent digits
                out.add(new LatexToken(LatexToken.Kind.NUMBER, s.substring(i, i + 1), i, i + 1));
                i++;
            } else {
                int j = i + Character.charCount(s.codePointAt(i));
                out.add(new LatexToken(LatexToken.Kind.CHAR, s.substring(i, j), i, j));
                i = j;
            }
        }
        out.add(new LatexToken(LatexToken.Kind.END, "", n, n));
        return out;
    }
}
