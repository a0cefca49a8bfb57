package org.probity.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.conformance.ConformanceChecker;

/**
 * Issue 13, fault 7: the default candidate count lets shrinking reach a minimal input (it is bounded
 * by time, not by a count that stops half-way). That an op that raises is shown on a batch of one
 * element is tested in {@link CrashAndBlameTest}.
 */
class ShrinkBudgetTest {
    @Test
    void byDefaultANotCheckableRegionIsShownOnTheShortestSchedule() {
        // x0-hat's region on seed 1: before, the default of 300 candidates left a T = 790 schedule of 6 points.
        // The time budget is raised so that only the default candidate count is tested, not this machine's speed.
        @SuppressWarnings("unchecked")
        ConformanceProperty<ScheduleCase> p = (ConformanceProperty<ScheduleCase>) ScheduleProperties.predictReference(
            CaseGens.within(org.probity.conformance.StepLimits.NONE));
        ConventionalFloat32 impl = new CrashAndBlameTest.CrashesAtOneStep();
        org.probity.conformance.PropertyRun run = PropertyRunner.run(p, new CheckContext(impl, impl.describe().precision()),
            ConformanceChecker.options(1).withTries(30)
                .withShrinkTimeBudget(java.time.Duration.ofMinutes(5))).orElseThrow();
        assertThat(run.notCheckable()).isPresent();
        // T = 1 raises, so T = 2 with one point is the simplest input of the region
        assertThat(run.notCheckable().get().input()).startsWith("schedule random, T = 2,").doesNotContain("batch of");
    }
}
