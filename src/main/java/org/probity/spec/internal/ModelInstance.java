package org.probity.spec.internal;

/** One generated model of a family: what a claim or step is evaluated on. {@code toString} prints every number. */
public sealed interface ModelInstance permits MarkovInstance, GaussianInstance {
    /** The number of steps T. */
    int steps();

    /** "markov" or "gaussian". */
    String family();

    /** The instance's size in words, for messages: "K = 3 states, T = 4 steps". */
    String describeSize();
}
