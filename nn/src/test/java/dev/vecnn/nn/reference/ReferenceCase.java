package dev.vecnn.nn.reference;

import java.util.List;

/** One scikit-learn reference case; see the {@code reference/README.md} next to the files. */
public sealed interface ReferenceCase
        permits BackpropCase, TrajectoryCase, LbfgsCase, SeededCase, CallsCase {

    /** The fields common to every case. */
    CaseHeader header();

    /**
     * The weights the case starts from ({@code coefs}, or {@code init_coefs} when seeded; a
     * calls case has only its final weights, which give the same shapes).
     */
    List<Matrix> startCoefs();

    /** The intercepts the case starts from. */
    List<double[]> startIntercepts();

    /** {@code [n_features, hidden..., n_outputs]}, read off the starting weights. */
    default int[] layerUnits() {
        List<Matrix> coefs = startCoefs();
        int[] units = new int[coefs.size() + 1];
        units[0] = coefs.get(0).rows();
        for (int i = 0; i < coefs.size(); i++) {
            units[i + 1] = coefs.get(i).cols();
        }
        return units;
    }

    /** The case id. */
    default String id() {
        return header().id();
    }
}
