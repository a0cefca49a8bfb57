package org.probity.junit;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The arguments of one call of a {@link PropertyTest} method, rendered with the parameter names
 * when the class was compiled with {@code -parameters} ({@code (k = 3, p = [0.5, 0.5])}), by
 * position otherwise.
 */
final class Arguments {
    private final String[] names;
    private final Object[] values;

    Arguments(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** The argument values, in parameter order (a copy). */
    Object[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < values.length; i++) {
            j.add(names[i] == null ? show(values[i]) : names[i] + " = " + show(values[i]));
        }
        return j.toString();
    }

    /** A value as the engine's reports show it: arrays by content. */
    private static String show(Object v) {
        String s = Arrays.deepToString(new Object[] {v});
        return s.substring(1, s.length() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arguments a && Arrays.deepEquals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }
}
