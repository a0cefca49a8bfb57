package org.probity.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad parameters of every distribution, by name, with the exact message. */
class DistributionValidationTest {
    private static void rejects(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void categoricalRejectsEmptyNegativeNanAndUnnormalizedVectors() {
        rejects(() -> Categorical.of(), "p: expected at least one entry, got none");
        rejects(() -> Categorical.of(0.5, Double.NaN, 0.5), "p[1]: expected a probability in [0, 1], got NaN");
        rejects(() -> Categorical.of(1.5, -0.5), "p[0]: expected a probability in [0, 1], got 1.5");
        rejects(() -> Categorical.of(0.5, -0.0001, 0.5001), "p[1]: expected a probability in [0, 1], got -1.0E-4");
        rejects(() -> Categorical.of(0.5, Double.POSITIVE_INFINITY), "p[1]: expected a probability in [0, 1], got Infinity");
        rejects(() -> Categorical.of(0.5, 0.4),
            "p: expected probabilities summing to 1 (within absolute 1.78e-15 [8 K u, K = 2]), got sum 0.9");
        rejects(() -> Categorical.normalized(0, 0), "weights: expected weights with a positive finite sum, got sum 0.0");
        rejects(() -> Categorical.normalized(1, -1), "weights[1]: expected a finite weight >= 0, got -1.0");
        rejects(() -> Categorical.ofLogits(1, Double.NEGATIVE_INFINITY), "logits[1]: expected a finite logit, got -Infinity");
        rejects(() -> Categorical.of(1).probability(1), "i: expected an index in [0, 0], got 1");
    }

    @Test
    void categoricalAcceptsRoundedDecimalsAndKeepsEntriesExactly() {
        Categorical c = Categorical.of(0.1, 0.2, 0.7);
        assertThat(c.probabilities()).containsExactly(0.1, 0.2, 0.7);
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.logProbability(0)).isEqualTo(Math.log(0.1));
        assertThat(Categorical.of(1, 0).logProbability(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Categorical.normalized(1, 3).probabilities()).containsExactly(0.25, 0.75);
        assertThat(Categorical.ofLogits(0, 0).probabilities()).containsExactly(0.5, 0.5);
        assertThat(c).isEqualTo(Categorical.of(0.1, 0.2, 0.7)).hasToString("Categorical[0.1, 0.2, 0.7]");
        double[] source = {0.5, 0.5};
        Categorical d = Categorical.of(source);
        source[0] = 0.9;
        assertThat(d.probability(0)).isEqualTo(0.5);
    }

    @Test
    void gaussianRejectsNonFiniteMeansAndNonPositiveVariances() {
        rejects(() -> Gaussian.of(Double.NaN, 1), "mean: expected a finite number, got NaN");
        rejects(() -> Gaussian.of(0, 0), "variance: expected a finite number > 0, got 0.0");
        rejects(() -> Gaussian.of(0, -1), "variance: expected a finite number > 0, got -1.0");
        rejects(() -> Gaussian.of(0, Double.NaN), "variance: expected a finite number > 0, got NaN");
        rejects(() -> Gaussian.of(0, Double.POSITIVE_INFINITY), "variance: expected a finite number > 0, got Infinity");
        rejects(() -> Gaussian.ofLogVariance(0, 800),
            "logVariance: expected a finite number whose exp is a positive finite variance (in [-745, 709.78]), got 800.0");
        rejects(() -> Gaussian.ofLogVariance(0, Double.NaN),
            "logVariance: expected a finite number whose exp is a positive finite variance (in [-745, 709.78]), got NaN");
    }

    @Test
    void gaussianKeepsTheParameterItWasMadeFrom() {
        Gaussian g = Gaussian.ofLogVariance(1, -3);
        assertThat(g.logVariance()).isEqualTo(-3);
        assertThat(g.variance()).isEqualTo(Math.exp(-3));
        assertThat(g.isLogVarianceForm()).isTrue();
        Gaussian h = Gaussian.of(1, 0.1);
        assertThat(h.variance()).isEqualTo(0.1);
        assertThat(h.isLogVarianceForm()).isFalse();
        // the closest double to -ln(2 pi)/2; -0.5 * Math.log(2 * Math.PI) is one ulp off
        assertThat(Gaussian.standard().logDensity(0)).isEqualTo(-0.9189385332046728);
        assertThat(h).hasToString("Gaussian(mean=1.0, variance=0.1)");
    }

    @Test
    void diagonalGaussianNamesTheEntry() {
        rejects(() -> DiagonalGaussian.of(new double[0], new double[0]), "mean: expected at least one entry, got none");
        rejects(() -> DiagonalGaussian.of(new double[] {0, 1}, new double[] {1}),
            "variance: expected 2 entries (the length of mean), got 1");
        rejects(() -> DiagonalGaussian.of(new double[] {0, 1}, new double[] {1, 0}),
            "variance[1]: expected a finite number > 0, got 0.0");
        rejects(() -> DiagonalGaussian.of(new double[] {0, Double.NaN}, new double[] {1, 1}),
            "mean[1]: expected a finite number, got NaN");
        rejects(() -> DiagonalGaussian.ofLogVariance(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}),
            "logVariance[0]: expected a finite number whose exp is a positive finite variance (in [-745, 709.78]), got Infinity");
        DiagonalGaussian d = DiagonalGaussian.of(new double[] {0, 1}, new double[] {1, 4});
        assertThat(d.dimension()).isEqualTo(2);
        assertThat(d.component(1)).isEqualTo(Gaussian.of(1, 4));
        assertThat(d.logDensity(new double[] {0, 1}))
            .isEqualTo(Gaussian.of(0, 1).logDensity(0) + Gaussian.of(1, 4).logDensity(1));
    }

    @Test
    void discretizedGaussianRejectsBadScalesAndPixelValues() {
        rejects(() -> DiscretizedGaussian.of(0, Double.NaN), "logScale: expected a finite number in [-709, 709], got NaN");
        rejects(() -> DiscretizedGaussian.of(Double.POSITIVE_INFINITY, 0), "mean: expected a finite number, got Infinity");
        rejects(() -> DiscretizedGaussian.of(0, 0).logProbability(1.5), "x: expected a pixel value in [-1, 1], got 1.5");
        rejects(() -> DiscretizedGaussian.of(0, 0).logProbabilityOfBin(256), "bin: expected an index in [0, 255], got 256");
        assertThat(DiscretizedGaussian.binOf(-1)).isZero();
        assertThat(DiscretizedGaussian.binOf(1)).isEqualTo(255);
        assertThat(DiscretizedGaussian.binOf(DiscretizedGaussian.center(17))).isEqualTo(17);
    }
}
