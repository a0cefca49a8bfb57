package org.probity.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.probity.check.Shard;

/**
 * Everything one {@code probity verify} (or {@code check}) run found, as the reports render it.
 * Immutable. Apart from {@link #elapsed()} and each record's elapsed time, a report is determined
 * by the seed, the tries, the shard and the inputs.
 *
 * @param command    the command that made it ({@code verify} or {@code check})
 * @param version    Probity's version
 * @param seed       the run's seed
 * @param tries      tries per property (before sharding)
 * @param shard      the part of the tries this run took (printed {@code i/n}, 1-based)
 * @param checks     what was checked, in run order
 * @param schedules  the noise schedules examined (charted)
 * @param elapsed    wall-clock time of the run (a timing field)
 */
public record RunReport(String command, String version, long seed, int tries, Shard shard,
                        List<CheckRecord> checks, List<ScheduleSummary> schedules, Duration elapsed) {

    /** Copies the lists. */
    public RunReport {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(elapsed, "elapsed");
        checks = List.copyOf(checks);
        schedules = List.copyOf(schedules);
    }

    /** @return whether no check failed (checks not checked are counted apart: {@link #notChecked()}) */
    public boolean passed() {
        return checks.stream().noneMatch(CheckRecord::failed);
    }

    /** @return the number of failed checks */
    public long failures() {
        return checks.stream().filter(CheckRecord::failed).count();
    }

    /** @return the failed checks, in run order */
    public List<CheckRecord> failed() {
        return checks.stream().filter(CheckRecord::failed).toList();
    }

    /** @return the number of checks that passed */
    public long passes() {
        return checks.stream().filter(CheckRecord::passed).count();
    }

    /** @return the checks that could not be checked, in run order */
    public List<CheckRecord> notChecked() {
        return checks.stream().filter(CheckRecord::notChecked).toList();
    }
}
