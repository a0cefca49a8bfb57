package org.probity.math;

/**
 * The mathematical constants Probity uses, each defined once as the double closest to its value
 * (and, where a computation needs more, the remainder {@code *_LOW} = value − double, so that the
 * pair is the constant to about 32 digits). The decimal expansions are 60-digit values from mpmath
 * ({@code mp.dps = 60}); {@code ConstantsTest} checks every constant against a 64-digit Hipparchus
 * {@code Dfp} evaluation. Note that {@code Math.log(2 * Math.PI)} is one ulp below the closest
 * double to \( \ln 2\pi \); use {@link #LOG_2PI}.
 */
public final class Constants {
    /** \( \pi \) = 3.14159265358979323846264338327950288419716939937510582097494 ({@link Math#PI}). */
    public static final double PI = Math.PI;
    /** \( \pi - \) {@link #PI} = 1.2246467991473532e-16. */
    public static final double PI_LOW = 1.2246467991473532e-16;
    /** \( 2\pi \) = 6.28318530717958647692528676655900576839433879875021164194989 (exactly 2 {@link #PI}). */
    public static final double TWO_PI = 6.283185307179586;
    /** \( 2\pi - \) {@link #TWO_PI} = 2.4492935982947064e-16. */
    public static final double TWO_PI_LOW = 2.4492935982947064e-16;
    /** \( \ln 2 \) = 0.69314718055994530941723212145817656807550013436025525412068. */
    public static final double LN2 = 0.6931471805599453;
    /** \( 1/\ln 2 \) = 1.44269504088896340735992468100189213742664595415298593413545. */
    public static final double INV_LN2 = 1.4426950408889634;
    /** \( \ln 2\pi \) = 1.8378770664093454835606594728112352797227949472755668256343. */
    public static final double LOG_2PI = 1.8378770664093456;
    /** \( \tfrac12 \ln 2\pi \) = 0.918938533204672741780329736405617639861397473637783412817152. */
    public static final double HALF_LOG_2PI = 0.9189385332046728;
    /** \( 2\pi e \) = 17.0794684453471341309271017390931489900697770715302299237592. */
    public static final double TWO_PI_E = 17.079468445347135;
    /** \( 2\pi e - \) {@link #TWO_PI_E} = −1.3547630581004849e-15. */
    public static final double TWO_PI_E_LOW = -1.3547630581004849e-15;
    /** \( \ln 2\pi e = 1 + \ln 2\pi \) = 2.8378770664093454835606594728112352797227949472755668256343. */
    public static final double LOG_2PI_E = 2.8378770664093453;
    /** \( \ln 2\pi e - \) {@link #LOG_2PI_E} = 1.4447872176368647e-16. */
    public static final double LOG_2PI_E_LOW = 1.4447872176368647e-16;
    /** \( \sqrt 2 \) = 1.41421356237309504880168872420969807856967187537694807317668. */
    public static final double SQRT2 = 1.4142135623730951;
    /** \( 1/\sqrt 2 \) = 0.70710678118654752440084436210484903928483593768847403658834. */
    public static final double INV_SQRT2 = 0.7071067811865476;
    /** \( 1/\sqrt{2\pi} \) = 0.398942280401432677939946059934381868475858631164934657665926. */
    public static final double INV_SQRT_2PI = 0.3989422804014327;

    private Constants() {
    }
}
