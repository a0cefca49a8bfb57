package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.dist.DiagonalGaussian;
import org.probity.divergence.Divergences;
import org.probity.divergence.Kl;
import org.probity.divergence.LibraryDivergences;
import org.probity.math.LogSpace;
import org.probity.math.StandardNormal;

/**
 * Each divergence identity FAILS against deliberately broken implementations: a missing ½, swapped
 * arguments, a dropped term, a wrong sign, closed edge bins. Each case names the broken variant and
 * the identity that must catch it; 1000 tries, short shrinking.
 */
class BrokenDivergencesTest {
    static final RunConfig CFG = RunConfig.defaults().withTries(1000).withMaxShrinkSteps(100);

    /** A broken variant and the identities (by factory) that must reject it. */
    /** An identity of the family, as a function of the implementation under test. */
    static Function<Divergences, Identity> id(Function<DivergenceIdentities, Identity> identity) {
        return d -> identity.apply(DivergenceIdentities.of(d));
    }

    record Case(String variant, Divergences d, List<Function<Divergences, Identity>> catchers) {
    }

    static double gaussianKlMissingHalf(double m1, double v1, double m2, double v2) {
        double r = v1 / v2;
        return (r - 1 - Math.log(r)) + 0.5 * (m1 - m2) * (m1 - m2) / v2;
    }

