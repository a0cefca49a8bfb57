package org.probity.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.math.DoubleDouble;
import org.probity.math.HighPrecision;

/**
 * The cancellation-free helpers every closed form reduces to, on each side of each branch switch
 * (|x| = 1 of the exponential tail, r = 1/2 and 2 of the log-ratio, quotients that underflow or
 * overflow), against their definitions in 64-digit {@link HighPrecision}. Budget: the "few ulps" of
 * {@link Series}' Javadoc, {@value #BUDGET} ulps of the correctly rounded value; {@link Series#logRatio}
 * is stated as 1 ulp plus u absolute and is held to that.
 */
class SeriesTest {
    static final double BUDGET = 4;
    private static final Dfp ONE = HighPrecision.of(1);

    private static Dfp expm1MinusXRef(Dfp x) {
        return HighPrecision.expm1(x).subtract(x);
    }

    @Test
    void expm1MinusXOnBothSidesOfEachBranch() {
        double[] xs = {-745, -700, -30, -2.5, -1.0000000000000002, -1, -0.9999999999999999, -0.5, -1e-5, -1e-200, 0x1.0p-1074,
            1e-300, 1e-8, 0.75, 0.9999999999999999, 1, 1.0000000000000002, 3, 40, 700};
        for (double x : xs) {
            assertThat(HighPrecision.ulpError(Series.expm1MinusX(x), expm1MinusXRef(HighPrecision.of(x)))).as("x = %s", x)
                .isLessThanOrEqualTo(BUDGET);
        }
        assertThat(Series.expm1MinusX(0)).isZero();
        assertThat(Series.expm1MinusX(710)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    /**
     * The unevaluated sum hi + lo: where |hi| &gt;= 1 the low part moves the result by several ulps (e^30 lo
     * with lo = 2^-50 is 9 ulps of e^30), so it must be carried through the exponential with the right sign.
     */
    @Test
    void expm1MinusXOfAnUnevaluatedSumCarriesTheLowPart() {
        double[][] cases = {{30, 0x1.0p-50}, {30, -0x1.0p-50}, {-1.5, 0x1.0p-54}, {-1.5, -0x1.0p-54}, {-40, 0x1.0p-49},
            {2, 0x1.0p-53}, {-2, -0x1.0p-53}, {0.5, 0x1.0p-56}, {-0.75, -0x1.0p-56}, {700, 0x1.0p-44}};
        for (double[] c : cases) {
            Dfp x = HighPrecision.of(c[0]).add(HighPrecision.of(c[1]));
            assertThat(HighPrecision.ulpError(Series.expm1MinusX(c[0], c[1]), expm1MinusXRef(x))).as("x = %s + %s", c[0], c[1])
                .isLessThanOrEqualTo(BUDGET);
        }
        // the low part really counts at hi = 30: dropping it is off by more than the budget
        double withoutLow = Series.expm1MinusX(30, 0);
        Dfp x = HighPrecision.of(30.0).add(HighPrecision.of(0x1.0p-50));
        assertThat(HighPrecision.ulpError(withoutLow, expm1MinusXRef(x))).isGreaterThan(BUDGET);
    }

    @Test
    void ratioTermOfQuotientsSmallLargeAndOutsideTheNormalRange() {
        double[][] cases = {{3, 1}, {1, 3}, {1, 1 + 0x1.0p-30}, {0.7, 0.3}, {0.3, 0.7}, {1e10, 3}, {3, 1e10}, {5e-300, 3e10},
            {1e-310, 0.7}, {2.9e200, 1.3e-100}, {0.1, 0.1 * Math.E}, {7, 2}};
        for (double[] c : cases) {
            Dfp r = HighPrecision.of(c[0]).divide(HighPrecision.of(c[1]));
            Dfp ref = r.subtract(ONE).subtract(HighPrecision.log(r));
            assertThat(HighPrecision.ulpError(Series.ratioTerm(c[0], c[1]), ref)).as("a = %s, b = %s", c[0], c[1])
                .isLessThanOrEqualTo(BUDGET);
        }
        assertThat(Series.ratioTerm(1e300, 1e-300)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Series.ratioTerm(0.25, 0.25)).isZero();
    }

    /** 1 ulp of the result plus u = 2^-53 absolute (the Javadoc's statement), on each branch. */
    @Test
    void logRatioIsAccurateOnEachBranchAndWhenTheQuotientLeavesTheRange() {
        double[][] cases = {{1, 3}, {3, 1}, {0.5000000000000001, 1}, {1.9999999999999998, 1}, {0.5, 1}, {2, 1}, {1, 1 + 0x1.0p-40},
            {1.1, 1}, {0.9, 1}, {0.3, 0.7}, {7, 0.3}, {1e-300, 1e10}, {1e10, 1e-300}, {4.9e-324, 1}, {1.7e308, 0.25},
            {0.7, 3e-309}, {3e-309, 0.7}};
        for (double[] c : cases) {
            Dfp exact = HighPrecision.log(HighPrecision.of(c[0]).divide(HighPrecision.of(c[1])));
            double got = Series.logRatio(c[0], c[1]);
            double allowed = Math.ulp(HighPrecision.toDouble(exact)) + 0x1.0p-53;
            assertThat(HighPrecision.of(got).subtract(exact).abs().toDouble()).as("a = %s, b = %s", c[0], c[1])
                .isLessThanOrEqualTo(allowed);
        }
    }

    /** \( 1 - e^x (1 - x) \) by its series on \( |x| \le 1.5 \), the domain it is used on. */
    @Test
    void xExpTailIsTheSeriesOfOneMinusExpTimesOneMinusX() {
        double[] xs = {-1.5, -1, -0.3, -1e-9, 1e-12, 0.01, 0.7, 1.5};
        for (double x : xs) {
            Dfp d = HighPrecision.of(x);
            Dfp ref = ONE.subtract(HighPrecision.exp(d).multiply(ONE.subtract(d)));
            assertThat(HighPrecision.ulpError(Series.xExpTail(x), ref)).as("x = %s", x).isLessThanOrEqualTo(BUDGET);
        }
    }

    /**
     * \( (a - b)^2 \) where the difference is not a double: the rounding error of the difference (the low
     * part of TwoSum) enters the square through \( 2\,hi\,lo \), correctly rounded in these cases.
     */
    @Test
    void squaredDifferenceKeepsTheRoundingOfTheDifference() {
        double[][] cases = {{1, -0x1.8p-53}, {1e16, -0.75}, {0.1, -0.2}, {3, 0x1.0p-60}, {-7.25, 1e-17}, {1e-300, -3e-316},
            {1 + 0x1.0p-52, -0x1.0p-54}};
        for (double[] c : cases) {
            DoubleDouble exactDiff = DoubleDouble.difference(c[0], c[1]);
            assertThat(exactDiff.lo()).as("the difference %s - %s is not a double", c[0], c[1]).isNotZero();
            Dfp d = HighPrecision.of(c[0]).subtract(HighPrecision.of(c[1]));
            assertThat(HighPrecision.ulpError(Series.squaredDifference(c[0], c[1]), d.multiply(d)))
                .as("(%s - %s)^2", c[0], c[1]).isLessThanOrEqualTo(0.5);
        }
    }
}
