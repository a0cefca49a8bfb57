package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;

/** Each constant is the double closest to its 64-digit Dfp value, and each low part is the remainder. */
class ConstantsTest {
    private static final DfpField F = HighPrecision.field();

    private static void closest(String name, double constant, Dfp exact) {
        assertThat(constant).as(name).isEqualTo(HighPrecision.toDouble(exact));
    }

    private static void remainder(String name, double constant, double low, Dfp exact) {
        closest(name, constant, exact);
        closest(name + "_LOW", low, exact.subtract(HighPrecision.of(constant)));
    }

    @Test
    void everyConstantIsTheClosestDouble() {
        Dfp pi = F.getPi();
        Dfp twoPi = pi.multiply(2);
        Dfp ln2 = F.getLn2();
        Dfp log2pi = DfpMath.log(twoPi);
        remainder("PI", Constants.PI, Constants.PI_LOW, pi);
        remainder("TWO_PI", Constants.TWO_PI, Constants.TWO_PI_LOW, twoPi);
        closest("LN2", Constants.LN2, ln2);
        closest("INV_LN2", Constants.INV_LN2, F.getOne().divide(ln2));
        closest("LOG_2PI", Constants.LOG_2PI, log2pi);
        closest("HALF_LOG_2PI", Constants.HALF_LOG_2PI, log2pi.divide(2));
        remainder("TWO_PI_E", Constants.TWO_PI_E, Constants.TWO_PI_E_LOW, twoPi.multiply(DfpMath.exp(F.getOne())));
        remainder("LOG_2PI_E", Constants.LOG_2PI_E, Constants.LOG_2PI_E_LOW, log2pi.add(1));
        closest("SQRT2", Constants.SQRT2, F.getSqr2());
        closest("INV_SQRT2", Constants.INV_SQRT2, F.getOne().divide(F.getSqr2()));
        closest("INV_SQRT_2PI", Constants.INV_SQRT_2PI, F.getOne().divide(twoPi.sqrt()));
        // the naive expression is one ulp low: the reason LOG_2PI exists
        assertThat(Math.log(2 * Math.PI)).isEqualTo(Math.nextDown(Constants.LOG_2PI));
    }
}