    static List<Case> cases() {
        return List.of(
            new Case("Gaussian KL missing the 1/2 on the variance term", new LibraryDivergences() {
                @Override
                public double klGaussian(double m1, double v1, double m2, double v2) {
                    return gaussianKlMissingHalf(m1, v1, m2, v2);
                }
            }, List.of(id(DivergenceIdentities::crossEntropyGaussian), id(DivergenceIdentities::gaussianSecondMethods),
                id(DivergenceIdentities::mleGradientsGaussian))),
            new Case("Gaussian KL with swapped arguments", new LibraryDivergences() {
                @Override
                public double klGaussian(double m1, double v1, double m2, double v2) {
                    return Kl.gaussian(m2, v2, m1, v1);
                }
            }, List.of(id(DivergenceIdentities::crossEntropyGaussian), id(DivergenceIdentities::gaussianSecondMethods),
                id(DivergenceIdentities::mleGradientsGaussian))),
            new Case("Gaussian KL dropping the mean term", new LibraryDivergences() {
                @Override
                public double klGaussian(double m1, double v1, double m2, double v2) {
                    return Kl.gaussian(m1, v1, m1, v2);
                }
            }, List.of(id(DivergenceIdentities::crossEntropyGaussian), id(DivergenceIdentities::gaussianSecondMethods),
                id(DivergenceIdentities::gibbsGaussian), id(DivergenceIdentities::mleGradientsGaussian))),
            new Case("Gaussian KL dropping the -1 (r - log r)", new LibraryDivergences() {
                @Override
                public double klGaussian(double m1, double v1, double m2, double v2) {
                    return Kl.gaussian(m1, v1, m2, v2) + 0.5;
                }
            }, List.of(id(DivergenceIdentities::selfDivergence), id(DivergenceIdentities::crossEntropyGaussian))),
            new Case("Gaussian entropy missing the e (1/2 log 2 pi v)", new LibraryDivergences() {
                @Override
                public double entropyGaussian(double v) {
                    return 0.5 * Math.log(2 * Math.PI * v);
                }
            }, List.of(id(DivergenceIdentities::crossEntropyGaussian))),
            new Case("Gaussian cross-entropy dropping the model variance from the log", new LibraryDivergences() {
                @Override
                public double crossEntropyGaussian(double m1, double v1, double m2, double v2) {
                    return 0.5 * Math.log(2 * Math.PI) + (v1 + (m1 - m2) * (m1 - m2)) / (2 * v2);
                }
            }, List.of(id(DivergenceIdentities::crossEntropyGaussian), id(DivergenceIdentities::empiricalCrossEntropy),
                id(DivergenceIdentities::mleGradientsGaussian))),
            new Case("categorical KL with swapped arguments", new LibraryDivergences() {
                @Override
                public double klCategorical(double[] p, double[] q) {
                    return Kl.categorical(q, p);
                }
            }, List.of(id(DivergenceIdentities::crossEntropyCategorical), id(DivergenceIdentities::mleGradientsCategorical))),
            new Case("categorical cross-entropy dropping the last category", new LibraryDivergences() {
                @Override
                public double crossEntropyCategorical(double[] p, double[] q) {
                    double s = 0;
                    for (int i = 0; i < p.length - 1; i++) {
                        s -= LogSpace.xlogy(p[i], q[i]);
                    }
                    return s;
                }
            }, List.of(id(DivergenceIdentities::crossEntropyCategorical), id(DivergenceIdentities::empiricalCrossEntropy),
                id(DivergenceIdentities::binaryCrossEntropy), id(DivergenceIdentities::multiClassCrossEntropy))),
            new Case("categorical KL without the 0 log 0 = 0 convention", new LibraryDivergences() {
                @Override
                public double klCategorical(double[] p, double[] q) {
                    double s = 0;
                    for (int i = 0; i < p.length; i++) {
                        s += p[i] * Math.log(p[i] / q[i]);
                    }
                    return s;
                }
            }, List.of(id(DivergenceIdentities::crossEntropyCategorical), id(DivergenceIdentities::selfDivergence))),
            new Case("binary cross-entropy with the logit's sign flipped", new LibraryDivergences() {
                @Override
                public double binaryCrossEntropyWithLogit(double y, double logit) {
                    return super.binaryCrossEntropyWithLogit(y, -logit);
                }
            }, List.of(id(DivergenceIdentities::binaryCrossEntropy))),
            new Case("softmax cross-entropy forgetting logsumexp (log of unnormalized exp)", new LibraryDivergences() {
                @Override
                public double crossEntropyWithLogits(double[] t, double[] logits) {
                    double s = 0;
                    for (int i = 0; i < t.length; i++) {
                        s -= t[i] * logits[i];
                    }
                    return s;
                }
            }, List.of(id(DivergenceIdentities::multiClassCrossEntropy))),
            new Case("diagonal Gaussian KL dropping the last dimension", new LibraryDivergences() {
                @Override
                public double klDiagonalGaussian(DiagonalGaussian p, DiagonalGaussian q) {
                    return super.klDiagonalGaussian(p, q) - Kl.gaussian(p.component(p.dimension() - 1),
                        q.component(q.dimension() - 1));
                }
            }, List.of(id(DivergenceIdentities::crossEntropyDiagonalGaussian))),
            new Case("decoder with closed edge bins", new LibraryDivergences() {
                @Override
                public double[] decoderLogProbabilities(double mean, double logScale) {
                    double[] lp = super.decoderLogProbabilities(mean, logScale);
                    double inv = Math.exp(-logScale);
                    lp[0] = StandardNormal.logProbability((-1 - 1.0 / 255 - mean) * inv, (-1 + 1.0 / 255 - mean) * inv);
                    lp[255] = StandardNormal.logProbability((1 - 1.0 / 255 - mean) * inv, (1 + 1.0 / 255 - mean) * inv);
                    return lp;
                }
            }, List.of(id(DivergenceIdentities::decoderNormalization))));
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenVariantIsCaught() {
        return cases().stream().flatMap(c -> c.catchers().stream().map(f -> {
            Identity id = f.apply(c.d());
            return DynamicTest.dynamicTest(c.variant() + " fails '" + id.name() + "'", () -> {
                PropertyResult r = id.property().check(CFG);
                assertThat(r.passed()).as("%s should fail %s", c.variant(), id.name()).isFalse();
                System.out.printf("caught: %s by '%s' after %d tries%n", c.variant(), id.name(), r.tries());
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> theLibraryPassesTheSameIdentities() {
        return Stream.of(DynamicTest.dynamicTest("library passes every identity a broken variant fails", () -> {
            for (Case c : cases()) {
                for (Function<Divergences, Identity> f : c.catchers()) {
                    Identity id = f.apply(Divergences.library());
                    PropertyResult r = id.property().check(RunConfig.defaults().withTries(200));
                    assertThat(r.passed()).as(r.report()).isTrue();
                }
            }
        }));
    }
}
