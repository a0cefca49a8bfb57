package org.probity.conformance.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.probity.diffusion.NoiseSchedule;

/**
 * A schedule (its family and β values) and a batch of points: one request for the schedule ops.
 *
 * @param family how the schedule was made, e.g. {@code "cosine"}
 * @param schedule the schedule (Probity's reference for every schedule quantity)
 * @param points the batch
 */
public record ScheduleCase(String family, NoiseSchedule schedule, List<SchedulePoint> points) {

    /** β_1..β_T. */
    public double[] betas() {
        return schedule.betas();
    }

    /** The timesteps of the batch. */
    public int[] t() {
        return points.stream().mapToInt(SchedulePoint::t).toArray();
    }

    /** One per-element argument of the batch. */
    public double[] column(ToDoubleFunction<SchedulePoint> f) {
        return points.stream().mapToDouble(f).toArray();
    }

    /** A copy with only the given points. */
    public ScheduleCase withPoints(List<SchedulePoint> kept) {
        return new ScheduleCase(family, schedule, List.copyOf(kept));
    }

    /** The schedule as a finding prints it: family, T and the β values. */
    public String describeSchedule() {
        double[] b = schedule.betas();
        String betas;
        if (b.length <= 12) {
            betas = Arrays.stream(b).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
        } else {
            betas = Arrays.stream(Arrays.copyOf(b, 5)).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", ""))
                + ", … , " + Arrays.stream(Arrays.copyOfRange(b, b.length - 5, b.length)).mapToObj(Double::toString)
                    .collect(Collectors.joining(", ", "", "]"));
        }
        return String.format(Locale.ROOT, "schedule %s, T = %d, betas = %s", family, b.length, betas);
    }
}
