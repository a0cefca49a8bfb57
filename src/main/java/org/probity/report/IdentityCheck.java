package org.probity.report;

import java.util.Locale;
import org.probity.check.Failure;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.check.Target;
import org.probity.identities.Identity;
import org.probity.math.Counts;

/**
 * Turns the {@link PropertyResult} of one catalog identity's run into the {@link CheckRecord} that
 * the reports render (the front end runs it). A failure's record carries the engine's shrunk
 * counterexample (both sides, difference, tolerance), the seed and the {@code probity} command
 * that replays it.
 */
public final class IdentityCheck {
    private static final String REPLAY = "probity verify --seed %d --tries %d --only %s";
    private static final String REPLAY_TOKEN = "%s --replay %s";
    private static final String FAILED = "FAILED after %s and %s (seed %d, %d discarded)";

    private IdentityCheck() {
    }

    /**
     * @param identity the identity that was run
     * @param cfg      the configuration it ran with
     * @param r        its result
     * @return the record
     */
    public static CheckRecord record(Identity identity, RunConfig cfg, PropertyResult r) {
        String replay = String.format(Locale.ROOT, REPLAY, cfg.seed(), cfg.tries(), quoteIfNeeded(identity.name()));
        if (!cfg.shard().isWhole()) {
            replay += " --shard " + cfg.shard();
        }
        double largest = r.largestDifference();
        String counterexample = "";
        if (!r.passed()) {
            // Built from the parts that a seed determines (not PropertyResult.report(), which holds the
            // elapsed milliseconds), so that summary.json is byte-identical for the same seed.
            boolean replayed = r.failure().isPresent() && r.failure().get().replayed();
            StringBuilder b = new StringBuilder(replayed ? "FAILED on the input of the replay token (no seed: the token "
                    + "holds the input)" : String.format(Locale.ROOT, FAILED, Counts.of(r.tries(), "try", "tries"),
                    Counts.of(r.examples(), "example"), cfg.seed(), r.discards()));
            if (r.failure().isPresent()) {
                Failure f = r.failure().get();
                if (f.verdict().isNumeric() && !Double.isNaN(f.verdict().difference())) {
                    largest = Double.isNaN(largest) ? f.verdict().difference()
                            : Math.max(largest, f.verdict().difference());
                }
                if (f.tryIndex() >= 0 || f.replayed()) {
                    replay = String.format(Locale.ROOT, REPLAY_TOKEN, replay, f.replayToken());
                }
                b.append('\n').append(f.render().stripTrailing());
            }
            if (!r.note().isEmpty()) {
                b.append("\n  ").append(r.note());
            }
            b.append("\n  replay with the CLI: ").append(replay);
            counterexample = b.toString();
        }
        Target t = r.targets().get(Identity.TARGET);
        double worst = t == null ? Double.NaN : t.value();
        if (r.failure().isPresent() && r.failure().get().verdict().isNumeric()) {
            double u = r.failure().get().verdict().usage();
            worst = Double.isNaN(worst) ? u : Math.max(worst, u);
        }
        return new CheckRecord(identity.name(), identity.family(), "identity", identity.statement(), r.passed(),
                r.tries() + r.examples(), largest, r.tolerance(), cfg.seed(), counterexample, replay, r.elapsed(), worst);
    }

    private static String quoteIfNeeded(String name) {
        return name.matches("[A-Za-z0-9._:/+=-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
