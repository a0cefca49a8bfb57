package org.probity.diffusion;

import org.junit.jupiter.api.Test;
import org.probity.check.Gens;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.identities.gen.ScheduleGens;
import org.probity.math.Tolerance;

/** Properties of every generated schedule (random arrays, named families, respaced, zero terminal SNR). */
class NoiseScheduleProperties {
    private static final RunConfig CFG = RunConfig.defaults().withTries(1000);
    /** Each quantity is a correctly rounded double-double value: 1 ulp, and 2 for a derived sum. */
    private static final Tolerance TWO_ULPS = Tolerance.ulps(2).named("each side within 1 ulp");

    @Test
    void alphaBarAndItsComplementSumToOne() {
        Property.forAll("abar_t + (1 - abar_t) = 1", ScheduleGens.schedules(4000, Double.MIN_NORMAL), s -> {
            Verdict v = Verdict.pass();
            for (int t = 0; t <= s.steps(); t += Math.max(1, s.steps() / 50)) {
                v = v.and(Verdict.close("sum at t = " + t, 1, s.alphaBar(t) + s.oneMinusAlphaBar(t), TWO_ULPS));
            }
            return v;
        }).assertHolds(CFG);
    }

    @Test
    void posteriorVarianceLiesBetweenZeroAndBeta() {
        Property.forAll("0 <= beta~_t <= beta_t, and beta~_t = beta_t when abar_{t-1} = 0",
            ScheduleGens.schedules(4000, Double.MIN_NORMAL), s -> {
                Verdict v = Verdict.check(s.posteriorVariance(1) == 0, "beta~_1 = 0");
                for (int t = 2; t <= s.steps(); t++) {
                    double pv = s.posteriorVariance(t);
                    v = v.and(Verdict.check(pv > 0 && pv <= s.beta(t), "0 < beta~_" + t + " <= beta_" + t));
                }
                return v;
            }).assertHolds(CFG);
    }

    @Test
    void respacingKeepsAlphaBarOnTheKeptSteps() {
        Property.forAll("respace(kept) has abar'_i = abar_{k_i}", ScheduleGens.schedules(4000, 1e-12).flatMap(s ->
            Gens.integers(1, s.steps()).map(k -> new Object[] {s, k})), o -> {
                NoiseSchedule s = (NoiseSchedule) o[0];
                int k = (Integer) o[1];
                int[] kept = new int[k];
                for (int i = 0; i < k; i++) {
                    kept[i] = (int) Math.round((double) s.steps() * (i + 1) / k);
                }
                NoiseSchedule r = s.respace(kept);
                Verdict v = Verdict.pass();
                for (int i = 1; i <= k; i += Math.max(1, k / 40)) {
                    v = v.and(Verdict.close("abar at kept step " + kept[i - 1], s.alphaBar(kept[i - 1]), r.alphaBar(i),
                        Tolerance.ulps(4).or(Tolerance.absolute(Double.MIN_NORMAL)).named("4 ulps: both sides double-double products")));
                }
                return v;
            }).assertHolds(CFG);
    }

    @Test
    void zeroTerminalSnrRescaleKeepsTheFirstStepAndZeroesTheLast() {
        Property.forAll("zeroTerminalSnr: abar_T = 0, beta_1 kept, sqrt(abar') proportional to sqrt(abar) - sqrt(abar_T)",
            ScheduleGens.named(1000, 1e-6).filter("T >= 3", s -> s.steps() >= 3), s -> {
                NoiseSchedule z = Schedules.zeroTerminalSnr(s);
                int n = s.steps();
                int t = n / 2;
                double sT = s.sqrtAlphaBar(n);
                // already zero terminal SNR (a beta = 1 or underflow): the rescale is the identity on abar
                double expected = sT == 0 ? s.sqrtAlphaBar(t) : (s.sqrtAlphaBar(t) - sT) * s.sqrtAlphaBar(1) / (s.sqrtAlphaBar(1) - sT);
                // the naive right side cancels in sqrt(abar_t) - sqrt(abar_T): condition sqrt(abar_t) / (sqrt(abar_t) - sqrt(abar_T))
                double kappa = sT == 0 ? 1 : s.sqrtAlphaBar(t) / (s.sqrtAlphaBar(t) - sT) + s.sqrtAlphaBar(1) / (s.sqrtAlphaBar(1) - sT);
                return Verdict.all(
                    Verdict.check(z.alphaBar(n) == 0 && z.beta(n) == 1, "abar'_T = 0 and beta'_T = 1"),
                    Verdict.check(z.beta(1) == s.beta(1), "beta'_1 = beta_1"),
                    Verdict.close("sqrt(abar'_t) at t = T/2", expected, z.sqrtAlphaBar(t),
                        Tolerance.conditioned(8L * n, kappa).or(Tolerance.absolute(8L * n * Tolerance.UNIT_ROUNDOFF * kappa * s.sqrtAlphaBar(1)))
                            .named("8T roundings x cancellation condition")));
            }).assertHolds(CFG);
    }
}
