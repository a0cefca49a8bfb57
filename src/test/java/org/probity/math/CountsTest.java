package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A count and its noun: singular for exactly one, plural for every other count, zero included. */
class CountsTest {
    @Test
    void oneTakesTheSingularEveryOtherCountThePlural() {
        assertThat(Counts.of(1, "check")).isEqualTo("1 check");
        assertThat(Counts.of(0, "check")).isEqualTo("0 checks");
        assertThat(Counts.of(2, "check")).isEqualTo("2 checks");
        assertThat(Counts.of(-1, "check")).isEqualTo("-1 checks");
        assertThat(Counts.of(1_000_000_000_000L, "instance")).isEqualTo("1000000000000 instances");
    }

    @Test
    void irregularPluralsAreGivenByTheCaller() {
        assertThat(Counts.of(1, "try", "tries")).isEqualTo("1 try");
        assertThat(Counts.of(3, "property", "properties")).isEqualTo("3 properties");
        assertThat(Counts.noun(1, "fails", "fail")).isEqualTo("fails");
        assertThat(Counts.noun(0, "fails", "fail")).isEqualTo("fail");
    }
}
