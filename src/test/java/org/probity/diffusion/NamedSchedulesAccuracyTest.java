package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published quantity of the named schedules of PROTOCOL.md, β included, against 60-digit mpmath
 * references computed from the published definitions ({@link ScheduleReference}; recipe in
 * {@code schedules/make_reference.py}): per dataset (schedule × T × quantity) at most
 * {@value #MAX_ULPS} ulps and an RMS of at most {@value #RMS_ULPS} ulps, T from 1 to 100 000.
 */
class NamedSchedulesAccuracyTest {
    static final double MAX_ULPS = 4;
    static final double RMS_ULPS = 1;

    /** The accessor of each reference column. */
    static final Map<String, BiFunction<NoiseSchedule, Integer, Double>> QUANTITIES = new LinkedHashMap<>();

    static {
        QUANTITIES.put("beta", NoiseSchedule::beta);
        QUANTITIES.put("alpha", NoiseSchedule::alpha);
        QUANTITIES.put("logAlpha", NoiseSchedule::logAlpha);
        QUANTITIES.put("alphaBar", NoiseSchedule::alphaBar);
        QUANTITIES.put("sqrtAlphaBar", NoiseSchedule::sqrtAlphaBar);
        QUANTITIES.put("logAlphaBar", NoiseSchedule::logAlphaBar);
        QUANTITIES.put("oneMinusAlphaBar", NoiseSchedule::oneMinusAlphaBar);
        QUANTITIES.put("sqrtOneMinusAlphaBar", NoiseSchedule::sqrtOneMinusAlphaBar);
        QUANTITIES.put("logOneMinusAlphaBar", NoiseSchedule::logOneMinusAlphaBar);
        QUANTITIES.put("snr", NoiseSchedule::snr);
        QUANTITIES.put("logSnr", NoiseSchedule::logSnr);
        QUANTITIES.put("posteriorVariance", NoiseSchedule::posteriorVariance);
        QUANTITIES.put("logPosteriorVariance", NoiseSchedule::logPosteriorVariance);
        QUANTITIES.put("posteriorMeanCoefX0", NoiseSchedule::posteriorMeanCoefX0);
        QUANTITIES.put("posteriorMeanCoefXt", NoiseSchedule::posteriorMeanCoefXt);
    }

    static Stream<Arguments> datasets() {
        return ScheduleReference.datasets().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} T={1}")
    @MethodSource("datasets")
    void everyQuantityWithinBudget(String name, int steps) {
        ScheduleReference ref = ScheduleReference.load(name, steps);
        NoiseSchedule s = NamedSchedule.of(name).schedule(steps);
        assertThat(ref.columns()).containsExactlyElementsOf(QUANTITIES.keySet());
        assertThat(s.steps()).isEqualTo(steps);
        for (Map.Entry<String, BiFunction<NoiseSchedule, Integer, Double>> q : QUANTITIES.entrySet()) {
            double max = 0;
            double sumSquares = 0;
            int worst = 0;
            for (ScheduleReference.Row row : ref.rows()) {
                double e = ScheduleReference.ulpError(q.getValue().apply(s, row.t()), row.value(ref.columns(), q.getKey()));
                sumSquares += e * e;
                if (!(e <= max)) {
                    max = e;
                    worst = row.t();
                }
            }
            double rms = Math.sqrt(sumSquares / ref.rows().size());
            String line = String.format(Locale.ROOT, "%s T=%d %-22s n=%4d max=%6.3f ulps (t=%d) rms=%6.3f ulps",
                name, steps, q.getKey(), ref.rows().size(), max, worst, rms);
            System.out.println("[accuracy] " + line);
            assertThat(max).as(line).isLessThanOrEqualTo(MAX_ULPS);
            assertThat(rms).as(line).isLessThanOrEqualTo(RMS_ULPS);
        }
    }
}
