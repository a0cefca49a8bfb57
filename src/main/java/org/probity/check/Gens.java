package org.probity.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.probity.check.internal.ProbabilityVectors;

/**
 * Entry point to Probity's generators. Every generator draws only through {@link Choices}, with
 * choice 0 meaning the simplest value, so every one of them and every composition shrinks.
 *
 * <p>Integers are biased toward small magnitudes, the ends of their range and values drawn before
 * in the same try ({@link Choices#drawBiased}), with a quarter of the draws uniform on the range.
 *
 * <p>Shrink targets: integers toward 0 (or the bound nearest 0), lists toward fewer elements
 * (whole elements are deleted, and elements of the same shape sorted), {@link #oneOf} and
 * {@link #frequency} toward their first alternative, {@link #recursive} structures toward their
 * subtrees, doubles toward the simplest value in range ({@link DoubleGen}), probability vectors
 * toward a one-hot vector on the last state. Every generator marks the span of choices each of its
 * values takes ({@link Choices#beginSpan}), which is what the shrinker deletes, sorts and replaces.
 */
public final class Gens {
    private static final String MSG_RANGE = "%s: expected lo <= hi, got lo = %s, hi = %s";
    private static final String MSG_SIZE = "%s: expected 0 <= minSize <= maxSize, got minSize = %d, maxSize = %d";
    private static final String MSG_DIM = "%s: expected an integer >= %d, got %d";
    private static final String MSG_MAX_SIZE = "%s: expected maxSize >= 1, got %d";
    /** A list grows by one more element with probability 7/8 (mean extra length 7). */
    private static final long LIST_CONTINUE_MAX = 7;
    /** How many expansions one value of {@link #recursive(Gen, Function)} may make. */
    public static final int DEFAULT_RECURSIVE_SIZE = 100;

    /** The label of the spans of one generator kind with its parameters (equal labels: same shape). */
    private record Label(String kind, Object a, Object b) {
    }

    private Gens() {
    }

    /** Always {@code value}. */
    public static <T> Gen<T> constant(T value) {
        return c -> value;
    }

    /**
     * Integers in {@code [lo, hi]}, shrinking toward the value nearest 0: one choice per integer,
     * ordered by magnitude and then positive first (0, 1, −1, 2, −2, …, the longer side of the range
     * last), as in Hypothesis; biased toward small magnitudes, the ends of the range and repeats
     * ({@link Choices#drawBiased}).
     */
    public static Gen<Integer> integers(int lo, int hi) {
        return longs(lo, hi).map(Long::intValue);
    }

