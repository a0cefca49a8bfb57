package org.probity.divergence;

import org.probity.dist.DiagonalGaussian;
import org.probity.dist.DiscretizedGaussian;

/**
 * Probity's {@link Divergences}: each method delegates to the closed forms of this package. Not
 * final, so that tests can override one method with a deliberately broken variant.
 */
public class LibraryDivergences implements Divergences {
    /** The library implementation (see {@link Divergences#library()}). */
    public LibraryDivergences() {
    }

    @Override
    public double klCategorical(double[] p, double[] q) {
        return Kl.categorical(p, q);
    }

    @Override
    public double entropyCategorical(double[] p) {
        return Entropy.categorical(p);
    }

    @Override
    public double crossEntropyCategorical(double[] p, double[] q) {
        return CrossEntropy.categorical(p, q);
    }

    @Override
    public double klGaussian(double m1, double v1, double m2, double v2) {
        return Kl.gaussian(m1, v1, m2, v2);
    }

    @Override
    public double entropyGaussian(double v) {
        return Entropy.gaussian(v);
    }

    @Override
    public double crossEntropyGaussian(double m1, double v1, double m2, double v2) {
        return CrossEntropy.gaussian(m1, v1, m2, v2);
    }

    @Override
    public double klDiagonalGaussian(DiagonalGaussian p, DiagonalGaussian q) {
        return Kl.diagonalGaussian(p, q);
    }

    @Override
    public double entropyDiagonalGaussian(DiagonalGaussian p) {
        return Entropy.diagonalGaussian(p);
    }

    @Override
    public double crossEntropyDiagonalGaussian(DiagonalGaussian p, DiagonalGaussian q) {
        return CrossEntropy.diagonalGaussian(p, q);
    }

    @Override
    public double binaryCrossEntropyWithLogit(double y, double logit) {
        return CrossEntropy.binaryWithLogit(y, logit);
    }

    @Override
    public double crossEntropyWithLogits(double[] target, double[] logits) {
        return CrossEntropy.withLogits(target, logits);
    }

    @Override
    public double[] decoderLogProbabilities(double mean, double logScale) {
        return DiscretizedGaussian.of(mean, logScale).logProbabilities();
    }
}
