package org.probity.check;

import java.util.Objects;
import org.probity.check.internal.SeededTrials;

/**
 * Entry point to the property engine for callers that evaluate properties their own way:
 * {@link #trials} gives a run's generated inputs with the engine's seeding, discards, shrinking and
 * replay tokens ({@link Trials}). {@link Property} is the all-in-one API on top of it.
 */
public final class Engine {
    private Engine() {
    }

    /**
     * The generated inputs of one run of the property {@code name}.
     *
     * @param name the property's name (keys its replay tokens)
     * @param gen the input generator
     * @param cfg tries, seed, shard, discard and shrink budgets, replay token
     * @return the run's trials
     */
    public static <T> Trials<T> trials(String name, Gen<T> gen, RunConfig cfg) {
        return new SeededTrials<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(gen, "gen"),
            Objects.requireNonNull(cfg, "cfg"));
    }
}
