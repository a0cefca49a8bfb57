package org.probity.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Mutated {@code .prob} files: a file of the corpus (the repository's specs) with one to four
 * mutations, each of a kind that has broken parsers or evaluators before: token edits (delete,
 * duplicate, swap, replace by a piece of the language), extreme numbers, model sizes up to the
 * language's limits, deep nesting, long flat sums, truncation, and bytes that are not UTF-8.
 */
final class SpecMutator {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|\\d+(\\.\\d*)?([eE][-+]?\\d+)?|\\S");
    private static final String[] PIECES = {
        "(", ")", "[", "]", "{", "}", "_", "^", "|", "||", ",", ":", "=", "==", "<=", ">=", "<", ">", "+", "-", "*", "/",
        "..", "x_0", "x_t", "x_T", "x_{t-1}", "x_{1:T}", "x_{0:T}", "q(x_0)", "p(x_T)", "q(x_t | x_{t-1})",
        "p(x_{t-1} | x_t)", "E_{q(x_0)}[ log p(x_0) ]", "KL( q(x_T | x_0) || p(x_T) )", "H( q(x_0) )",
        "sum_{t=1}^{T}( ", "prod_{t=1}^{T}( ", "int_{x_0}( ", "log", "exp", "sqrt", "abs", "N(x_0; 0, 1)", "beta(t)",
        "abar(t)", "snr(t)", "alpha(t)", "T", "t", "for t = 2..T,", "claim \"c\":", "derive \"d\":", "let L =",
        "model markov", "model gaussian", "model markov gaussian", "positive", "states", "steps", "title \"t\"",
        "by \"reason\"", "\n", "\n  == ", "#", "\"", "0", "1", "-1", "0.5", "1e308", "1e-320", "NaN", "Infinity",
        "99999999999999999999", "2147483648", "1e400", "0x10", "1_000", "é", "\u00a0", "\t", "\r",
    };
    private static final String[] MODELS = {
        "model markov states 20..20 steps 7..7", "model markov states 2..2 steps 31..31",
        "model markov states 2..2 steps 27..27", "model markov states 12..12 steps 8..8",
        "model markov states 250..250 steps 1..1", "model gaussian steps 32..32", "model gaussian steps 999..999",
        "model markov states 1..1 steps 0..0", "model markov states 3..2 steps 1..1", "model gaussian steps 0..0",
        "model markov states 0..0 steps 1..1", "model markov states 2..3 steps 1..4 positive",
        "model markov states 1000000..1000000 steps 1..1", "model gaussian steps 2147483647..2147483647",
    };

    private final List<String> corpus;
    private final UniformRandomProvider rng;

    SpecMutator(List<String> corpus, UniformRandomProvider rng) {
        this.corpus = List.copyOf(corpus);
        this.rng = rng;
    }

    /** The bytes of one mutated file. */
    byte[] next() {
        String text = corpus.get(rng.nextInt(corpus.size()));
        int n = 1 + rng.nextInt(4);
        byte[] bytes = null;
        for (int i = 0; i < n; i++) {
            int kind = rng.nextInt(12);
            if (kind == 11) {
                bytes = bytes(text.getBytes(StandardCharsets.UTF_8));
                continue;
            }
            text = mutate(text, kind);
        }
        return bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
    }

    private String mutate(String text, int kind) {
        List<int[]> toks = tokens(text);
        if (toks.isEmpty()) {
            return text + piece();
        }
        int[] a = toks.get(rng.nextInt(toks.size()));
        int[] b = toks.get(rng.nextInt(toks.size()));
        switch (kind) {
            case 0: // delete a token
                return text.substring(0, a[0]) + text.substring(a[1]);
            case 1: // duplicate a token
                return text.substring(0, a[1]) + " " + text.substring(a[0], a[1]) + text.substring(a[1]);
            case 2: { // swap two tokens
                int[] x = a[0] <= b[0] ? a : b;
                int[] y = a[0] <= b[0] ? b : a;
                if (x[1] > y[0]) {
                    return text;
                }
                return text.substring(0, x[0]) + text.substring(y[0], y[1]) + text.substring(x[1], y[0])
                        + text.substring(x[0], x[1]) + text.substring(y[1]);
            }
            case 3: // replace a token by a piece of the language
                return text.substring(0, a[0]) + piece() + text.substring(a[1]);
            case 4: // insert a piece
                return text.substring(0, a[0]) + piece() + " " + text.substring(a[0]);
            case 5: // a model statement at or beyond the limits
                return text.replaceFirst("(?m)^model .*$", Matcher.quoteReplacement(MODELS[rng.nextInt(MODELS.length)]));
            case 6: { // nest a span deeply
                int depth = 1 + rng.nextInt(rng.nextBoolean() ? 20 : 5000);
                String what = rng.nextBoolean() ? "(" : rng.nextBoolean() ? "-" : "E_{q(x_0)}[ ";
                String close = what.equals("(") ? ")" : what.equals("-") ? "" : " ]";
                return text.substring(0, a[0]) + what.repeat(depth) + text.substring(a[0], a[1]) + close.repeat(depth)
                        + text.substring(a[1]);
            }
            case 7: { // a long flat sum or product
                int n = 1 + rng.nextInt(rng.nextBoolean() ? 50 : 8000);
                String op = rng.nextBoolean() ? " + " : " * ";
                String claim = "\nclaim \"flat\": " + String.join(op, java.util.Collections.nCopies(n, "1")) + " == "
                        + (op.equals(" + ") ? n : 1) + "\n";
                return text + claim;
            }
            case 8: // truncate
                return text.substring(0, a[0]);
            case 9: // repeat a line
                return repeatLine(text);
            case 10: // an extreme number for a number
                return text.replaceFirst("\\b\\d+(\\.\\d+)?\\b", Matcher.quoteReplacement(
                        new String[] {"0", "1e308", "1e-320", "1e400", "99999999999999999999", "0.0000001", "3"}[rng.nextInt(7)]));
            default:
                return text;
        }
    }

    private String repeatLine(String text) {
        String[] lines = text.split("\n", -1);
        int i = rng.nextInt(lines.length);
        int times = 1 + rng.nextInt(rng.nextBoolean() ? 3 : 300);
        List<String> out = new ArrayList<>(List.of(lines));
        for (int k = 0; k < times; k++) {
            out.add(i, lines[i]);
        }
        return String.join("\n", out);
    }

    /** Bytes that are not UTF-8, or NUL and control bytes, at a random place. */
    private byte[] bytes(byte[] in) {
        int at = in.length == 0 ? 0 : rng.nextInt(in.length + 1);
        byte[][] junk = {{(byte) 0xff}, {(byte) 0xc3}, {0}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {7, 8, 27}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in, 0, at);
        out.writeBytes(junk[rng.nextInt(junk.length)]);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private String piece() {
        return PIECES[rng.nextInt(PIECES.length)];
    }

    private static List<int[]> tokens(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }
}
