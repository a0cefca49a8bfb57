package org.probity.divergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.dist.Categorical;
import org.probity.dist.DiagonalGaussian;
import org.probity.dist.Gaussian;
import org.probity.math.Ulps;

/** Named examples, edge semantics and bad input of the closed forms and the second methods. */
class DivergenceTest {
    private static void rejects(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void publishedCategoricalExample() {
        // ORACLES.md: KL([.1, .3, .3, .3] || [.2, .5, .1, .2]) = 0.22866081 nats; mpmath (dps 40) on the
        // doubles 0.1, 0.3, ...: 0.2286608138470904046201689 -> nearest double 0.22866081384709042
        double kl = Kl.categorical(new double[] {.1, .3, .3, .3}, new double[] {.2, .5, .1, .2});
        assertThat(Ulps.distance(kl, 0.22866081384709042)).isLessThanOrEqualTo(1);
    }

    @Test
    void edgeSemantics() {
        // 0 log 0 = 0: zeros of p contribute nothing, also against zeros of q
        assertThat(Kl.categorical(new double[] {1, 0}, new double[] {1, 0})).isZero();
        assertThat(Entropy.categorical(new double[] {1, 0, 0})).isZero();
        assertThat(CrossEntropy.categorical(new double[] {0, 1}, new double[] {0, 1})).isZero();
        // support mismatch: KL = +inf, cross-entropy = +inf
        assertThat(Kl.categorical(new double[] {0.5, 0.5}, new double[] {1, 0})).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(CrossEntropy.categorical(new double[] {0.5, 0.5}, new double[] {1, 0})).isEqualTo(Double.POSITIVE_INFINITY);
        // KL(p || p) = 0 exactly
        double[] p = {0.1, 0.2, 0.7};
        assertThat(Kl.categorical(p, p)).isZero();
        assertThat(Kl.gaussian(1, 2, 1, 2)).isZero();
        assertThat(Kl.gaussianLogVariance(1, -3, 1, -3)).isZero();
        assertThat(Entropy.categorical(new double[] {0.25, 0.25, 0.25, 0.25})).isEqualTo(Math.log(4));
        // mpmath: float(0.5 * (1 + log(2 pi))) = 1.4189385332046727
        assertThat(Ulps.distance(Entropy.gaussian(1), 1.4189385332046727)).isLessThanOrEqualTo(1);
    }

    @Test
    void gaussianKlOfNearlyEqualGaussiansDoesNotCancel() {
        // r = 1 + 1e-9 (the double): KL = (d - log1p(d))/2 with d = r - 1; mpmath (dps 40): 2.500000412035205e-19.
        double kl = Kl.gaussian(0, 1 + 1e-9, 0, 1);
        assertThat(Ulps.distance(kl, 2.500000412035205e-19)).isLessThanOrEqualTo(2);
        // The DDPM reference code's normal_kl, 0.5 (-1 + l2 - l1 + exp(l1 - l2) + (m1 - m2)^2 exp(-l2)), cancels:
        double l1 = 0.3;
        double l2 = 0.3 + 1e-9;
        double ddpm = 0.5 * (-1 + l2 - l1 + Math.exp(l1 - l2));
        double exact = Kl.gaussianLogVariance(0, l1, 0, l2);
        assertThat(Math.abs(ddpm - exact) / exact).as("relative error of the DDPM form").isGreaterThan(1e-3);
    }

    @Test
    void diagonalFormsAreSumsOfComponents() {
        DiagonalGaussian p = DiagonalGaussian.of(new double[] {0, 1}, new double[] {1, 2});
        DiagonalGaussian q = DiagonalGaussian.of(new double[] {1, 1}, new double[] {3, 0.5});
        assertThat(Kl.diagonalGaussian(p, q)).isEqualTo(Kl.gaussian(0, 1, 1, 3) + Kl.gaussian(1, 2, 1, 0.5));
        assertThat(Entropy.diagonalGaussian(p)).isEqualTo(Entropy.gaussian(1) + Entropy.gaussian(2));
        assertThat(CrossEntropy.diagonalGaussian(p, q))
            .isEqualTo(CrossEntropy.gaussian(0, 1, 1, 3) + CrossEntropy.gaussian(1, 2, 1, 0.5));
        rejects(() -> Kl.diagonalGaussian(p, DiagonalGaussian.of(new double[] {0}, new double[] {1})),
            "q: expected dimension 2 (the dimension of p), got 1");
    }

    @Test
    void badInputNamesTheParameter() {
        rejects(() -> Kl.gaussian(0, 0, 0, 1), "v1: expected a finite number > 0, got 0.0");
        rejects(() -> Kl.gaussian(0, 1, Double.NaN, 1), "m2: expected a finite number, got NaN");
        rejects(() -> Kl.gaussianLogVariance(0, 1, 0, Double.POSITIVE_INFINITY), "logv2: expected a finite number, got Infinity");
        rejects(() -> Kl.categorical(new double[] {1}, new double[] {0.5, 0.5}), "q: expected 1 entries (the length of p), got 2");
        rejects(() -> Kl.categorical(new double[] {0.5, 0.6}, new double[] {0.5, 0.5}),
            "p: expected probabilities summing to 1 (within absolute 1.78e-15 [8 K u, K = 2]), got sum 1.1");
        rejects(() -> Entropy.gaussian(-1), "variance: expected a finite number > 0, got -1.0");
        rejects(() -> CrossEntropy.binaryWithLogit(1.5, 0), "y: expected a probability in [0, 1], got 1.5");
        rejects(() -> CrossEntropy.withLogits(new double[] {1, 0}, new double[] {0}),
            "logits: expected 2 entries (the length of target), got 1");
        rejects(() -> MonteCarlo.hoeffdingSampleSize(1, 0, 0.1), "falseAlarm: expected a probability in (0, 1), got 0.0");
        rejects(() -> MonteCarlo.gaussianSampleSize(1, 1, 1e-9, Double.NaN), "minDetectable: expected a finite number > 0, got NaN");
        rejects(() -> new Estimate(0, -1, 0, "x"), "errorBound: expected a number >= 0, got -1.0");
    }

    @Test
    void sampleSizesFollowTheDerivation() {
        // Hoeffding: n = ceil(2 R^2 ln(2/alpha) / eps^2) = ceil(2 * ln(2e9) / 0.01) = 4289
        assertThat(MonteCarlo.hoeffdingSampleSize(1, 1e-9, 0.1)).isEqualTo((long) Math.ceil(200 * Math.log(2e9)));
        long n = MonteCarlo.gaussianSampleSize(0.3, 0.7, 1e-9, 0.05);
        assertThat(MonteCarlo.gaussianBound(0.3, 0.7, 1e-9, n)).isLessThanOrEqualTo(0.025);
        assertThat(MonteCarlo.gaussianBound(0.3, 0.7, 1e-9, n - 1)).isGreaterThan(0.025);
        assertThat(MonteCarlo.gaussianSampleSize(0, 0, 1e-9, 1)).isEqualTo(1);
        // z-test on an integrand of unknown shape (the spec evaluators): z_{alpha/2} = 6.1094 at alpha = 1e-9,
        // z_{0.01} = 2.3263, so 0.06 standard deviations need ceil(((6.1094 + 2.3263) / 0.06)^2) = 19 768 samples
        assertThat(MonteCarlo.twoSidedQuantile(1e-9)).isCloseTo(6.109410204869, org.assertj.core.data.Offset.offset(1e-11));
        assertThat(MonteCarlo.normalSampleSize(1e-9, 0.99, 0.06)).isEqualTo(19_768);
        assertThat(MonteCarlo.normalSampleSize(0.05, 0.5, 1)).isEqualTo(4); // (1.95996...)^2 = 3.84
        rejects(() -> MonteCarlo.normalSampleSize(1e-9, 1, 0.1), "power: expected a probability in (0, 1), got 1.0");
        rejects(() -> MonteCarlo.normalSampleSize(1e-9, 0.9, 0), "minDetectable: expected a finite number > 0, got 0.0");
        rejects(() -> MonteCarlo.klGaussian(Gaussian.of(0, 1), Gaussian.of(0, 2), 1e-9, 1e-9, KlAccuracyTest.rng(1)),
            "minDetectable: 1.0E-9 needs 2.21e+19 samples at false-alarm rate 1.0E-9, more than 50000000");
    }

    @Test
    void secondMethodsAgreeWithTheClosedForms() {
        UniformRandomProvider rng = KlAccuracyTest.rng(20);
        Gaussian p = Gaussian.of(0.3, 0.5);
        Gaussian q = Gaussian.of(-1, 2);
        double kl = Kl.gaussian(p, q);
        Estimate quad = Quadrature.klGaussian(p, q);
        assertThat(quad.agreesWith(kl, 0)).as("%s vs %s", quad, kl).isTrue();
        assertThat(quad.errorBound()).isLessThan(1e-13);
        Estimate mc = MonteCarlo.klGaussian(p, q, 1e-9, 0.05, rng);
        assertThat(mc.agreesWith(kl, 0)).as("%s vs %s", mc, kl).isTrue();
        assertThat(mc.errorBound()).isLessThanOrEqualTo(0.025 + 1e-12);
        assertThat(Quadrature.crossEntropyGaussian(p, q).agreesWith(CrossEntropy.gaussian(p, q), 0)).isTrue();
        assertThat(Quadrature.entropyGaussian(p).agreesWith(Entropy.gaussian(p), 0)).isTrue();
        assertThat(MonteCarlo.crossEntropyGaussian(p, q, 1e-9, 0.05, rng).agreesWith(CrossEntropy.gaussian(p, q), 0)).isTrue();
        Categorical a = Categorical.of(0.1, 0.3, 0.6);
        Categorical b = Categorical.of(0.3, 0.3, 0.4);
        assertThat(MonteCarlo.klCategorical(a, b, 1e-9, 0.05, rng).agreesWith(Kl.categorical(a, b), 0)).isTrue();
        assertThat(MonteCarlo.crossEntropyCategorical(a, b, 1e-9, 0.05, rng)
            .agreesWith(CrossEntropy.categorical(a, b), 0)).isTrue();
        assertThat(MonteCarlo.klCategorical(a, Categorical.of(0.5, 0.5, 0), 1e-9, 0.05, rng).value())
            .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void secondMethodsDetectAMissingHalf() {
        Gaussian p = Gaussian.of(0.3, 0.5);
        Gaussian q = Gaussian.of(-1, 2);
        double broken = (p.variance() / q.variance() - 1 - Math.log(p.variance() / q.variance()))
            + 0.5 * Math.pow(p.mean() - q.mean(), 2) / q.variance();
        assertThat(Quadrature.klGaussian(p, q).agreesWith(broken, 0)).isFalse();
        assertThat(MonteCarlo.klGaussian(p, q, 1e-9, 0.05, KlAccuracyTest.rng(21)).agreesWith(broken, 0)).isFalse();
    }

    @Test
    void mlFormulasAreSpecialCasesOfCategoricalCrossEntropy() {
        double y = 0.3;
        double logit = -1.7;
        double s = 1 / (1 + Math.exp(-logit));
        double general = CrossEntropy.categorical(new double[] {1 - y, y}, new double[] {1 - s, s});
        assertThat(Ulps.distance(CrossEntropy.binaryWithLogit(y, logit), general)).isLessThanOrEqualTo(4);
        double[] logits = {0.5, -2, 3};
        double[] t = {0.2, 0.3, 0.5};
        assertThat(Ulps.distance(CrossEntropy.withLogits(t, logits),
            CrossEntropy.categorical(t, Categorical.ofLogits(logits).probabilities()))).isLessThanOrEqualTo(8);
    }
}
