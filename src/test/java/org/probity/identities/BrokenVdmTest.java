package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.diffusion.AffineDenoiser;
import org.probity.diffusion.LogSnrSchedule;
import org.probity.diffusion.SnrAffineDenoiser;
import org.probity.diffusion.VdmLoss;
import org.probity.divergence.Estimate;

/**
 * The VDM identities are contracts: each planted error in the losses (a missing ½ in eq. 17 or 13,
 * the wrong sign of SNR′, SNR(t) − SNR(s) for SNR(s) − SNR(t), the left endpoint in eq. 13) fails the
 * identities that must catch it, with a shrunk counterexample of dimension d ≤ 2; every identity is
 * caught by some error. (Probity's own implementation passes them: {@code VdmIdentitiesProperties}.)
 */
class BrokenVdmTest {
    private static final RunConfig CFG = RunConfig.defaults().withTries(200);

    enum Bug { MISSING_HALF_CONTINUOUS, WRONG_SIGN_SNR_DERIVATIVE, MISSING_HALF_DISCRETE, SNR_DIFFERENCE_REVERSED,
        LEFT_ENDPOINT }

    /** Which identities (by factory) each bug must break. */
    private static final Map<Bug, Set<String>> MUST_FAIL = Map.of(
        Bug.MISSING_HALF_CONTINUOUS, Set.of("continuousLimit", "scheduleInvariance"),
        Bug.WRONG_SIGN_SNR_DERIVATIVE, Set.of("scheduleInvariance"),
        Bug.MISSING_HALF_DISCRETE, Set.of("discreteLossIsKlSum", "continuousLimit"),
        Bug.SNR_DIFFERENCE_REVERSED, Set.of("discreteLossIsKlSum", "continuousLimit"),
        // a left-endpoint sum also converges to L_inf: only the KL sum pins eq. 13's right endpoint
        Bug.LEFT_ENDPOINT, Set.of("discreteLossIsKlSum"));

    private record Named(String factory, Identity identity) {
    }

    private static List<Named> identities(VdmCalculus c) {
        VdmIdentities f = VdmIdentities.of(c);
        return List.of(new Named("discreteLossIsKlSum", f.discreteLossIsKlSum()),
            new Named("continuousLimit", f.continuousLimit()), new Named("scheduleInvariance", f.scheduleInvariance()));
    }

    @TestFactory
    Stream<DynamicTest> eachBugFailsTheIdentitiesThatMustCatchItWithASmallCounterexample() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Bug bug : Bug.values()) {
            for (Named n : identities(new Broken(bug))) {
                if (MUST_FAIL.get(bug).contains(n.factory)) {
                    tests.add(DynamicTest.dynamicTest(bug + " fails " + n.factory, () -> {
                        PropertyResult r = n.identity.property().check(CFG);
                        assertThat(r.passed()).as("%s should fail %s", bug, n.factory).isFalse();
                        assertThat(r.failure().orElseThrow().counterexample()).as(r.report()).matches("(?s)d = [12], .*");
                        System.out.println(bug + " caught by " + n.factory + ":\n" + r.report());
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyIdentityIsCaughtBySomeBug() {
        return identities(VdmCalculus.library()).stream().map(n -> DynamicTest.dynamicTest(n.factory, () ->
            assertThat(MUST_FAIL.values().stream().anyMatch(set -> set.contains(n.factory))).isTrue()));
    }

    /** Probity's losses with one planted error. */
    static final class Broken extends LibraryVdmCalculus {
        private final Bug bug;

        Broken(Bug bug) {
            this.bug = bug;
        }

        @Override
        public double discreteLoss(LogSnrSchedule s, AffineDenoiser f, double[] x, int steps) {
            if (bug == Bug.MISSING_HALF_DISCRETE) {
                return 2 * super.discreteLoss(s, f, x, steps);
            }
            if (bug == Bug.SNR_DIFFERENCE_REVERSED || bug == Bug.LEFT_ENDPOINT) {
                double sum = 0;
                for (int i = 1; i <= steps; i++) {
                    double si = (double) (i - 1) / steps;
                    double ti = (double) i / steps;
                    double dSnr = bug == Bug.SNR_DIFFERENCE_REVERSED ? s.snr(ti) - s.snr(si) : s.snrDecrement(si, ti);
                    sum += 0.5 * dSnr * VdmLoss.expectedSquaredError(s, f, x, bug == Bug.LEFT_ENDPOINT ? si : ti);
                }
                return sum;
            }
            return super.discreteLoss(s, f, x, steps);
        }

        @Override
        public double continuousLoss(LogSnrSchedule s, SnrAffineDenoiser f, double[] x) {
            double l = super.continuousLoss(s, f, x);
            return bug == Bug.MISSING_HALF_CONTINUOUS ? 2 * l : l;
        }

        @Override
        public Estimate continuousLossByQuadrature(LogSnrSchedule s, AffineDenoiser f, double[] x) {
            Estimate q = super.continuousLossByQuadrature(s, f, x);
            return bug == Bug.WRONG_SIGN_SNR_DERIVATIVE ? new Estimate(-q.value(), q.errorBound(), q.evaluations(), q.method()) : q;
        }

        @Override
        public String toString() {
            return "VdmLoss with " + bug;
        }
    }
}
