package org.probity.diffusion;

import java.util.Locale;
import java.util.Optional;

/**
 * How a sampler picks n of the T training timesteps (Lin et al. 2024, "Common Diffusion Noise
 * Schedules and Sample Steps are Flawed", Table 2; the {@code timestep_spacing} of diffusers), written
 * 1-based (\( t \in 1..T \); 0-based code adds 1) and listed in sampling order, largest first, for
 * \( k = 0, \dots, n - 1 \):
 * <ul>
 *   <li>{@link #LEADING}: \( t_k = k \lfloor T/n \rfloor + 1 \) (never reaches T when n ∤ T);</li>
 *   <li>{@link #TRAILING}: \( t_k = \mathrm{round}(T - k T/n) \) (always starts at T);</li>
 *   <li>{@link #LINSPACE}: \( t_k = \mathrm{round}(k (T - 1)/(n - 1)) + 1 \) (from 1 to T).</li>
 * </ul>
 * The values are exact: each rounding is decided in integer arithmetic. Where the exact value is a
 * tie (a half-integer), {@link #timesteps} rounds half to even as NumPy does, and {@link #accepts}
 * also accepts the other neighbour, since code that evaluates the fraction in floating point may land
 * on either side of the tie. For \( 1 \le n \le T \) every spacing gives n distinct timesteps in 1..T.
 */
public enum TimestepSpacing {
    /** \( t_k = k \lfloor T/n \rfloor + 1 \). */
    LEADING("leading"),
    /** \( t_k = \mathrm{round}(T - k T/n) \). */
    TRAILING("trailing"),
    /** \( t_k = \mathrm{round}(k (T - 1)/(n - 1)) + 1 \). */
    LINSPACE("linspace");

    private static final String MSG_N = "n: expected a number of sampling steps in 1..%d (T), got %d";
    private static final String MSG_T = "T: expected a number of steps >= 1, got %d";

    private final String label;

    TimestepSpacing(String label) {
        this.label = label;
    }

    /** The conventional name: {@code leading}, {@code trailing} or {@code linspace}. */
    public String label() {
        return label;
    }

    /**
     * The n timesteps, largest first, ties rounded half to even.
     *
     * @param steps T ≥ 1
     * @param n the number of sampling steps, \( 1 \le n \le T \)
     * @return n strictly decreasing timesteps in 1..T
     * @throws IllegalArgumentException naming T or n
     */
    public int[] timesteps(int steps, int n) {
        check(steps, n);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            long[] v = exact(steps, n, k);
            long floor = Math.floorDiv(v[0], v[1]);
            long twice = 2 * (v[0] - floor * v[1]); // twice the fractional part, in units of 1/den
            long rounded = twice < v[1] ? floor : twice > v[1] ? floor + 1 : floor + (floor & 1);
            out[k] = (int) (rounded + v[2]);
        }
        return out;
    }

    /**
     * Whether the k-th timestep (k = 0 is the first, the largest) may be {@code value}: the rounded
     * exact value, or either neighbour of a tie.
     *
     * @param steps T ≥ 1
     * @param n \( 1 \le n \le T \)
     * @param k the position in sampling order, \( 0 \le k &lt; n \)
     * @param value the implementation's timestep
     * @return whether the contract accepts it
     */
    public boolean accepts(int steps, int n, int k, long value) {
        check(steps, n);
        long[] v = exact(steps, n, k);
        long floor = Math.floorDiv(v[0], v[1]);
        long twice = 2 * (v[0] - floor * v[1]);
        if (twice == v[1]) {
            return value == floor + v[2] || value == floor + 1 + v[2];
        }
        return value == (twice < v[1] ? floor : floor + 1) + v[2];
    }

    /** Whether the k-th timestep's exact value is a half-integer, where either neighbour is accepted. */
    public boolean isTie(int steps, int n, int k) {
        check(steps, n);
        long[] v = exact(steps, n, k);
        long floor = Math.floorDiv(v[0], v[1]);
        return 2 * (v[0] - floor * v[1]) == v[1];
    }

    /**
     * {numerator, denominator, offset}: the timestep at position k of the sampling order is
     * round(num/den) + offset. The formulas' own index runs upwards for leading and linspace, so
     * position k is their index n - 1 - k.
     */
    private long[] exact(int steps, int n, int k) {
        long up = n - 1 - k;
        return switch (this) {
            case LEADING -> new long[] {up * (steps / n), 1, 1};
            case TRAILING -> new long[] {(long) steps * n - (long) k * steps, n, 0};
            case LINSPACE -> n == 1 ? new long[] {0, 1, 1} : new long[] {up * (steps - 1), n - 1, 1};
        };
    }

    private static void check(int steps, int n) {
        if (!(steps >= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_T, steps));
        }
        if (!(n >= 1 && n <= steps)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_N, steps, n));
        }
    }

    /**
     * The spacing with this conventional name.
     *
     * @param label {@code leading}, {@code trailing} or {@code linspace}
     * @return the spacing, or empty for any other name
     */
    public static Optional<TimestepSpacing> fromLabel(String label) {
        for (TimestepSpacing s : values()) {
            if (s.label.equals(label)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
