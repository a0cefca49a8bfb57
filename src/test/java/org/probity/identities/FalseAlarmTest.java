package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.check.Verdict;
import org.probity.divergence.Divergences;

/**
 * The false alarms that {@code probity verify --tries 1000} raised on Probity's own catalog (issue
 * 11), each on the instance that raised it: a correct implementation must pass.
 */
class FalseAlarmTest {
    @Test
    void pinskerOnAVectorThatSumsToOnePlusTwoToTheMinus54() {
        // verify --seed 3: KL = 0 against a bound of 1.5e-33 with a tolerance of 1e-47, because the
        // rounded sum of q hid its normalisation error of 2^-54
        var pair = new DivergenceIdentities.CategoricalPair(new double[] {0, 1}, new double[] {0x1.0p-54, 1});
        Verdict v = DivergenceIdentities.pinsker(Divergences.library(), pair);
        assertThat(v.passed()).as(v.render()).isTrue();
        assertThat(v.lhs()).isZero();
        assertThat(v.allowance()).isGreaterThanOrEqualTo(v.difference()).isLessThan(1e-15);
    }
}
