package org.probity.spec.internal;

import org.probity.check.Choices;
import org.probity.check.Gen;
import org.probity.diffusion.LogSnrSchedule;
import org.probity.spec.ast.Statement;

/**
 * Generators of model instances for the property engine. Each draws the number of states K and of
 * steps T first, so that shrinking (which lowers choices toward 0) reaches the fewest states and
 * steps the model allows; numbers are drawn on small grids whose choice 0 is the simplest value
 * (a probability weight of 0, a mean of 0, the smallest variance on the grid).
 */
public final class InstanceGen {
    /** Points per gaussian instance at which free variables are checked. */
    static final int POINTS = 3;

    private InstanceGen() {
    }

    /**
     * Instances of the {@code markov} family of a model statement. With option {@code stationary}
     * the instance first draws π (positive; uniform with {@code stationary uniform}), each forward
     * kernel is the Metropolis–Hastings kernel of a drawn proposal for π ({@link #metropolis}: in
     * detailed balance with π, so π is stationary), and p(x_T) = π; q(x_0) and the reverse kernels
     * are drawn as without the option.
     */
    public static Gen<ModelInstance> markov(Statement.Model m) {
        return c -> {
            int k = m.statesLo() + (int) c.draw(m.statesHi() - m.statesLo());
            int steps = m.stepsLo() + (int) c.draw(m.stepsHi() - m.stepsLo());
            boolean positive = m.positive();
            double[] pi = switch (m.stationary()) {
                case NONE -> null;
                case UNIFORM -> uniform(k);
                case DRAWN -> vector(c, k, true);
            };
            double[] q0 = vector(c, k, positive);
            double[][][] forward = new double[steps + 1][][];
            for (int t = 1; t <= steps; t++) {
                forward[t] = pi == null ? matrix(c, k, positive) : metropolis(pi, matrix(c, k, positive));
            }
            double[] pT = pi == null ? vector(c, k, positive) : pi.clone();
            double[][][] reverse = new double[steps + 1][][];
            for (int t = steps; t >= 1; t--) {
                reverse[t] = matrix(c, k, positive);
            }
            return new MarkovInstance(k, q0, forward, pT, reverse, pi);
        };
    }

