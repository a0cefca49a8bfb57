package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gens.recursive cannot overflow the stack, and its values shrink to substructures. */
class RecursiveGeneratorTest {
    /** A binary tree: a leaf or a node of two trees. */
    sealed interface Tree {
        int size();

        int depth();
    }

    record Leaf(int v) implements Tree {
        public int size() {
            return 1;
        }

        public int depth() {
            return 0;
        }

        @Override
        public String toString() {
            return Integer.toString(v);
        }
    }

    record Node(Tree l, Tree r) implements Tree {
        public int size() {
            return 1 + l.size() + r.size();
        }

        public int depth() {
            return 1 + Math.max(l.depth(), r.depth());
        }

        @Override
        public String toString() {
            return "(" + l + " " + r + ")";
        }
    }

    private static final Gen<Tree> LEAF = Gens.integers(0, 100).map(Leaf::new);
    /** Equal weights: two children per node on average, far past the critical branching of 1. */
    private static final Gen<Tree> TREES = Gens.recursive(LEAF,
        self -> Gens.oneOf(LEAF, Gens.combine(self, self, Node::new), Gens.combine(self, self, Node::new)));

    @Test
    void equalWeightsRunTenThousandTriesWithinTheSizeBudget() {
        int[] largest = {0};
        PropertyResult r = Property.holds("bounded", TREES, t -> {
            largest[0] = Math.max(largest[0], t.size());
            return t.depth() <= Gens.DEFAULT_RECURSIVE_SIZE;
        }).check(RunConfig.ofSeed(3).withTries(10_000));
        assertThat(r.passed()).as(r.report()).isTrue();
        assertThat(r.tries()).isEqualTo(10_000);
        // The budget is reached (the definition is supercritical) and respected.
        assertThat(largest[0]).isGreaterThan(Gens.DEFAULT_RECURSIVE_SIZE).isLessThanOrEqualTo(2 * Gens.DEFAULT_RECURSIVE_SIZE + 1);
    }

    @Test
    void aFailingTreeShrinksToTheSmallestSubtreeThatFails() {
        PropertyResult r = Property.holds("no node holds a 7", TREES, t -> !t.toString().contains("(7 ")).check(RunConfig.ofSeed(4));
        assertThat(r.failure().get().counterexample()).isEqualTo("(7 0)");
    }

    @Test
    void aSmallBudgetCutsTreesShort() {
        Gen<Tree> small = Gens.recursive(LEAF, self -> Gens.combine(self, self, Node::new), 3);
        Property.holds("three expansions at most", small, t -> t.size() == 7).assertHolds(RunConfig.ofSeed(5).withTries(200));
    }
}