    /** Longs in {@code [lo, hi]}, shrinking toward the value nearest 0; see {@link #integers}. */
    public static Gen<Long> longs(long lo, long hi) {
        if (lo > hi) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_RANGE, "longs", lo, hi));
        }
        Label label = new Label("longs", lo, hi);
        if (lo >= 0) {
            return c -> {
                c.beginSpan(label);
                long v = lo + c.drawBiased(hi - lo);
                c.endSpan();
                return v;
            };
        }
        if (hi <= 0) {
            return c -> {
                c.beginSpan(label);
                long v = hi - c.drawBiased(hi - lo);
                c.endSpan();
                return v;
            };
        }
        if (hi - lo < 0) {
            // Wider than Long.MAX_VALUE: a sign, then a magnitude.
            return c -> {
                c.beginSpan(label);
                long v = c.draw(1) == 0 ? c.drawBiased(hi) : -c.drawBiased(-(lo + 1)) - 1;
                c.endSpan();
                return v;
            };
        }
        long m = Math.min(hi, -lo);
        boolean positiveLonger = hi > -lo;
        return c -> {
            c.beginSpan(label);
            long k = c.drawBiased(hi - lo);
            c.endSpan();
            if (k <= 2 * m) {
                return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
            }
            return positiveLonger ? k - m : m - k;
        };
    }

    /** {@code false} or {@code true}, shrinking to {@code false}. */
    public static Gen<Boolean> booleans() {
        return c -> c.draw(1) == 1;
    }

    /** One of {@code values}, uniformly, shrinking toward the first. */
    @SafeVarargs
    public static <T> Gen<T> elements(T... values) {
        requireNonEmpty("elements", values.length);
        List<T> copy = new ArrayList<>();
        for (T x : values) {
            copy.add(Objects.requireNonNull(x, "alternative"));
        }
        Object label = new Object();
        return c -> {
            c.beginSpan(label);
            T v = copy.get((int) c.draw(copy.size() - 1));
            c.endSpan();
            return v;
        };
    }

    /** A value from one of {@code gens}, chosen uniformly, shrinking toward the first. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        requireNonEmpty("oneOf", gens.length);
        List<Gen<? extends T>> copy = new ArrayList<>();
        for (Gen<? extends T> x : gens) {
            copy.add(Objects.requireNonNull(x, "alternative"));
        }
        Object label = new Object();
        return c -> {
            c.beginSpan(label);
            T v = copy.get((int) c.draw(copy.size() - 1)).generate(c);
            c.endSpan();
            return v;
        };
    }

    /** Pairs a weight with a generator, for {@link #frequency}. */
    public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A value from one of the generators, chosen with the given weights, shrinking toward the first. */
    @SafeVarargs
    public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        requireNonEmpty("frequency", choices.length);
        List<Weighted<? extends T>> copy = new ArrayList<>();
        for (Weighted<? extends T> x : choices) {
            copy.add(Objects.requireNonNull(x, "alternative"));
        }
        long total = 0;
        for (Weighted<? extends T> w : copy) {
            total += w.weight();
        }
        long last = total - 1;
        Object label = new Object();
        return c -> {
            c.beginSpan(label);
            long x = c.draw(last);
            for (Weighted<? extends T> w : copy) {
                if (x < w.weight()) {
                    T v = w.gen().generate(c);
                    c.endSpan();
                    return v;
                }
                x -= w.weight();
            }
            throw new AssertionError("unreachable: frequency weights exhausted");
        };
    }

    /**
     * A recursive structure (trees, expressions) that cannot overflow the stack or grow without
     * bound: {@code extend} receives the generator itself and returns the generator of one level,
     * e.g. {@code self -> oneOf(leaf, combine(self, self, Add::new))}. Each use of {@code self}
     * expands one more level while the value's budget of {@link #DEFAULT_RECURSIVE_SIZE}
     * expansions lasts; after that {@code self} generates {@code base}. So a definition whose
     * alternatives are equally likely (more than one child per node on average) still terminates,
     * with at most that many nested levels. {@code extend} should offer {@code base} as its first
     * alternative, so that values shrink toward it; each level is a span, and the shrinker replaces
     * a level by one of the levels it contains.
     *
     * @param base the generator once the budget is spent
     * @param extend builds one level from the generator itself
     * @return the recursive generator
     */
    public static <T> Gen<T> recursive(Gen<? extends T> base, Function<Gen<T>, Gen<? extends T>> extend) {
        return recursive(base, extend, DEFAULT_RECURSIVE_SIZE);
    }

    /**
     * As {@link #recursive(Gen, Function)}, with at most {@code maxSize} expansions per value.
     *
     * @throws IllegalArgumentException if {@code maxSize < 1}
     */
    public static <T> Gen<T> recursive(Gen<? extends T> base, Function<Gen<T>, Gen<? extends T>> extend, int maxSize) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(extend, "extend");
        if (maxSize < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_MAX_SIZE, "recursive", maxSize));
        }
        return new org.probity.check.internal.Recursive<T>(base, extend, maxSize);
    }

    /**
     * Lists of {@code minSize..maxSize} elements. Before each element past {@code minSize} one
     * choice says whether the list goes on (0 stops it); that choice and the element form one span,
     * so deleting the span deletes the element, and a list shrinks toward fewer elements, sorted.
     */
    public static <T> Gen<List<T>> lists(Gen<T> gen, int minSize, int maxSize) {
        Objects.requireNonNull(gen, "gen");
        if (!(minSize >= 0 && minSize <= maxSize)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SIZE, "lists", minSize, maxSize));
        }
        Label list = new Label("list", gen, minSize + ".." + maxSize);
        Label element = new Label("element", gen, null);
        Label optional = new Label("optional element", gen, null);
        return c -> {
            c.beginSpan(list);
            List<T> out = new ArrayList<>();
            while (out.size() < minSize) {
                c.beginSpan(element);
                out.add(gen.generate(c));
                c.endSpan();
            }
            while (out.size() < maxSize) {
                c.beginSpan(optional);
                boolean more = c.draw(LIST_CONTINUE_MAX) != 0;
                if (more) {
                    out.add(gen.generate(c));
                }
                c.endSpan();
                if (!more) {
                    break;
                }
            }
            c.endSpan();
            return out;
        };
    }

    /** Combines a value of {@code a} and a value of {@code b} with {@code f}. */
    public static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(f, "f");
        Object label = new Object();
        return c -> {
            c.beginSpan(label);
            A x = a.generate(c);
            B y = b.generate(c);
            c.endSpan();
            return f.apply(x, y);
        };
    }

    /** Three generators combined with {@code f}. */
    public static <A, B, C, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c3, Function3<? super A, ? super B, ? super C, ? extends R> f) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c3, "c");
        Objects.requireNonNull(f, "f");
        Object label = new Object();
        return c -> {
            c.beginSpan(label);
            A x = a.generate(c);
            B y = b.generate(c);
            C z = c3.generate(c);
            c.endSpan();
            return f.apply(x, y, z);
        };
    }

    /** A function of three arguments, for {@link #combine(Gen, Gen, Gen, Function3)}. */
    @FunctionalInterface
    public interface Function3<A, B, C, R> {
        /** Applies the function. */
        R apply(A a, B b, C c);
    }

    /** A pair of a value of {@code a} and a value of {@code b}; both shrink. */
    public static <A, B> Gen<Pair<A, B>> zip(Gen<A> a, Gen<B> b) {
        return combine(a, b, Pair::new);
    }

    /** Doubles in the closed range {@code [lo, hi]}, across magnitudes; see {@link DoubleGen}. */
    public static DoubleGen doubles(double lo, double hi) {
        return DoubleGen.of(lo, hi);
    }

    /** Doubles in {@code [0, 1]}, with exact 0 and 1, values near 0 and values near 1. */
    public static DoubleGen probabilities() {
        return DoubleGen.of(0, 1);
    }

    /**
     * Probability vectors of length {@code k}: entries {@code >= 0} whose compensated sum is 1 to
     * within one ulp, including exact zeros, near-one-hot vectors and nearly uniform ones.
     */
    public static Gen<double[]> probabilityVectors(int k) {
        requireDimension("probabilityVectors", k, 1);
        return c -> ProbabilityVectors.generate(c, k, false);
    }

    /** Probability vectors whose length is drawn from {@code k} (drawn first, so it shrinks first). */
    public static Gen<double[]> probabilityVectors(Gen<Integer> k) {
        Objects.requireNonNull(k, "k");
        return k.flatMap(Gens::probabilityVectors);
    }

    /** Probability vectors of length {@code k} with every entry {@code > 0}. */
    public static Gen<double[]> positiveProbabilityVectors(int k) {
        requireDimension("positiveProbabilityVectors", k, 1);
        return c -> ProbabilityVectors.generate(c, k, true);
    }

    /** Row-stochastic {@code rows × cols} matrices; rows as in {@link #probabilityVectors(int)}. */
    public static Gen<double[][]> stochasticMatrices(int rows, int cols) {
        requireDimension("stochasticMatrices rows", rows, 1);
        requireDimension("stochasticMatrices cols", cols, 1);
        return matrices(rows, cols, false);
    }

    /** Row-stochastic matrices with every entry {@code > 0}. */
    public static Gen<double[][]> positiveStochasticMatrices(int rows, int cols) {
        requireDimension("positiveStochasticMatrices rows", rows, 1);
        requireDimension("positiveStochasticMatrices cols", cols, 1);
        return matrices(rows, cols, true);
    }

    private static Gen<double[][]> matrices(int rows, int cols, boolean positive) {
        return c -> {
            double[][] m = new double[rows][];
            for (int i = 0; i < rows; i++) {
                m[i] = ProbabilityVectors.generate(c, cols, positive);
            }
            return m;
        };
    }

    private static void requireNonEmpty(String what, int n) {
        if (n == 0) {
            throw new IllegalArgumentException(what + ": expected at least one alternative, got none");
        }
    }

    private static void requireDimension(String what, int k, int min) {
        if (k < min) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, what, min, k));
        }
    }
}
