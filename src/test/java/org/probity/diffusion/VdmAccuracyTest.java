package org.probity.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.UlpStats;

/**
 * {@link LogSnrSchedule} and {@link VdmLoss} against high-precision references computed here, from
 * the definitions (recipe: each reference below evaluates the paper's formula in Hipparchus
 * {@code Dfp}, with the double inputs taken as exact): schedules and SNR increments in 64 digits;
 * \( L_\infty \) by the textbook antiderivatives \( -1/(\rho w) \), \( (\log w + 1/w)/\rho^2 \),
 * \( (w - 2\log w - 1/w)/\rho^3 \) in 120 digits (their cancellation costs at most ~25 digits on
 * these inputs, leaving more than 90) and \( L_T \) as the sum of eq. 13 in 64 digits. Each dataset
 * asserts a max and an RMS budget in ulps; the measured figures are in the comments.
 */
class VdmAccuracyTest {
    private static final DfpField WIDE = new DfpField(120);

    /** The schedules of every dataset: VDM's (-13.3, 5), a wider and a narrow pair, both shapes. */
    private static List<LogSnrSchedule> schedules() {
        double[][] ends = {{-13.3, 5}, {-14, 10}, {-2, 3}, {1, 1.05}};
        List<LogSnrSchedule> out = new ArrayList<>();
        for (double[] e : ends) {
            out.add(LogSnrSchedule.linear(e[0], e[1]));
            out.add(LogSnrSchedule.cosine(e[0], e[1]));
        }
        return out;
    }

    /** γ(t) and γ'(t) in the field of {@code t0}, from the schedule's definition. */
    private static Dfp[] exactGamma(LogSnrSchedule s, Dfp t) {
        DfpField f = t.getField();
        Dfp g0 = f.newDfp(s.gamma(0));
        Dfp g1 = f.newDfp(s.gamma(1));
        if (s.name().startsWith("linear")) {
            return new Dfp[] {g0.add(g1.subtract(g0).multiply(t)), g1.subtract(g0)};
        }
        Dfp half = f.newDfp(0.5);
        Dfp b = DfpMath.atan(DfpMath.exp(g0.multiply(half)));
        Dfp a = DfpMath.atan(DfpMath.exp(g1.multiply(half))).subtract(b);
        Dfp theta = b.add(a.multiply(t));
        Dfp gamma = DfpMath.log(DfpMath.tan(theta)).multiply(2);
        Dfp derivative = a.multiply(4).divide(DfpMath.sin(theta.multiply(2)));
        return new Dfp[] {gamma, derivative};
    }

    private static Dfp snr(LogSnrSchedule s, double t) {
        return DfpMath.exp(exactGamma(s, HighPrecision.of(t))[0].negate());
    }

    @Test
    void scheduleQuantitiesWithinBudget() {
        UlpStats snr = UlpStats.of("SNR(t), 8 schedules x 65 times");
        UlpStats alpha2 = UlpStats.of("alpha_t^2 = sigmoid(-gamma)");
        UlpStats sigma2 = UlpStats.of("sigma_t^2 = sigmoid(gamma)");
        UlpStats derivative = UlpStats.of("SNR'(t)");
        Dfp one = HighPrecision.of(1);
        for (LogSnrSchedule s : schedules()) {
            for (int k = 0; k <= 64; k++) {
                double t = k / 64.0;
                Dfp[] g = exactGamma(s, HighPrecision.of(t));
                Dfp v = DfpMath.exp(g[0].negate());
                String in = s + " t=" + t;
                snr.add(in, s.snr(t), v);
                alpha2.add(in, s.alphaSquared(t), one.divide(one.add(DfpMath.exp(g[0]))));
                sigma2.add(in, s.sigmaSquared(t), one.divide(one.add(v)));
                derivative.add(in, s.snrDerivative(t), g[1].multiply(v).negate());
            }
        }
        // measured: max 6.2 / 5.0 / 5.3 / 6.8 ulps, RMS 1.4 / 0.9 / 1.0 / 1.5; budget the Javadoc's rule
        // 2 + 2 max|gamma| (|gamma| <= 14: the error of gamma made relative by exp), RMS 3
        snr.assertWithin(2 + 2 * 14, 3);
        alpha2.assertWithin(2 + 2 * 14, 3);
        sigma2.assertWithin(2 + 2 * 14, 3);
        derivative.assertWithin(4 + 2 * 14, 3);
    }

