package org.probity.check.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The spans a generation marked over its choice sequence, in the order they began (parents before
 * their children). Span {@code i} covers choices {@code [start(i), end(i))}, has a label and a
 * parent ({@code -1} for a span at top level). Immutable once built.
 */
public final class Spans {
    /** No spans: the shrinker then works on single choices and fixed-size blocks only. */
    public static final Spans NONE = new Spans(new int[0], new int[0], new int[0], new Object[0], 0);

    private final int[] start;
    private final int[] end;
    private final int[] parent;
    private final Object[] label;
    private final int size;

    private Spans(int[] start, int[] end, int[] parent, Object[] label, int size) {
        this.start = start;
        this.end = end;
        this.parent = parent;
        this.label = label;
        this.size = size;
    }

    /** How many spans. */
    public int size() {
        return size;
    }

    /** The first choice of span {@code i}. */
    public int start(int i) {
        return start[i];
    }

    /** One past the last choice of span {@code i}. */
    public int end(int i) {
        return end[i];
    }

    /** How many choices span {@code i} covers. */
    public int length(int i) {
        return end[i] - start[i];
    }

    /** The enclosing span of {@code i}, or -1. */
    public int parent(int i) {
        return parent[i];
    }

    /** The label of span {@code i}. */
    public Object label(int i) {
        return label[i];
    }

    /** Whether spans {@code i} and {@code j} have equal labels. */
    public boolean sameLabel(int i, int j) {
        return Objects.equals(label[i], label[j]);
    }

    /** The children of span {@code p} ({@code p = -1}: the top-level spans), in order. */
    public List<Integer> children(int p) {
        List<Integer> out = new ArrayList<>();
        for (int i = p + 1; i < size; i++) {
            if (p >= 0 && start[i] >= end[p]) {
                break;
            }
            if (parent[i] == p) {
                out.add(i);
            }
        }
        return out;
    }

    /** Whether span {@code d} lies inside span {@code a} (and is not {@code a}). */
    public boolean contains(int a, int d) {
        for (int p = parent[d]; p >= 0; p = parent[p]) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    /** Builds spans while choices are drawn. */
    static final class Builder {
        private int[] start = new int[16];
        private int[] end = new int[16];
        private int[] parent = new int[16];
        private Object[] label = new Object[16];
        private int size;
        private int open = -1;

        void begin(Object spanLabel, int at) {
            if (size == start.length) {
                int n = size * 2;
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                parent = Arrays.copyOf(parent, n);
                label = Arrays.copyOf(label, n);
            }
            start[size] = at;
            end[size] = -1;
            parent[size] = open;
            label[size] = spanLabel;
            open = size++;
        }

        void end(int at) {
            if (open < 0) {
                throw new IllegalStateException("endSpan() without a matching beginSpan()");
            }
            end[open] = at;
            open = parent[open];
        }

        /** The spans, closing any left open (a generation cut short) at {@code at}. */
        Spans build(int at) {
            while (open >= 0) {
                end(at);
            }
            return new Spans(Arrays.copyOf(start, size), Arrays.copyOf(end, size), Arrays.copyOf(parent, size),
                Arrays.copyOf(label, size), size);
        }
    }
}
