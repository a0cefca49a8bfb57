package org.probity.check;

/**
 * A generator with a relative weight, for {@link Gens#frequency}.
 *
 * @param weight the weight, {@code >= 1}
 * @param gen the generator
 * @param <T> the type of the generated values
 */
public record Weighted<T>(int weight, Gen<? extends T> gen) {
    /** Validates the weight and the generator. */
    public Weighted {
        if (!(weight >= 1)) {
            throw new IllegalArgumentException("weight: expected an integer >= 1, got " + weight);
        }
        java.util.Objects.requireNonNull(gen, "gen");
    }
}
