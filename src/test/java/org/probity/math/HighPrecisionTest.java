package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

/**
 * Checks the reference arithmetic against values printed by mpmath 1.3.0 at 70 digits
 * ({@code mp.dps = 70; nstr(erfc(mpf(x)), 60)} and so on, recipe next to each value).
 */
class HighPrecisionTest {
    /** 55 agreeing digits: the references are printed with 60. */
    private static final Dfp AGREEMENT = HighPrecision.parse("1e-55");

    private static void assertAgrees(Dfp actual, String mpmath) {
        Dfp expected = HighPrecision.parse(mpmath);
        Dfp rel = actual.subtract(expected).abs().divide(expected.abs());
        assertThat(rel.lessThan(AGREEMENT)).as("%s vs mpmath %s (relative difference %s)", actual, mpmath, rel).isTrue();
    }

    @Test
    void erfcMatchesMpmathOnBothSidesOfTheSeriesToFractionSwitch() {
        // mpmath: nstr(erfc(mpf(x)), 60)
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("0.5")), "0.479500122186953462317253346108035471263548424242036299941194");
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("2.4")), "0.000688513896645078569744932170631680262336054939177827507104267");
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("2.6")), "0.000236034416529349203991003207543964626719026645269274984927762");
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("3")), "0.0000220904969985854413727761295823203798477070873992496572389548");
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("5")), "0.00000000000153745979442803485018834348538337889011805031472337993068791");
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("10")), "2.08848758376254475700078629495778861156081811932116372701221e-45");
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("27")), "5.23704892378925568501606768284954709093391254796867079959922e-319");
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("-1.5")), "1.96610514647531072706697626164594785868141047925763678044997");
    }

    @Test
    void logErfcAndLogNormalCdfStayFiniteFarInTheTail() {
        // mpmath: nstr(log(erfc(mpf(x))), 60); nstr(log(ncdf(-40)), 60)
        assertAgrees(HighPrecision.logErfc(HighPrecision.parse("200")), "-40005.8706948090821358509123034069251811448036254772379085761");
        assertAgrees(HighPrecision.logErfc(HighPrecision.parse("1000")), "-1000007.48012072190621214066734919079679475153155104327975399");
        assertAgrees(HighPrecision.logNormalCdf(HighPrecision.parse("-40")), "-804.608442013753788166606832918609936200149631998777923179648");
    }

    @Test
    void logNormalProbabilityOfANarrowTailIntervalDoesNotCancel() {
        // mpmath: nstr(log(ncdf(mpf("-29.99")) - ncdf(mpf("-30"))), 60)
        Dfp v = HighPrecision.logNormalProbability(HighPrecision.parse("-30"), HighPrecision.parse("-29.99"));
        assertAgrees(v, "-455.370379454835817338765728546518888519254043542752735878515");
        // reflected: the same interval in the upper tail
        Dfp w = HighPrecision.logNormalProbability(HighPrecision.parse("29.99"), HighPrecision.parse("30"));
        assertAgrees(w, "-455.370379454835817338765728546518888519254043542752735878515");
        assertThat(HighPrecision.logNormalProbability(HighPrecision.of(Double.NEGATIVE_INFINITY),
            HighPrecision.of(Double.POSITIVE_INFINITY)).isZero()).isTrue();
        assertThatThrownBy(() -> HighPrecision.logNormalProbability(HighPrecision.of(1.0), HighPrecision.of(1.0)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("logNormalProbability: expected a < b, got a = 1., b = 1.");
    }

    @Test
    void expm1AndLog1pKeepTinyArguments() {
        // mpmath: nstr(expm1(mpf('1e-20')), 60); nstr(log1p(mpf('-0.4')), 60)
        assertAgrees(HighPrecision.expm1(HighPrecision.parse("1e-20")), "1.00000000000000000000500000000000000000001666666666666666667e-20");
        assertAgrees(HighPrecision.log1p(HighPrecision.parse("-0.4")), "-0.510825623765990683205514096303661934878110796445768270177954");
        Dfp x = HighPrecision.parse("-3e-300");
        assertAgrees(HighPrecision.log1p(HighPrecision.expm1(x)), "-3e-300");
    }

    @Test
    void conversionsRoundTripAndRoundCorrectly() {
        double[] xs = {0.1, -1.5e300, Double.MIN_NORMAL, 4.9e-324, 1.0 / 3, Math.nextUp(1.0), Double.MAX_VALUE};
        for (double x : xs) {
            assertThat(HighPrecision.toDouble(HighPrecision.of(x))).isEqualTo(x);
        }
        // 1 + 2^-53 is the tie between 1 and nextUp(1): ties to even gives 1.
        Dfp tie = HighPrecision.of(1.0).add(HighPrecision.of(0x1.0p-53));
        assertThat(HighPrecision.toDouble(tie)).isEqualTo(1.0);
        assertThat(HighPrecision.toDouble(tie.add(HighPrecision.parse("1e-40")))).isEqualTo(Math.nextUp(1.0));
        assertThat(HighPrecision.toDouble(HighPrecision.of(Double.NEGATIVE_INFINITY))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(HighPrecision.toDouble(HighPrecision.of(Double.NaN))).isNaN();
    }

    @Test
    void ulpErrorIsFractionalAndHandlesSpecialValues() {
        Dfp third = HighPrecision.of(1).divide(3);
        double err = HighPrecision.ulpError(1.0 / 3, third);
        assertThat(err).isLessThanOrEqualTo(0.5);
        assertThat(HighPrecision.ulpError(Math.nextUp(1.0 / 3), third)).isBetween(0.5, 1.5);
        assertThat(HighPrecision.ulpError(Double.POSITIVE_INFINITY, HighPrecision.of(Double.POSITIVE_INFINITY))).isZero();
        assertThat(HighPrecision.ulpError(1.0, HighPrecision.of(Double.POSITIVE_INFINITY))).isInfinite();
        assertThat(HighPrecision.ulpError(Double.NaN, third)).isInfinite();
    }

    @Test
    void theBranchesTheAccuracyTestsDoNotReach() {
        // mpmath 1.3.0: mp.dps = 70; nstr(e**2 - 1, 60), exp(-1.5) - 1, sqrt(2), ncdf(1), erfc(-3), log(0.5)
        assertAgrees(HighPrecision.expm1(HighPrecision.parse("2")), "6.38905609893065022723042746057500781318031557055184732408713");
        assertAgrees(HighPrecision.expm1(HighPrecision.parse("-1.5")), "-0.776869839851570171066719529235987478657828370638920671256165");
        assertAgrees(HighPrecision.sqrt(HighPrecision.parse("2")), "1.41421356237309504880168872420969807856967187537694807317668");
        assertAgrees(HighPrecision.normalCdf(HighPrecision.parse("1")), "0.841344746068542948585232545632037922477912966726604390987394");
        assertAgrees(HighPrecision.erfc(HighPrecision.parse("-3")), "1.99997790950300141455862722387041767962015229291260075034276");
        // P(-inf < Z < 0) = 1/2
        assertAgrees(HighPrecision.logNormalProbability(HighPrecision.of(Double.NEGATIVE_INFINITY), HighPrecision.parse("0")),
            "-0.69314718055994530941723212145817656807550013436025525412068");
        assertThat(HighPrecision.erfc(HighPrecision.of(Double.NaN)).isNaN()).isTrue();
    }
}
