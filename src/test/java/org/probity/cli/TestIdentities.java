package org.probity.cli;

import java.util.List;
import java.util.Queue;
import org.probity.check.Gens;
import org.probity.check.Property;
import org.probity.check.Verdict;
import org.probity.identities.Identity;
import org.probity.math.Tolerance;

/** Small identities for CLI tests: one that holds, one deliberately wrong, one that records its inputs. */
final class TestIdentities {
    static final String HOLDS = "test.log-of-product";
    static final String BROKEN = "test.naive-expm1";

    private TestIdentities() {
    }

    /** log(xy) = log x + log y on positive numbers: holds within a few ulps of the result's magnitude. */
    static Identity holds() {
        return Identity.of(HOLDS, "test", "log(x y) = log x + log y",
                Property.forAll(HOLDS, Gens.combine(Gens.doubles(0.5, 2), Gens.doubles(0.5, 2), (x, y) -> new double[] {x, y}),
                        v -> Verdict.close("log(x y) = log x + log y", Math.log(v[0] * v[1]),
                                Math.log(v[0]) + Math.log(v[1]), Tolerance.absolute(8 * Tolerance.UNIT_ROUNDOFF).named("8 u absolute"))));
    }

    /** exp(x) − 1 = expm1(x) within 4 ulps: deliberately wrong (cancellation near 0). */
    static Identity broken() {
        return Identity.of(BROKEN, "test", "exp(x) - 1 = expm1(x)",
                Property.forAll(BROKEN, Gens.doubles(-1, 1),
                        x -> Verdict.close("exp(x) - 1 = expm1(x)", Math.exp(x) - 1, Math.expm1(x),
                                Tolerance.ulps(4).named("4 ulps"))));
    }

    /** Holds, and records every input it sees into {@code seen}. */
    static Identity recording(Queue<Double> seen) {
        return Identity.of("test.recording", "test", "x = x",
                Property.forAll("test.recording", Gens.doubles(-1e6, 1e6), x -> {
                    seen.add(x);
                    return Verdict.pass();
                }));
    }

    static List<Identity> passing() {
        return List.of(holds());
    }

    static List<Identity> withBroken() {
        return List.of(holds(), broken());
    }
}
