package org.probity.diffusion;

import org.probity.divergence.MonteCarlo;

/**
 * A Monte Carlo estimate of the VLB with its declared error: the sample size is fixed before
 * sampling (never stopped early), and \( |\text{estimate} - L_{VLB}| \le \text{halfWidth} \) except
 * with probability about {@code falseAlarmRate} (normal approximation of the sample mean,
 * \( \text{halfWidth} = z_{1-\alpha/2}\, s / \sqrt n \), s the sample standard deviation).
 *
 * @param estimate the sample mean of the per-sample bound, nats
 * @param halfWidth the declared error bound, nats
 * @param standardError \( s / \sqrt n \)
 * @param samples n
 * @param falseAlarmRate α
 */
public record MonteCarloVlb(double estimate, double halfWidth, double standardError, int samples, double falseAlarmRate) {

    /**
     * The sample size that makes the half-width at most {@code error} when the per-sample standard
     * deviation is at most {@code sigmaBound}: \( n = \lceil (z_{1-\alpha/2}\,\sigma / \varepsilon)^2 \rceil \), the
     * z-test size of {@link MonteCarlo#normalSampleSize} at power 1/2 (at least 2).
     */
    public static int samplesFor(double falseAlarmRate, double error, double sigmaBound) {
        long n = MonteCarlo.normalSampleSize(falseAlarmRate, 0.5, error / sigmaBound);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(2, n));
    }

    /** Whether {@code exact} lies within the declared error. */
    public boolean covers(double exact) {
        return Math.abs(estimate - exact) <= halfWidth;
    }
}
