package org.probity.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The shrinking challenge (github.com/jlink/shrinking-challenge, after the evaluation of
 * MacIver and Donaldson, ECOOP 2020), written for Probity's engine: each challenge is a property
 * that fails, with the integer ranges of the challenge's own definition, and the minimal
 * counterexample it should shrink to. {@code bench/shrinking_challenge.py} is the same twelve
 * challenges for Hypothesis.
 *
 * <p>Lists without a stated bound take at most {@value Bounds#LONG} elements (the challenges' lists are
 * unbounded; no run comes near that).
 */
enum ShrinkingChallenge {
    /** A list equals its reverse: expected {@code [0, 1]}. */
    REVERSE("reverse", () -> Property.holds("reverse", Gens.lists(ints(), 0, Bounds.LONG), xs -> {
        List<Integer> r = new ArrayList<>(xs);
        Collections.reverse(r);
        return r.equals(xs);
    }), "[0, 1]"::equals),

    /**
     * Five lists of 16-bit integers, each summing (in 16-bit arithmetic) below 256: the 16-bit
     * total is below 5 · 256. Expected: two lists [-1] and [-32768] and three empty ones, in any
     * order (Hypothesis reaches {@code ([], [], [], [-1], [-32768])}).
     */
    BOUND5("bound5", () -> {
        Gen<List<Integer>> bounded = Gens.lists(Gens.integers(Short.MIN_VALUE, Short.MAX_VALUE), 0, 10)
            .filter("16-bit sum < 256", xs -> sum16(xs) < 256);
        return Property.holds("bound5", Gens.lists(bounded, 5, 5), ls -> {
            List<Integer> all = new ArrayList<>();
            ls.forEach(all::addAll);
            return sum16(all) < 5 * 256;
        });
    }, shown -> {
        List<String> parts = new ArrayList<>(List.of(shown.substring(1, shown.length() - 1).split(", (?=\\[)")));
        Collections.sort(parts);
        return parts.equals(List.of("[-1]", "[-32768]", "[]", "[]", "[]"));
    }),

    /** A length in 1..100, then a list of that many integers in 0..1000: all below 900. Expected {@code [900]}. */
    LENGTHLIST("lengthlist", () -> Property.holds("lengthlist",
        Gens.integers(1, 100).flatMap(n -> Gens.lists(Gens.integers(0, 1000), n, n)),
        xs -> xs.stream().allMatch(x -> x < 900)), "[900]"::equals),

    /** A list has fewer than three distinct elements. Expected {@code [0, 1, -1]} or {@code [0, 1, 2]}. */
    DISTINCT("distinct", () -> Property.holds("distinct", Gens.lists(ints(), 0, Bounds.LONG), xs -> new HashSet<>(xs).size() < 3),
        shown -> shown.equals("[0, 1, -1]") || shown.equals("[0, 1, 2]")),

    /**
     * Lists of lists of integers hold fewer than five distinct integers. Expected: one list of the
     * five simplest integers, {@code [[0, 1, -1, 2, -2]]} (Hypothesis' order) or {@code [[0, 1, 2, 3, 4]]}
     * (Probity's, where every non-negative integer precedes the negative ones).
     */
    LARGE_UNION_LIST("large_union_list", () -> Property.holds("large_union_list",
        Gens.lists(Gens.lists(ints(), 0, Bounds.LONG), 0, Bounds.LONG), ls -> {
            Set<Integer> all = new HashSet<>();
            ls.forEach(all::addAll);
            return all.size() < 5;
        }), shown -> shown.equals("[[0, 1, -1, 2, -2]]") || shown.equals("[[0, 1, 2, 3, 4]]")),

    /** Two positive integers: the first is below 10 or they differ. Expected {@code (10, 10)}. */
    DIFFERENCE_1("difference 1", () -> Property.holds("difference must not be zero", Gens.zip(positive(), positive()),
        ab -> ab.first() < 10 || ab.first().intValue() != ab.second().intValue()), "(10, 10)"::equals),

    /** Two positive integers: the first is below 10 or they differ by 0 or more than 4. Expected {@code (10, 6)}. */
    DIFFERENCE_2("difference 2", () -> Property.holds("difference must not be small", Gens.zip(positive(), positive()),
        ab -> {
            long d = Math.abs((long) ab.first() - ab.second());
            return ab.first() < 10 || d < 1 || d > 4;
        }), "(10, 6)"::equals),

    /** Two positive integers: the first is below 10 or they do not differ by exactly 1. Expected {@code (10, 9)}. */
    DIFFERENCE_3("difference 3", () -> Property.holds("difference must not be one", Gens.zip(positive(), positive()),
        ab -> ab.first() < 10 || Math.abs((long) ab.first() - ab.second()) != 1), "(10, 9)"::equals),