    /**
     * The Metropolis–Hastings kernel for the target π with proposal R:
     * \( Q_{ij} = \min(\pi_i R_{ij}, \pi_j R_{ji}) / \pi_i \) for i ≠ j and
     * \( Q_{ii} = 1 - \sum_{j \ne i} Q_{ij} \ge R_{ii} \) (Hastings 1970, eq. 5 with the Metropolis
     * acceptance min(1, π_j R_ji / (π_i R_ij))). It satisfies detailed balance
     * \( \pi_i Q_{ij} = \pi_j Q_{ji} \), so π is stationary (πQ = π); every reversible kernel with
     * stationary π is of this form (take R = Q). Positive where R is; with uniform π it is symmetric,
     * hence doubly stochastic. Accuracy: each off-diagonal entry is min(·,·)/π_i, one rounding of an
     * exact symmetric product, so π_i Q_ij and π_j Q_ji agree to a few units of the last place.
     *
     * @param pi a probability vector with every entry positive
     * @param proposal a row-stochastic K × K matrix, [i][j] = R(j | i)
     * @return Q, [i][j] = Q(j | i)
     */
    static double[][] metropolis(double[] pi, double[][] proposal) {
        int k = pi.length;
        double[][] q = new double[k][k];
        for (int i = 0; i < k; i++) {
            double off = 0;
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    q[i][j] = Math.min(pi[i] * proposal[i][j], pi[j] * proposal[j][i]) / pi[i];
                    off += q[i][j];
                }
            }
            q[i][i] = Math.max(0, 1 - off);
        }
        return q;
    }

    private static double[] uniform(int k) {
        double[] u = new double[k];
        java.util.Arrays.fill(u, 1.0 / k);
        return u;
    }

    /**
     * Instances of the {@code gaussian} family of a model statement: T, then d (when the model allows
     * several), the schedule, per dimension q(x_0) and p(x_T) (one variance for all dimensions when
     * isotropic), the reverse steps, and the points (one value per slot x_{t,i}).
     */
    public static Gen<ModelInstance> gaussian(Statement.Model m) {
        return gaussian(m, java.util.Map.of());
    }

    /**
     * As {@link #gaussian(Statement.Model)}, then the networks {@code networks} (by name) drawn as
     * random functions ({@link Networks}) after the points.
     */
    static Gen<ModelInstance> gaussian(Statement.Model m, java.util.Map<String, Networks.Shape> networks) {
        return c -> {
            int steps = m.stepsLo() + (int) c.draw(m.stepsHi() - m.stepsLo());
            int d = m.dimsLo() + (m.dimsHi() > m.dimsLo() ? (int) c.draw(m.dimsHi() - m.dimsLo()) : 0);
            double[] betas = new double[steps + 1];
            for (int t = 1; t <= steps; t++) {
                // (1..99)/100 times 10^-(0..3): from 1e-5 to 0.99; choice 0 gives 0.01
                betas[t] = (1 + c.draw(98)) / 100.0 / Math.pow(10, c.draw(3));
            }
            double[] mu0 = new double[d];
            double[] var0 = new double[d];
            double[] meanT = new double[d];
            double[] varT = new double[d];
            gaussianVector(c, mu0, var0, m.diagonal());
            gaussianVector(c, meanT, varT, m.diagonal());
            double[][] ra = new double[steps + 1][d];
            double[][] rb = new double[steps + 1][d];
            double[][] rc = new double[steps + 1][d];
            for (int t = steps; t >= 1; t--) {
                for (int i = 0; i < d; i++) {
                    ra[t][i] = signed(c, 40) / 20.0;
                    rb[t][i] = signed(c, 40) / 10.0;
                    rc[t][i] = i == 0 || m.diagonal() ? (1 + c.draw(39)) / 20.0 : rc[t][0];
                }
            }
            double[][] points = new double[POINTS][(steps + 1) * d];
            for (double[] p : points) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = signed(c, 60) / 10.0;
                }
            }
            // in a vdm model a network's step is a time in [0, 1]: drawn at keys 0 and 1, interpolated between
            Networks nets = networks.isEmpty() ? Networks.NONE : Networks.draw(c, networks, m.vdm() ? 1 : steps, d);
            LogSnrSchedule continuous = m.vdm() ? logSnr(c) : null;
            return new GaussianInstance(new GaussianParameters(betas, mu0, var0, meanT, varT, ra, rb, rc), points, nets,
                continuous);
        };
    }

    /**
     * The continuous-time schedule of a {@code vdm} model: VDM's linear log-SNR or the truncated
     * cosine ({@link LogSnrSchedule}), \( \gamma_0 \in \{-1, \dots, -10\} \),
     * \( \gamma_1 \in \{1, \dots, 8\} \) (SNR from e^{10} ≈ 2.2e4 down to e^{-8}; VDM's learned
     * schedules end near −13.3 and 5). Choice 0 gives linear(−1, 1).
     */
    static LogSnrSchedule logSnr(Choices c) {
        boolean cosine = c.draw(1) == 1;
        double gamma0 = -(1 + c.draw(9));
        double gamma1 = 1 + c.draw(7);
        return cosine ? LogSnrSchedule.cosine(gamma0, gamma1) : LogSnrSchedule.linear(gamma0, gamma1);
    }

    /**
     * Means in -2..2 by 0.1; variances (1..39)/10 times 10^-(0..2), from 0.001 to 3.9 (one for all
     * dimensions unless diagonal): below 1/(2 pi e) = 0.0585, where a Gaussian's differential entropy
     * turns negative, as well as above 1. Choice 0 gives 0.1.
     */
    private static void gaussianVector(Choices c, double[] mean, double[] var, boolean diagonal) {
        for (int i = 0; i < mean.length; i++) {
            mean[i] = signed(c, 40) / 10.0;
            var[i] = i == 0 || diagonal ? (1 + c.draw(39)) / 10.0 / Math.pow(10, c.draw(2)) : var[0];
        }
    }

    /** 0, -1, 1, -2, 2, ... for choices 0, 1, 2, 3, 4, ... */
    static long signed(Choices c, long max) {
        long d = c.draw(max);
        return (d & 1) == 0 ? d / 2 : -(d + 1) / 2;
    }

    /** A probability vector from integer weights: 0 (unless positive) or 1..10; all zero gives uniform. */
    private static double[] vector(Choices c, int k, boolean positive) {
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            boolean zero = !positive && c.draw(3) == 0;
            w[i] = zero ? 0 : 1 + c.draw(9);
            sum += w[i];
        }
        for (int i = 0; i < k; i++) {
            w[i] = sum == 0 ? 1.0 / k : w[i] / sum;
        }
        return w;
    }

    private static double[][] matrix(Choices c, int k, boolean positive) {
        double[][] m = new double[k][];
        for (int i = 0; i < k; i++) {
            m[i] = vector(c, k, positive);
        }
        return m;
    }
}