    @Test
    void incrementsAtTheGridOfOneThousandStepsWithinBudget() {
        UlpStats dSnr = UlpStats.of("SNR(s) - SNR(t), T = 1000");
        UlpStats var = UlpStats.of("sigma^2_{t|s} = 1 - alpha_t^2 / alpha_s^2, T = 1000");
        Dfp one = HighPrecision.of(1);
        int steps = 1000;
        for (LogSnrSchedule s : schedules()) {
            for (int i = 1; i <= steps; i += 37) {
                double si = (double) (i - 1) / steps;
                double ti = (double) i / steps;
                Dfp gs = exactGamma(s, HighPrecision.of(si))[0];
                Dfp gt = exactGamma(s, HighPrecision.of(ti))[0];
                String in = s + " i=" + i;
                dSnr.add(in, s.snrDecrement(si, ti), DfpMath.exp(gs.negate()).subtract(DfpMath.exp(gt.negate())));
                // alpha_t^2 / alpha_s^2 = (1 + e^gs) / (1 + e^gt)
                var.add(in, s.transitionVariance(si, ti), one.subtract(one.add(DfpMath.exp(gs)).divide(one.add(DfpMath.exp(gt)))));
            }
        }
        // measured: max 7.0 / 5.8 ulps, RMS 1.8 / 1.5: relative to the increment itself (no cancellation)
        dSnr.assertWithin(2 + 2 * 14, 3);
        var.assertWithin(4 + 2 * 14, 3);
    }

    private record Case(LogSnrSchedule schedule, SnrAffineDenoiser denoiser, double[] x) {
        @Override
        public String toString() {
            return schedule + ", x = " + java.util.Arrays.toString(x) + ", " + denoiser;
        }
    }

