package org.probity.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.probity.math.Counts;

/**
 * Counts, over a run's tries, the inputs in each coverage class of a property
 * ({@link Property#cover}), and says which classes fell short of their required share.
 *
 * @param <T> the type of the inputs
 */
final class CoverageCount<T> {
    private final List<Property.Coverage<T>> coverage;
    private final int[] inClass;

    CoverageCount(List<Property.Coverage<T>> coverage) {
        this.coverage = coverage;
        this.inClass = new int[coverage.size()];
    }

    /** Counts one try's input. */
    void count(T value) {
        for (int k = 0; k < inClass.length; k++) {
            if (coverage.get(k).member().test(value)) {
                inClass[k]++;
            }
        }
    }

    /** Each class's share of {@code tries}, in percent, in the order the classes were declared. */
    Map<String, Double> percentages(int tries) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < inClass.length; k++) {
            m.put(coverage.get(k).name(), tries == 0 ? 0.0 : 100.0 * inClass[k] / tries);
        }
        return m;
    }

    /** One clause per class below its required share of {@code tries}, joined by "; "; empty when none is. */
    String shortfall(int tries) {
        List<String> shortfalls = new ArrayList<>();
        for (int k = 0; k < inClass.length; k++) {
            double pct = tries == 0 ? 0 : 100.0 * inClass[k] / tries;
            Property.Coverage<T> c = coverage.get(k);
            if (pct < c.minPercent()) {
                shortfalls.add(String.format(Locale.ROOT, "coverage: class '%s' appeared in %.2f%% of %s, required >= %s%%",
                    c.name(), pct, Counts.of(tries, "try", "tries"), c.minPercent()));
            }
        }
        return String.join("; ", shortfalls);
    }
}
