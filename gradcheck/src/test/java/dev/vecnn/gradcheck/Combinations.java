package dev.vecnn.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.vecnn.kernels.Activation;

/**
 * Every hidden activation x output kind x alpha in {0, > 0} x with and without sample weights,
 * each with a random small network drawn from a seed: the cases a random search could miss. A
 * draw whose output is clipped or saturated ({@link Checkable}) is replaced by the next seed's.
 */
final class Combinations {
    private static final int[] BATCHES = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17};
    private static final double[] SCALES = {0.5, 1, 2};

    private Combinations() {
    }

    /** {@code perCombination} cases for each of the 120 combinations. */
    static List<NetworkCase> all(int perCombination) {
        List<NetworkCase> cases = new ArrayList<>();
        for (Activation act : Activation.values()) {
            for (OutputKind kind : OutputKind.values()) {
                for (boolean penalised : new boolean[] {false, true}) {
                    for (boolean weighted : new boolean[] {false, true}) {
                        for (int k = 0; k < perCombination; k++) {
                            long seed = cases.size() * 7919L + 17;
                            NetworkCase c = draw(new SplittableRandom(seed), act, kind, penalised, weighted, seed);
                            while (Checkable.options(c) == null) {
                                seed += 1_000_003;
                                c = draw(new SplittableRandom(seed), act, kind, penalised, weighted, seed);
                            }
                            cases.add(c);
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static NetworkCase draw(SplittableRandom r, Activation act, OutputKind kind, boolean penalised,
                                    boolean weighted, long seed) {
        int depth = 1 + r.nextInt(3);
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            hidden.add(1 + r.nextInt(8));
        }
        int outputs = kind.minOutputs() + r.nextInt(kind.maxOutputs() - kind.minOutputs() + 1);
        NetworkShape shape = new NetworkShape(1 + r.nextInt(8), hidden, outputs);
        double alpha = penalised ? Math.pow(10, -4 * r.nextDouble()) : 0;
        return new NetworkCase(shape, act, kind, alpha, weighted, BATCHES[r.nextInt(BATCHES.length)],
                SCALES[r.nextInt(SCALES.length)], SCALES[r.nextInt(SCALES.length)], seed);
    }

    /** How many cases per combination: 1, or 10 under the deep profile (ten times the default tries). */
    static int perCombination() {
        return Math.max(1, Integer.getInteger("jqwik.tries.default", 100) / 100);
    }
}
