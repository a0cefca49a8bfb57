package org.probity.spec.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.probity.spec.SpecSyntaxException;

/** A cursor over the tokens of one file, with the source position of every node made from them. */
final class Tokens {
    final List<Token> toks;
    final String file;
    final String src;
    final Map<Object, Token> where = new IdentityHashMap<>();
    int pos;

    Tokens(String src, String file) {
        this.src = src;
        this.file = file;
        this.toks = Lexer.tokenize(src, file);
    }

    <T> T at(Token t, T node) {
        where.putIfAbsent(node, t);
        return node;
    }

    Token peek() {
        return toks.get(pos);
    }

    Token next() {
        return toks.get(pos++);
    }

    Token previous() {
        return toks.get(pos - 1);
    }

    void skipNewlines() {
        while (peek().kind() == Token.Kind.NEWLINE) {
            pos++;
        }
    }

    Token expect(String symbol) {
        Token t = peek();
        if (!t.is(symbol)) {
            throw error(t, "'" + symbol + "'");
        }
        return next();
    }

    Token expectKind(Token.Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, what);
        }
        return next();
    }

    SpecSyntaxException error(Token t, String expected) {
        return error(t, expected, t.describe());
    }

    /** At {@code t}: expected {@code expected}, found {@code found} (where the token alone would not say what is wrong). */
    SpecSyntaxException error(Token t, String expected, String found) {
        return new SpecSyntaxException(file, t.line(), t.column(), expected, found);
    }
}
