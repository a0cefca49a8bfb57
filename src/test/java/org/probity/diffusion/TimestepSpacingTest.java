package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * {@link TimestepSpacing} against the definitions evaluated in exact decimal arithmetic (BigDecimal,
 * half-even rounding) for every T ≤ 80 and n ≤ T, the examples of Lin et al. 2024 Table 2 at
 * T = 1000, and the ties.
 */
class TimestepSpacingTest {

    static long definition(TimestepSpacing s, int steps, int n, int k) {
        BigDecimal bt = BigDecimal.valueOf(steps);
        return switch (s) {
            case LEADING -> (long) k * (steps / n) + 1;
            case TRAILING -> bt.subtract(bt.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(n), 40, RoundingMode.HALF_EVEN))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            case LINSPACE -> n == 1 ? 1 : BigDecimal.valueOf((long) k * (steps - 1)).divide(BigDecimal.valueOf(n - 1), 40, RoundingMode.HALF_EVEN)
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact() + 1;
        };
    }

    @Test
    void everyScheduleUpToT80MatchesTheDefinition() {
        int checked = 0;
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (TimestepSpacing s : TimestepSpacing.values()) {
            for (int steps = 1; steps <= 80; steps++) {
                for (int n = 1; n <= steps; n++) {
                    int[] got = s.timesteps(steps, n);
                    long[] expected = new long[n];
                    for (int k = 0; k < n; k++) {
                        expected[k] = definition(s, steps, n, k);
                    }
                    java.util.Arrays.sort(expected);
                    for (int pos = 0; pos < n; pos++) {
                        long want = expected[n - 1 - pos]; // largest first
                        boolean ok = got.length == n && got[pos] == want && s.accepts(steps, n, pos, want)
                            && got[pos] >= 1 && got[pos] <= steps && (pos == 0 || got[pos] < got[pos - 1]);
                        if (!ok) {
                            wrong.add(s + " T=" + steps + " n=" + n + " position " + pos + ": " + java.util.Arrays.toString(got));
                        }
                        checked++;
                    }
                }
            }
        }
        System.out.println("[timesteps] " + checked + " timesteps compared with their exact definition");
        assertThat(wrong).isEmpty();
    }

    @Test
    void examplesAtT1000() {
        assertThat(TimestepSpacing.LEADING.timesteps(1000, 10)).containsExactly(901, 801, 701, 601, 501, 401, 301, 201, 101, 1);
        assertThat(TimestepSpacing.TRAILING.timesteps(1000, 10)).containsExactly(1000, 900, 800, 700, 600, 500, 400, 300, 200, 100);
        assertThat(TimestepSpacing.LINSPACE.timesteps(1000, 10)).containsExactly(1000, 889, 778, 667, 556, 445, 334, 223, 112, 1);
        assertThat(TimestepSpacing.LEADING.timesteps(1000, 3)).containsExactly(667, 334, 1);
    }

    @Test
    void tiesAcceptEitherNeighbour() {
        // trailing, T = 10, n = 4: 10, 7.5, 5, 2.5 -> half to even 10, 8, 5, 2; 7 and 3 also accepted
        assertThat(TimestepSpacing.TRAILING.timesteps(10, 4)).containsExactly(10, 8, 5, 2);
        assertThat(TimestepSpacing.TRAILING.isTie(10, 4, 1)).isTrue();
        assertThat(TimestepSpacing.TRAILING.accepts(10, 4, 1, 7)).isTrue();
        assertThat(TimestepSpacing.TRAILING.accepts(10, 4, 3, 3)).isTrue();
        assertThat(TimestepSpacing.TRAILING.accepts(10, 4, 3, 4)).isFalse();
        assertThat(TimestepSpacing.TRAILING.isTie(10, 4, 2)).isFalse();
        assertThat(TimestepSpacing.TRAILING.accepts(10, 4, 2, 6)).isFalse();
        // linspace, T = 4, n = 3: 0, 1.5, 3 (+1) -> 1, 3 (half to even of 1.5 is 2, + 1), 4; 2 also accepted
        assertThat(TimestepSpacing.LINSPACE.timesteps(4, 3)).containsExactly(4, 3, 1);
        assertThat(TimestepSpacing.LINSPACE.accepts(4, 3, 1, 2)).isTrue();
        assertThat(TimestepSpacing.LEADING.isTie(1000, 7, 3)).isFalse();
    }

    @Test
    void badArgumentsNameTheParameter() {
        assertThatThrownBy(() -> TimestepSpacing.LEADING.timesteps(10, 11)).hasMessage("n: expected a number of sampling steps in 1..10 (T), got 11");
        assertThatThrownBy(() -> TimestepSpacing.LEADING.timesteps(0, 1)).hasMessage("T: expected a number of steps >= 1, got 0");
        assertThat(TimestepSpacing.fromLabel("trailing")).contains(TimestepSpacing.TRAILING);
        assertThat(TimestepSpacing.fromLabel("uniform")).isEmpty();
    }
}
