package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import org.probity.spec.SpecSyntaxException;

/**
 * Splits a {@code .prob} source into tokens. Comments run from {@code #} to the end of the line.
 * A NEWLINE token ends a statement; it is emitted only when no bracket is open and the line does
 * not end with an operator, a relation or a comma (then the statement continues on the next line).
 */
final class Lexer {
    private static final String[] SYMBOLS = {"==", "<=", ">=", "||", "..", "<", ">", "=", "|", ";", ":", ",", "(",
        ")", "[", "]", "{", "}", "^", "+", "-", "*", "/", "~"};

    /** Symbols that cannot end a statement: a line ending with one continues on the next. */
    private static final java.util.Set<String> CONTINUING = java.util.Set.of("==", "<=", ">=", "<", ">", "=", "+", "-",
        "*", "/", "^", ",", "||", ";");

    /** Symbols that cannot start a statement: a line starting with one continues the previous line. */
    private static final java.util.Set<String> LEADING = java.util.Set.of("+", "-", "*", "/", "^");

    private Lexer() {
    }

    private static boolean continues(Token last) {
        return last.kind() == Token.Kind.SYMBOL && CONTINUING.contains(last.text());
    }

    /** Whether the tokens end with a relation {@code propto_{...}} (its right side may start on the next line). */
    private static boolean afterPropto(List<Token> out) {
        int k = out.size() - 1;
        if (!out.get(k).is("}")) {
            return false;
        }
        int depth = 0;
        for (; k >= 0; k--) {
            Token t = out.get(k);
            depth += t.is("}") ? 1 : t.is("{") ? -1 : 0;
            if (depth == 0) {
                return k > 0 && out.get(k - 1).is("propto_");
            }
        }
        return false;
    }

    static List<Token> tokenize(String src, String file) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        int depth = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            int col = i - lineStart + 1;
            if (c == '\n') {
                if (depth == 0 && !out.isEmpty() && out.get(out.size() - 1).kind() != Token.Kind.NEWLINE
                    && !continues(out.get(out.size() - 1)) && !afterPropto(out)) {
                    out.add(new Token(Token.Kind.NEWLINE, "\n", line, col, i));
                }
                i++;
                line++;
                lineStart = i;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)))) {
                int s = i;
                while (i < src.length() && Character.isDigit(src.charAt(i))) {
                    i++;
                }
                if (i + 1 < src.length() && src.charAt(i) == '.' && Character.isDigit(src.charAt(i + 1))) {
                    i++;
                    while (i < src.length() && Character.isDigit(src.charAt(i))) {
                        i++;
                    }
                }
                if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < src.length() && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < src.length() && Character.isDigit(src.charAt(j))) {
                        i = j;
                        while (i < src.length() && Character.isDigit(src.charAt(i))) {
                            i++;
                        }
                    }
                }
                out.add(new Token(Token.Kind.NUMBER, src.substring(s, i), line, col, s));
            } else if (Character.isLetter(c)) {
                int s = i;
                while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENT, src.substring(s, i), line, col, s));
            } else if (c == '"') {
                int s = i;
                i++;
                while (i < src.length() && src.charAt(i) != '"' && src.charAt(i) != '\n') {
                    i++;
                }
                if (i >= src.length() || src.charAt(i) != '"') {
                    throw new SpecSyntaxException(file, line, col, "a closing '\"'",
                        i >= src.length() ? "end of file" : "end of line");
                }
                out.add(new Token(Token.Kind.STRING, src.substring(s + 1, i), line, col, s));
                i++;
            } else {
                String sym = null;
                for (String candidate : SYMBOLS) {
                    if (src.startsWith(candidate, i)) {
                        sym = candidate;
                        break;
                    }
                }
                if (sym == null) {
                    throw new SpecSyntaxException(file, line, col, "a number, a name, an operator or a bracket",
                        "'" + new String(Character.toChars(src.codePointAt(i))) + "'");
                }
                if (sym.equals("(") || sym.equals("[") || sym.equals("{")) {
                    depth++;
                } else if ((sym.equals(")") || sym.equals("]") || sym.equals("}")) && depth > 0) {
                    depth--;
                }
                out.add(new Token(Token.Kind.SYMBOL, sym, line, col, i));
                i += sym.length();
            }
        }
        if (depth == 0 && !out.isEmpty() && out.get(out.size() - 1).kind() != Token.Kind.NEWLINE) {
            out.add(new Token(Token.Kind.NEWLINE, "\n", line, i - lineStart + 1, i));
        }
        out.add(new Token(Token.Kind.EOF, "", line, i - lineStart + 1, i));
        // a line that starts with a binary operator continues the previous one
        out.removeIf(new java.util.function.Predicate<Token>() {
            private int k = -1;

            @Override
            public boolean test(Token t) {
                k++;
                return t.kind() == Token.Kind.NEWLINE && k + 1 < out.size() && LEADING.contains(out.get(k + 1).text())
                    && out.get(k + 1).kind() == Token.Kind.SYMBOL;
            }
        });
        return out;
    }
}
