package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortestDoubleTest {

    /**
     * Reference strings from Double.toString on JDK 25 (shortest round-trip since JDK 19), made by
     * GenShortest.java.txt next to the data: fixed edge cases, every power of two, random bit
     * patterns, random values in [0, 1), log-uniform values and 3-decimal values. 372 of the 6,132
     * lines differ from Java 17's Double.toString, so this test fails if we fall back to it.
     */
    @Test
    void matchesJdk25DoubleToStringOnReferenceData() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        try (InputStream in = getClass().getResourceAsStream("shortest-double-jdk25.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                double x = Double.longBitsToDouble(Long.parseUnsignedLong(f[0], 16));
                n++;
                if (!ShortestDouble.toString(x).equals(f[1])) {
                    mismatches.add(f[0] + ": expected " + f[1] + ", got " + ShortestDouble.toString(x));
                }
            }
        }
        assertThat(n).isGreaterThan(6000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void namedCasesWhereJava17IsNotShortest() {
        assertThat(ShortestDouble.toString(2.0e-3)).isEqualTo("0.002");
        assertThat(ShortestDouble.toString(2e23)).isEqualTo("2.0E23");
        assertThat(ShortestDouble.toString(1e23)).isEqualTo("1.0E23");
        assertThat(ShortestDouble.toString(5e-324)).isEqualTo("4.9E-324");
        assertThat(ShortestDouble.toString(-0.0)).isEqualTo("-0.0");
        // non-finite values as the JSON strings conformance.json and summary.json write (was null)
        assertThat(ShortestDouble.json(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
        assertThat(ShortestDouble.json(Double.POSITIVE_INFINITY)).isEqualTo("\"Infinity\"");
        assertThat(ShortestDouble.json(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(ShortestDouble.json(0.002)).isEqualTo("0.002");
    }

    /**
     * Independent check by brute force with BigDecimal: the string reads back exactly, and no
     * decimal with one digit fewer (rounded down or up from the exact binary value) reads back.
     */
    @Test
    void roundTripsAndNoShorterDecimalRoundTrips() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double x = i % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL)
                    : Math.scalb(rnd.nextDouble(), -rnd.nextInt(60));
            if (x == 0) {
                continue;
            }
            String s = ShortestDouble.toString(x);
            assertThat(Double.parseDouble(s)).as(s).isEqualTo(x);
            int digits = significantDigits(s);
            if (digits > 1) {
                BigDecimal exact = new BigDecimal(x);
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                    assertThat(shorter.doubleValue()).as("%s has a shorter round-trip form %s", s, shorter).isNotEqualTo(x);
                }
            }
        }
    }

    private static int significantDigits(String s) {
        String mantissa = s.contains("E") ? s.substring(0, s.indexOf('E')) : s;
        String digits = new BigDecimal(mantissa).unscaledValue().abs().toString().replaceAll("0+$", "");
        return Math.max(1, digits.length());
    }
}