    /**
     * A list of integers in 0..10, each a valid index (assumed): no two positions point at each
     * other. Expected {@code [1, 0]}.
     */
    COUPLING("coupling", () -> Property.holds("coupling", Gens.lists(Gens.integers(0, 10), 0, Bounds.LONG), xs -> {
        Property.assume(xs.stream().allMatch(v -> v < xs.size()), "every element is an index of the list");
        for (int i = 0; i < xs.size(); i++) {
            int j = xs.get(i);
            if (j != i && xs.get(j) == i) {
                return false;
            }
        }
        return true;
    }), "[1, 0]"::equals),

    /**
     * A list of integers and an index in 0..10 (assumed inside the list): removing the element's
     * first occurrence leaves no copy of it. Expected {@code ([0, 0], 0)}.
     */
    DELETION("deletion", () -> Property.holds("deletion", Gens.zip(Gens.lists(ints(), 0, Bounds.LONG), Gens.integers(0, 10)), li -> {
        List<Integer> xs = new ArrayList<>(li.first());
        int i = li.second();
        Property.assume(i < xs.size(), "the index is inside the list");
        Integer x = xs.get(i);
        xs.remove(x);
        return !xs.contains(x);
    }), "([0, 0], 0)"::equals),

    /** Lists of lists (of a constant): the lengths add up to at most 10. Expected one list of 11. */
    NESTEDLISTS("nestedlists", () -> Property.holds("nestedlists",
        Gens.lists(Gens.lists(Gens.constant(0), 0, Bounds.LONG), 0, Bounds.LONG),
        ls -> ls.stream().mapToInt(List::size).sum() <= 10), "[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]"::equals),

    /**
     * Expressions of integers, additions and divisions with no literal division by zero (assumed)
     * evaluate without dividing by zero. Expected {@code (0 / (0 + 0))}.
     */
    CALCULATOR("calculator", () -> Property.holds("calculator", Expr.GEN, e -> {
        Property.assume(e.noLiteralDivisionByZero(), "no literal division by zero");
        e.evaluate(); // throws ArithmeticException on a division by zero
        return true;
    }), "(0 / (0 + 0))"::equals);


    private final String title;
    private final java.util.function.Supplier<Property<?>> property;
    private final Predicate<String> expected;

    ShrinkingChallenge(String title, java.util.function.Supplier<Property<?>> property, Predicate<String> expected) {
        this.title = title;
        this.property = property;
        this.expected = expected;
    }

    /** The challenge's name as in the challenge repository. */
    String title() {
        return title;
    }

    /** A fresh copy of the challenge's property. */
    Property<?> property() {
        return property.get();
    }

    /** Whether a rendered counterexample is the expected minimum. */
    boolean isExpected(String shown) {
        return expected.test(shown);
    }

    /** Bounds shared by the challenges (a nested class, so the constants can be used above). */
    static final class Bounds {
        /** The bound for a list the challenge leaves unbounded. */
        static final int LONG = 1000;

        private Bounds() {
        }
    }

    private static Gen<Integer> ints() {
        return Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static Gen<Integer> positive() {
        return Gens.integers(1, Integer.MAX_VALUE);
    }

    private static int sum16(List<Integer> xs) {
        short s = 0;
        for (int x : xs) {
            s += (short) x;
        }
        return s;
    }

    /** The calculator's expressions. */
    sealed interface Expr {
        /** Literals, additions and divisions, with equal weights. */
        Gen<Expr> GEN = Gens.recursive(Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE).map(Lit::new),
            self -> Gens.oneOf(Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE).map(Lit::new),
                Gens.combine(self, self, Add::new), Gens.combine(self, self, Div::new)));

        int evaluate();

        boolean noLiteralDivisionByZero();

        /** A literal. */
        record Lit(int v) implements Expr {
            public int evaluate() {
                return v;
            }

            public boolean noLiteralDivisionByZero() {
                return true;
            }

            @Override
            public String toString() {
                return Integer.toString(v);
            }
        }

        /** A sum. */
        record Add(Expr a, Expr b) implements Expr {
            public int evaluate() {
                return a.evaluate() + b.evaluate();
            }

            public boolean noLiteralDivisionByZero() {
                return a.noLiteralDivisionByZero() && b.noLiteralDivisionByZero();
            }

            @Override
            public String toString() {
                return "(" + a + " + " + b + ")";
            }
        }

        /** A quotient (Python's floor division in the original; here Java's, which also throws on zero). */
        record Div(Expr a, Expr b) implements Expr {
            public int evaluate() {
                return a.evaluate() / b.evaluate();
            }

            public boolean noLiteralDivisionByZero() {
                return !(b instanceof Lit l && l.v() == 0) && a.noLiteralDivisionByZero() && b.noLiteralDivisionByZero();
            }

            @Override
            public String toString() {
                return "(" + a + " / " + b + ")";
            }
        }
    }
}
