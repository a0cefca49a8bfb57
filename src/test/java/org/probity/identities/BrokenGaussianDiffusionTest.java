package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.diffusion.LinearGaussianReverse;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.VlbTerms;

/**
 * The Gaussian-diffusion identities are contracts: a second, textbook implementation passes them
 * all, and each deliberately broken variant of it (swapped KL arguments, ᾱ off by one step, β̃
 * replaced by β, a missing ½, α_t in place of √α_t in the step mean) fails the identities that must catch it. Every identity is caught by
 * at least one variant.
 */
class BrokenGaussianDiffusionTest {
    private static final RunConfig CFG = RunConfig.defaults().withTries(300);

    enum Bug { SWAPPED_KL, ALPHA_BAR_OFF_BY_ONE, TILDE_BETA_IS_BETA, MISSING_HALF, STEP_MEAN_ALPHA_NOT_SQRT }

    /** Which identities (by factory) each bug must break. */
    private static final Map<Bug, Set<String>> MUST_FAIL = Map.of(
        Bug.SWAPPED_KL, Set.of("elboBound", "elboGap", "tightBound", "vlbDecomposition", "priorKlIsKl"),
        Bug.ALPHA_BAR_OFF_BY_ONE, Set.of("composedSteps", "posteriorIsConditional", "bayesRule", "elboGap",
            "tightBound", "vlbDecomposition", "priorKlIsKl"),
        Bug.TILDE_BETA_IS_BETA, Set.of("posteriorIsConditional", "bayesRule", "elboBound", "elboGap", "tightBound",
            "vlbDecomposition"),
        // doubling every KL lowers the ELBO, so the inequality alone cannot see it; the equalities do
        Bug.MISSING_HALF, Set.of("elboGap", "tightBound", "vlbDecomposition", "priorKlIsKl"),
        Bug.STEP_MEAN_ALPHA_NOT_SQRT, Set.of("composedSteps", "markovFactorisation", "bayesRule"));

    private static List<Named> identities(GaussianDiffusionCalculus s) {
        return List.of(new Named("composedSteps", GaussianDiffusionIdentities.of(s).composedSteps()),
            new Named("markovFactorisation", GaussianDiffusionIdentities.of(s).markovFactorisation()),
            new Named("posteriorIsConditional", GaussianDiffusionIdentities.of(s).posteriorIsConditional()),
            new Named("bayesRule", GaussianDiffusionIdentities.of(s).bayesRule()),
            new Named("elboBound", GaussianDiffusionIdentities.of(s).elboBound()),
            new Named("elboGap", GaussianDiffusionIdentities.of(s).elboGap()),
            new Named("tightBound", GaussianDiffusionIdentities.of(s).tightBound()),
            new Named("vlbDecomposition", GaussianDiffusionIdentities.of(s).vlbDecomposition()),
            new Named("priorKlIsKl", GaussianDiffusionIdentities.of(s).priorKlIsKl()));
    }

    private record Named(String factory, Identity identity) {
    }

