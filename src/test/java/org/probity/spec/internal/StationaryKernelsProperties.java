package org.probity.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;
import org.probity.spec.ast.Statement;

/**
 * The instances of {@code model markov stationary [uniform]} ({@link InstanceGen#markov}): every
 * forward kernel is row-stochastic, in detailed balance with the drawn π (so π is stationary), p(x_T)
 * is π; with {@code uniform} π is uniform and every kernel symmetric, hence doubly stochastic; the
 * reversal under π ({@link Assumptions#reversal}) of each kernel is a kernel and equals it.
 *
 * <p>Tolerances: a row sum of Q is K − 1 off-diagonal entries plus their complement, at most
 * 2K roundings ({@link #rowRule}); an entry of πQ adds K products, each of an entry with at most
 * 3 roundings (product, min, quotient) and K more in the complement on the diagonal: within the
 * chain package's 8 max(K, 2) u per entry ({@link #stationaryRule}); π_i Q_ij and π_j Q_ji are
 * one exact symmetric value m with two roundings each, 4 u m apart at most ({@link #balanceRule}).
 */
class StationaryKernelsProperties {
    private static final RunConfig CFG = RunConfig.defaults().withTries(300);

    private static Statement.Model model(Statement.Stationary s, boolean positive) {
        return new Statement.Model(Set.of("markov"), 2, 4, 1, 3, positive, 1, 1, false, false, s, 1);
    }

    static Tolerance rowRule(int k) {
        return Tolerances.roundedSum(2.0 * k, 1).named(String.format(Locale.ROOT, "2K u, K = %d", k));
    }

    static Tolerance stationaryRule(int k) {
        return Tolerances.roundedSum(8.0 * Math.max(k, 2), 1)
            .named(String.format(Locale.ROOT, "8 max(K, 2) u, K = %d", k));
    }

    static Tolerance balanceRule(double m) {
        return Tolerances.roundedSum(4, m).named(String.format(Locale.ROOT, "4 u max(1, m), m = %.3g", m));
    }

    private static List<Verdict> kernelChecks(MarkovInstance m) {
        int k = m.states();
        double[] pi = m.pi();
        List<Verdict> all = new ArrayList<>();
        for (int t = 1; t <= m.steps(); t++) {
            double[][] q = m.forward(t);
            double[][] reversed = Assumptions.reversal(q, pi);
            for (int i = 0; i < k; i++) {
                double row = 0;
                double moved = 0;
                double reversedRow = 0;
                for (int j = 0; j < k; j++) {
                    all.add(q[i][j] >= 0 ? Verdict.pass() : Verdict.fail("Q_" + t + "[" + i + "][" + j + "] = "
                        + q[i][j] + " < 0"));
                    row += q[i][j];
                    moved += pi[j] * q[j][i];
                    reversedRow += reversed[i][j];
                    double a = pi[i] * q[i][j];
                    double b = pi[j] * q[j][i];
                    all.add(Verdict.close("detailed balance pi_" + i + " Q_" + t + "[" + i + "][" + j + "]", a, b,
                        balanceRule(Math.max(a, b))));
                    all.add(Verdict.close("reversal under pi = Q_" + t + " at [" + i + "][" + j + "]", reversed[i][j],
                        q[i][j], Tolerances.roundedSum(6, Math.max(a, b) / pi[i])
                            .named("6 u max(1, m / pi_i): the balance rule over pi_i, two more roundings")));
                }
                all.add(Verdict.close("row " + i + " of Q_" + t, row, 1, rowRule(k)));
                all.add(Verdict.close("(pi Q_" + t + ")_" + i + " = pi_" + i, moved, pi[i], stationaryRule(k)));
                all.add(Verdict.close("row " + i + " of Q_" + t + " reversed under pi", reversedRow, 1,
                    Tolerances.roundedSum(10.0 * Math.max(k, 2), 1 / pi[i])
                        .named("(8 max(K, 2) + 2K) u / pi_i: the stationary rule over pi_i, K more roundings")));
            }
        }
        for (int i = 0; i < k; i++) {
            all.add(m.prior()[i] == pi[i] ? Verdict.pass() : Verdict.fail("p(x_T) != pi at " + i));
        }
        return all;
    }

    @Test
    void drawnPiIsStationaryAndEveryKernelIsInDetailedBalanceWithIt() {
        boolean[] nonUniform = {false};
        for (boolean positive : new boolean[] {true, false}) {
            Property.forAll("stationary kernels", InstanceGen.markov(model(Statement.Stationary.DRAWN, positive)),
                inst -> {
                    MarkovInstance m = (MarkovInstance) inst;
                    double[] pi = m.pi();
                    for (double p : pi) {
                        nonUniform[0] |= Math.abs(p - pi[0]) > 0.05;
                        if (!(p > 0)) {
                            return Verdict.fail("pi has an entry " + p + " <= 0");
                        }
                    }
                    return Verdict.all(kernelChecks(m).toArray(new Verdict[0]));
                }).assertHolds(CFG);
        }
        assertThat(nonUniform[0]).as("some drawn pi is far from uniform").isTrue();
    }

    @Test
    void uniformPiGivesSymmetricDoublyStochasticKernels() {
        Property.forAll("uniform stationary kernels", InstanceGen.markov(model(Statement.Stationary.UNIFORM, true)),
            inst -> {
                MarkovInstance m = (MarkovInstance) inst;
                List<Verdict> all = kernelChecks(m);
                for (int t = 1; t <= m.steps(); t++) {
                    double[][] q = m.forward(t);
                    for (int j = 0; j < m.states(); j++) {
                        all.add(m.pi()[j] == 1.0 / m.states() ? Verdict.pass() : Verdict.fail("pi not uniform"));
                        double column = 0;
                        for (int i = 0; i < m.states(); i++) {
                            column += q[i][j];
                            all.add(q[i][j] == q[j][i] ? Verdict.pass()
                                : Verdict.fail("Q_" + t + " not symmetric at [" + i + "][" + j + "]"));
                        }
                        all.add(Verdict.close("column " + j + " of Q_" + t, column, 1, rowRule(m.states())));
                    }
                }
                return Verdict.all(all.toArray(new Verdict[0]));
            }).assertHolds(CFG);
    }

    @Test
    void withoutTheOptionThereIsNoPi() {
        Property.forAll("no pi", InstanceGen.markov(model(Statement.Stationary.NONE, true)),
            inst -> ((MarkovInstance) inst).pi() == null ? Verdict.pass() : Verdict.fail("pi drawn"))
            .assertHolds(RunConfig.defaults().withTries(20));
    }
}
