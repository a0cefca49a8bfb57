package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.probity.math.LogSpace;

/** A JVM implementation is checked in-process through the same SPI as an adapter process. */
class InProcessImplementationTest {

    /** normal_kl and the three categorical ops in plain Java; {@code halfMissing} drops the ½ of the Gaussian KL. */
    static final class JavaKl implements Implementation {
        private final boolean halfMissing;
        private final boolean nanForZeroLogZero;

        JavaKl(boolean halfMissing, boolean nanForZeroLogZero) {
            this.halfMissing = halfMissing;
            this.nanForZeroLogZero = nanForZeroLogZero;
        }

        @Override
        public Description describe() {
            return Description.of("java-kl", EnumSet.of(Op.NORMAL_KL, Op.CATEGORICAL_KL, Op.CATEGORICAL_ENTROPY,
                Op.CATEGORICAL_CROSS_ENTROPY), Precision.FLOAT64);
        }

        @Override
        public double[] normalKl(double[] m1, double[] lv1, double[] m2, double[] lv2) {
            double[] out = new double[m1.length];
            for (int i = 0; i < out.length; i++) {
                double d = lv1[i] - lv2[i];
                double dm = m1[i] - m2[i];
                out[i] = (halfMissing ? 1 : 0.5) * (Math.expm1(d) - d + dm * dm * Math.exp(-lv2[i]));
            }
            return out;
        }

        private double xlogy(double x, double y) {
            return nanForZeroLogZero ? x * Math.log(y) : LogSpace.xlogy(x, y);
        }

        @Override
        public double[] categoricalKl(double[][] p, double[][] q) {
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p[i].length; j++) {
                    out[i] += LogSpace.klTerm(p[i][j], q[i][j]);
                }
            }
            return out;
        }

        @Override
        public double[] categoricalEntropy(double[][] p) {
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                for (double x : p[i]) {
                    out[i] -= xlogy(x, x);
                }
            }
            return out;
        }

        @Override
        public double[] categoricalCrossEntropy(double[][] p, double[][] q) {
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p[i].length; j++) {
                    out[i] -= xlogy(p[i][j], q[i][j]);
                }
            }
            return out;
        }

        // ops not listed by describe(): never called by the checker
        @Override
        public double[] alphasCumprod(double[] betas) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MeanVariance qMeanVariance(double[] betas, double[] x0, int[] t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MeanVariance qPosteriorMeanVariance(double[] betas, double[] x0, double[] xt, int[] t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] predictX0FromEps(double[] betas, double[] xt, int[] t, double[] eps) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] discretizedGaussianLogLikelihood(double[] x, double[] mean, double[] logScale) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] priorKl(double[] betas, double[] x0) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] vbTerm(double[] betas, double[] x0, double[] xt, int[] t, double[] mm, double[] mlv) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void correctJavaImplementationPassesAndUnlistedOpsAreNotChecked() {
        ConformanceReport r = ConformanceChecker.check(new JavaKl(false, false), ConformanceChecker.options(5).withTries(200));
        assertThat(r.findings()).as(ReportFormat.text(r)).isEmpty();
        assertThat(r.ops()).filteredOn(o -> o.op() == Op.VB_TERM).singleElement().satisfies(o -> {
            assertThat(o.checked()).isFalse();
            assertThat(o.verdict()).isEqualTo("not checked");
        });
        assertThat(r.requests()).isZero();
    }

    @Test
    void brokenGaussianKlIsFlaggedOnNormalKlWithAShrunkInput() {
        ConformanceReport r = ConformanceChecker.check(new JavaKl(true, false), ConformanceChecker.options(5).withTries(50));
        assertThat(r.findings()).isNotEmpty().allMatch(f -> f.op() == Op.NORMAL_KL);
        Finding f = r.findings().get(0);
        // shrunk to one element with the simplest values that still show the doubled KL
        assertThat(f.input()).startsWith("[0] mean1 = ").doesNotContain("batch");
        assertThat(f.implementation()).isEqualTo(2 * f.expected());
        assertThat(f.tolerance()).contains("u(float64)");
    }

    @Test
    void zeroLogZeroNanIsFlaggedOnEntropyAndCrossEntropyOnly() {
        ConformanceReport r = ConformanceChecker.check(new JavaKl(false, true), ConformanceChecker.options(5).withTries(50));
        assertThat(r.findings()).extracting(Finding::op).contains(Op.CATEGORICAL_ENTROPY, Op.CATEGORICAL_CROSS_ENTROPY)
            .doesNotContain(Op.NORMAL_KL, Op.CATEGORICAL_KL);
        assertThat(r.findings()).filteredOn(f -> f.op() == Op.CATEGORICAL_ENTROPY).first()
            .satisfies(f -> assertThat(f.implementation()).isNaN());
    }

    @Test
    void aFindingsReplayTokenRerunsExactlyItsShrunkInputAndNothingElse() {
        ConformanceReport r = ConformanceChecker.check(new JavaKl(true, false), ConformanceChecker.options(5).withTries(50));
        Finding f = r.findings().get(0);
        assertThat(f.replayToken()).matches("[0-9a-f]{8}:[0-9,]*");
        assertThat(f.render()).contains("rerun this input with --replay " + f.replayToken());
        assertThat(ReportFormat.json(r)).contains("\"replay_token\" : \"" + f.replayToken() + "\"");

        ConformanceReport again = ConformanceChecker.check(new JavaKl(true, false),
            ConformanceChecker.options(5).withReplay(f.replayToken()));
        assertThat(again.isReplay()).isTrue();
        assertThat(again.ops().stream().mapToInt(o -> o.runs().size()).sum()).isEqualTo(1);
        assertThat(again.findings()).singleElement().satisfies(g -> {
            assertThat(g.property()).isEqualTo(f.property());
            assertThat(g.input()).isEqualTo(f.input());
            assertThat(g.implementation()).isEqualTo(f.implementation());
            assertThat(g.replayToken()).isEqualTo(f.replayToken());
        });
        assertThat(again.points()).isEqualTo(1);
        // the same input on a fixed implementation: the property now holds
        ConformanceReport fixed = ConformanceChecker.check(new JavaKl(false, false),
            ConformanceChecker.options(5).withReplay(f.replayToken()));
        assertThat(fixed.passed()).isTrue();
        assertThat(fixed.ops().stream().flatMap(o -> o.runs().stream())).singleElement()
            .satisfies(p -> assertThat(p.property()).isEqualTo(f.property()));
    }
}