    private static List<Case> cases() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {16, 7});
        double[] rhos = {0.01, 1, 100};
        List<Case> out = new ArrayList<>();
        for (LogSnrSchedule s : schedules()) {
            for (double rho : rhos) {
                for (int k = 0; k < 4; k++) {
                    int d = 1 + r.nextInt(3);
                    double[] x = new double[d];
                    double[] m = new double[d];
                    double[] n = new double[d];
                    for (int j = 0; j < d; j++) {
                        x[j] = 6 * r.nextDouble() - 3;
                        m[j] = 4 * r.nextDouble() - 2;
                        n[j] = k == 1 ? (rho - 0.5) * x[j] : 4 * r.nextDouble() - 2;
                    }
                    double c = k == 1 ? 0.5 : k == 2 ? rho : 4 * r.nextDouble() - 2;
                    out.add(new Case(s, SnrAffineDenoiser.of(c, rho, k == 1 ? x : m, k == 2 ? new double[d] : n), x));
                }
            }
        }
        return out;
    }

    /** \( \tilde g(v) \) in the field of v, from the denoiser's definition. */
    private static Dfp g(SnrAffineDenoiser f, double[] x, Dfp v) {
        DfpField fd = v.getField();
        Dfp c = fd.newDfp(f.c());
        Dfp w = fd.getOne().add(fd.newDfp(f.rho()).multiply(v));
        Dfp sum = c.multiply(c).multiply(v).multiply(x.length);
        for (int j = 0; j < x.length; j++) {
            Dfp r = w.subtract(c.multiply(v)).multiply(fd.newDfp(x[j])).subtract(fd.newDfp(f.m()[j]))
                .subtract(fd.newDfp(f.n()[j]).multiply(v));
            sum = sum.add(r.multiply(r));
        }
        return sum.divide(w.multiply(w));
    }

    @Test
    void continuousLossWithinBudget() {
        UlpStats loss = UlpStats.of("L_inf closed form, 8 schedules x 12 denoisers (conditioned by the A_1 cancellation)");
        for (Case k : cases()) {
            LogSnrSchedule s = k.schedule();
            SnrAffineDenoiser f = k.denoiser();
            Dfp rho = WIDE.newDfp(f.rho());
            Dfp v0 = DfpMath.exp(WIDE.newDfp(s.gamma(1)).negate());
            Dfp v1 = DfpMath.exp(WIDE.newDfp(s.gamma(0)).negate());
            double[] a = f.coefficients(k.x());
            Dfp[] coef = exactCoefficients(f, k.x());
            Dfp j0 = antiderivative(0, rho, v1).subtract(antiderivative(0, rho, v0));
            Dfp j1 = antiderivative(1, rho, v1).subtract(antiderivative(1, rho, v0));
            Dfp j2 = antiderivative(2, rho, v1).subtract(antiderivative(2, rho, v0));
            Dfp exact = coef[0].multiply(j0).add(coef[1].multiply(j1)).add(coef[2].multiply(j2)).multiply(WIDE.newDfp(0.5));
            double kappa = 0.5 * f.integralMagnitude(k.x(), s.snr(1), s.snr(0)) / Math.abs(HighPrecision.toDouble(narrow(exact)));
            loss.addConditioned(k.toString() + " A=" + java.util.Arrays.toString(a), VdmLoss.continuous(s, f, k.x()), narrow(exact), kappa);
        }
        // measured: max 3.5 ulps, RMS 1.2 (after dividing by the cancellation factor of the A_1 term)
        loss.assertWithin(8, 2);
    }

    @Test
    void discreteLossWithinBudget() {
        UlpStats loss = UlpStats.of("L_T (eq. 13), T = 1, 10, 100, 8 schedules x 12 denoisers");
        int[] ladder = {1, 10, 100};
        java.util.Map<String, Dfp[][]> grids = new java.util.HashMap<>();
        for (Case k : cases()) {
            LogSnrSchedule s = k.schedule();
            Dfp[][] grid = grids.computeIfAbsent(s.name(), name -> {
                Dfp[][] g = new Dfp[ladder.length][];
                for (int l = 0; l < ladder.length; l++) {
                    g[l] = new Dfp[ladder[l] + 1];
                    for (int i = 0; i <= ladder[l]; i++) {
                        g[l][i] = snr(s, (double) i / ladder[l]);
                    }
                }
                return g;
            });
            for (int l = 0; l < ladder.length; l++) {
                int steps = ladder[l];
                Dfp sum = HighPrecision.of(0);
                for (int i = 1; i <= steps; i++) {
                    sum = sum.add(grid[l][i - 1].subtract(grid[l][i]).multiply(g(k.denoiser(), k.x(), grid[l][i])));
                }
                Dfp exact = sum.divide(2);
                loss.add(k + " T=" + steps, VdmLoss.discrete(s, k.denoiser().inTime(s), k.x(), steps), exact);
            }
        }
        // measured: max 18.9 ulps, RMS 2.2 (the SNR increments' and g's few ulps each, plus gamma's)
        loss.assertWithin(2 + 3 * 14, 4);
    }

    private static Dfp[] exactCoefficients(SnrAffineDenoiser f, double[] x) {
        Dfp a0 = WIDE.getZero();
        Dfp a1 = WIDE.newDfp(x.length).multiply(WIDE.newDfp(f.c())).multiply(WIDE.newDfp(f.c()));
        Dfp a2 = WIDE.getZero();
        for (int j = 0; j < x.length; j++) {
            Dfp p = WIDE.newDfp(x[j]).subtract(WIDE.newDfp(f.m()[j]));
            Dfp q = WIDE.newDfp(f.rho()).subtract(WIDE.newDfp(f.c())).multiply(WIDE.newDfp(x[j])).subtract(WIDE.newDfp(f.n()[j]));
            a0 = a0.add(p.multiply(p));
            a1 = a1.add(p.multiply(q).multiply(2));
            a2 = a2.add(q.multiply(q));
        }
        return new Dfp[] {a0, a1, a2};
    }

    /** The textbook antiderivative of \( v^k / (1 + \rho v)^2 \). */
    private static Dfp antiderivative(int k, Dfp rho, Dfp v) {
        Dfp w = WIDE.getOne().add(rho.multiply(v));
        return switch (k) {
            case 0 -> w.multiply(rho).reciprocal().negate();
            case 1 -> DfpMath.log(w).add(w.reciprocal()).divide(rho.multiply(rho));
            default -> w.subtract(DfpMath.log(w).multiply(2)).subtract(w.reciprocal()).divide(rho.multiply(rho).multiply(rho));
        };
    }

    /** A 120-digit value as a 64-digit one (through its decimal string). */
    private static Dfp narrow(Dfp x) {
        return HighPrecision.parse(x.toString());
    }
}
