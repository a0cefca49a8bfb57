package org.probity.check;
import org.junit.jupiter.api.Test;
class SmokeTest { @Test void runs() { Property.holds("x", Gens.integers(0, 10), x -> x <= 10).assertHolds(); } }