    @TestFactory
    Stream<DynamicTest> textbookImplementationPassesEveryIdentity() {
        return identities(new Textbook(EnumSet.noneOf(Bug.class))).stream().map(n -> DynamicTest.dynamicTest(n.factory, () -> {
            PropertyResult r = n.identity.property().check(CFG);
            assertThat(r.passed()).as(r.report()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachBugFailsTheIdentitiesThatMustCatchIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Bug bug : Bug.values()) {
            for (Named n : identities(new Textbook(EnumSet.of(bug)))) {
                if (MUST_FAIL.get(bug).contains(n.factory)) {
                    tests.add(DynamicTest.dynamicTest(bug + " fails " + n.factory, () -> {
                        PropertyResult r = n.identity.property().check(CFG);
                        assertThat(r.passed()).as("%s should fail %s", bug, n.factory).isFalse();
                        System.out.println(bug + " caught by " + n.factory + ":\n" + r.report());
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyIdentityIsCaughtBySomeBug() {
        return identities(GaussianDiffusionCalculus.library()).stream().map(n -> DynamicTest.dynamicTest(n.factory, () ->
            assertThat(MUST_FAIL.values().stream().anyMatch(set -> set.contains(n.factory))).isTrue()));
    }

    /** The formulas of Ho et al. 2020 evaluated directly, with optional bugs. */
    static final class Textbook implements GaussianDiffusionCalculus {
        private final Set<Bug> bugs;

        Textbook(Set<Bug> bugs) {
            this.bugs = bugs;
        }

        private int shift(int t) {
            return bugs.contains(Bug.ALPHA_BAR_OFF_BY_ONE) ? Math.max(t - 1, 0) : t;
        }

        private double abar(NoiseSchedule s, int t) {
            return s.alphaBar(shift(t));
        }

        private double oneMinusAbar(NoiseSchedule s, int t) {
            return s.oneMinusAlphaBar(shift(t));
        }

        private double kl(double m1, double v1, double m2, double v2) {
            if (bugs.contains(Bug.SWAPPED_KL)) {
                double m = m1;
                double v = v1;
                m1 = m2;
                v1 = v2;
                m2 = m;
                v2 = v;
            }
            double half = bugs.contains(Bug.MISSING_HALF) ? 1 : 0.5;
            double r = v1 / v2;
            return half * (r - 1 - Math.log(r) + (m1 - m2) * (m1 - m2) / v2);
        }

        @Override
        public double stepMean(NoiseSchedule s, int t, double xPrev) {
            if (bugs.contains(Bug.STEP_MEAN_ALPHA_NOT_SQRT)) {
                return s.alpha(t) * xPrev;
            }
            return Math.sqrt(s.alpha(t)) * xPrev;
        }

        @Override
        public double stepVariance(NoiseSchedule s, int t) {
            return s.beta(t);
        }

        @Override
        public double marginalMean(NoiseSchedule s, int t, double x0) {
            return s.sqrtAlphaBar(shift(t)) * x0;
        }

        @Override
        public double marginalVariance(NoiseSchedule s, int t) {
            return t == 0 ? 0 : oneMinusAbar(s, t);
        }

        @Override
        public double posteriorMean(NoiseSchedule s, int t, double x0, double xt) {
            double c = oneMinusAbar(s, t);
            return Math.sqrt(abar(s, t - 1)) * s.beta(t) / c * x0 + Math.sqrt(s.alpha(t)) * oneMinusAbar(s, t - 1) / c * xt;
        }

        @Override
        public double posteriorVariance(NoiseSchedule s, int t) {
            if (bugs.contains(Bug.TILDE_BETA_IS_BETA)) {
                return s.beta(t);
            }
            return s.beta(t) * oneMinusAbar(s, t - 1) / oneMinusAbar(s, t);
        }

        @Override
        public double priorKl(NoiseSchedule s, double x0) {
            int n = s.steps();
            return kl(marginalMean(s, n, x0), marginalVariance(s, n), 0, 1);
        }

        @Override
        public VlbTerms vlb(NoiseSchedule s, double x0, LinearGaussianReverse p) {
            int n = s.steps();
            double prior = kl(marginalMean(s, n, x0), marginalVariance(s, n), p.priorMean(), p.priorVariance());
            double[] steps = new double[n - 1];
            for (int t = 2; t <= n; t++) {
                double c = oneMinusAbar(s, t);
                double c0 = Math.sqrt(abar(s, t - 1)) * s.beta(t) / c;
                double ct = Math.sqrt(s.alpha(t)) * oneMinusAbar(s, t - 1) / c;
                double a = c0 * x0 - p.offset(t);
                double b = ct - p.gain(t);
                double mu = marginalMean(s, t, x0);
                double e2 = (a + b * mu) * (a + b * mu) + b * b * marginalVariance(s, t);
                steps[t - 2] = kl(Math.sqrt(e2), posteriorVariance(s, t), 0, Math.exp(p.logVariance(t)));
            }
            double g = p.gain(1);
            double s1 = Math.exp(p.logVariance(1));
            double r = x0 - g * marginalMean(s, 1, x0) - p.offset(1);
            double dec = 0.5 * Math.log(2 * Math.PI * s1) + (r * r + g * g * marginalVariance(s, 1)) / (2 * s1);
            return new VlbTerms(prior, steps, dec, 1);
        }

        @Override
        public double logLikelihood(NoiseSchedule s, double x0, LinearGaussianReverse p) {
            double m = p.priorMean();
            double v = p.priorVariance();
            for (int t = s.steps(); t >= 1; t--) {
                m = p.gain(t) * m + p.offset(t);
                v = p.gain(t) * p.gain(t) * v + Math.exp(p.logVariance(t));
            }
            return -0.5 * (Math.log(2 * Math.PI * v) + (x0 - m) * (x0 - m) / v);
        }

        @Override
        public String toString() {
            return "Textbook" + bugs;
        }
    }
}
