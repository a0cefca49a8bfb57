package org.probity.check.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shrink pass that reorders same-shaped spans: for each span (and the top level), the children
 * that share a label — elements of one list, arguments of one kind — are sorted so that their
 * concatenation is lexicographically least; if that does not keep the failure, each pair of them
 * whose swap lowers the sequence is swapped, adjacent or not. So {@code [1, 0]} becomes
 * {@code [0, 1]} and a permutation becomes sorted. Calls on failure: per group of m children,
 * 1 + C(min(m, {@value #SPAN_CAP}), 2).
 *
 * @param <A> the payload of a failing attempt
 */
final class ReorderPass<A> {
    /** The most spans of one group that are swapped pairwise. */
    private static final int SPAN_CAP = 32;

    private final ShrinkTarget<A> t;

    ReorderPass(ShrinkTarget<A> target) {
        this.t = target;
    }

    /** Runs the pass over every span's groups of children, repeating a group's span while it improves. */
    void run() {
        for (int p = -1; p < t.spans().size() && !t.exhausted(); p++) {
            boolean again = true;
            while (again && !t.exhausted() && p < t.spans().size()) {
                again = false;
                for (List<Integer> group : groupsOfChildren(p)) {
                    if (group.size() >= 2 && reorderGroup(group)) {
                        again = true;
                        break;
                    }
                }
            }
        }
    }

    private List<List<Integer>> groupsOfChildren(int p) {
        Spans s = t.spans();
        Map<Object, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int c : s.children(p)) {
            if (s.label(c) != null) {
                byLabel.computeIfAbsent(s.label(c), k -> new ArrayList<>()).add(c);
            }
        }
        return new ArrayList<>(byLabel.values());
    }

    private boolean reorderGroup(List<Integer> group) {
        Spans s = t.spans();
        long[] c = t.choices();
        List<long[]> parts = new ArrayList<>();
        for (int g : group) {
            parts.add(Arrays.copyOfRange(c, s.start(g), s.end(g)));
        }
        List<long[]> sorted = new ArrayList<>(parts);
        sorted.sort(ReorderPass::concatenationOrder);
        if (t.consider(rearrange(c, s, group, sorted))) {
            return true;
        }
        int m = Math.min(group.size(), SPAN_CAP);
        for (int i = 0; i < m && !t.exhausted(); i++) {
            for (int j = i + 1; j < m && !t.exhausted(); j++) {
                if (concatenationOrder(parts.get(j), parts.get(i)) < 0) {
                    List<long[]> swapped = new ArrayList<>(parts);
                    swapped.set(i, parts.get(j));
                    swapped.set(j, parts.get(i));
                    if (t.consider(rearrange(c, s, group, swapped))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Orders x before y when x followed by y is lexicographically below y followed by x. */
    private static int concatenationOrder(long[] x, long[] y) {
        long[] xy = new long[x.length + y.length];
        System.arraycopy(x, 0, xy, 0, x.length);
        System.arraycopy(y, 0, xy, x.length, y.length);
        long[] yx = new long[x.length + y.length];
        System.arraycopy(y, 0, yx, 0, y.length);
        System.arraycopy(x, 0, yx, y.length, x.length);
        return Arrays.compare(xy, yx);
    }

    /** {@code c} with the spans of {@code group} (disjoint, in order) holding {@code parts} in turn. */
    private static long[] rearrange(long[] c, Spans s, List<Integer> group, List<long[]> parts) {
        long[] out = new long[c.length];
        int w = 0;
        int r = 0;
        for (int k = 0; k < group.size(); k++) {
            int g = group.get(k);
            int len = s.start(g) - r;
            System.arraycopy(c, r, out, w, len);
            w += len;
            long[] part = parts.get(k);
            System.arraycopy(part, 0, out, w, part.length);
            w += part.length;
            r = s.end(g);
        }
        System.arraycopy(c, r, out, w, c.length - r);
        return out;
    }
}
