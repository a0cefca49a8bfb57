package org.probity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.probity.math.NeumaierSum;

/** The @PropertyTest example of README.md's guide to the engine, run as a test. */
class ReadmeSoftmaxTest {
    @PropertyTest(tries = 500)
    void softmaxSumsToOne(@Size(min = 1, max = 16) @Doubles(min = -30, max = 30) double[] z) {
        double m = Arrays.stream(z).max().getAsDouble();
        double[] e = Arrays.stream(z).map(x -> Math.exp(x - m)).toArray();
        double s = NeumaierSum.sum(e);
        double[] p = Arrays.stream(e).map(x -> x / s).toArray();
        assertThat(NeumaierSum.sum(p)).isCloseTo(1.0, within(4 * Math.ulp(1.0)));
    }
}
