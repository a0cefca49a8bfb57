package org.probity.cli;

import java.util.List;
import org.probity.diffusion.Schedules;
import org.probity.report.ScheduleProfile;

/**
 * The noise schedules {@code probity verify} examines and charts: the four named schedules at
 * T = 1000 and the scaled-linear schedule after the zero-terminal-SNR rescale.
 */
final class StandardSchedules {
    static final int STEPS = 1000;

    private StandardSchedules() {
    }

    static List<ScheduleProfile> profiles() {
        return List.of(
                ScheduleProfile.of("linear", Schedules.linear(STEPS)),
                ScheduleProfile.of("cosine", Schedules.cosine(STEPS)),
                ScheduleProfile.of("scaled-linear", Schedules.scaledLinear(STEPS)),
                ScheduleProfile.of("scaled-linear-zero-snr", Schedules.zeroTerminalSnr(Schedules.scaledLinear(STEPS))),
                ScheduleProfile.of("sigmoid", Schedules.sigmoid(STEPS)));
    }
}
