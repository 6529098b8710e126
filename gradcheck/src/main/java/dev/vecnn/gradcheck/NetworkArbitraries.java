package dev.vecnn.gradcheck;

import java.util.List;

import dev.vecnn.kernels.Activation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries of network problems, for property tests of layers, losses and estimators.
 * Every arbitrary shrinks towards the simplest value: one narrow hidden layer, one row, identity,
 * no penalty, no sample weights, unit scale.
 *
 * <pre>{@code
 * @Property
 * void gradientsMatch(@ForAll("cases") NetworkCase c) { ... }
 *
 * @Provide
 * Arbitrary<NetworkCase> cases() { return NetworkArbitraries.cases(); }
 * }</pre>
 */
public final class NetworkArbitraries {
    /** Lengths around every lane count a machine may have (2, 4, 8, 16 doubles or floats): tails of SIMD loops. */
    private static final List<Integer> RAGGED = List.of(1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33);

    private NetworkArbitraries() {
    }

    /**
     * Shapes with 1 to 8 inputs, 1 to 3 hidden layers of width 1 to 8, and 1 to 8 outputs.
     *
     * @return an arbitrary of network shapes
     */
    public static Arbitrary<NetworkShape> shapes() {
        return shapes(1, 8);
    }

    /**
     * Shapes whose output count suits {@code kind} (1 for binary, 2 to 8 for multiclass, else 1 to 8).
     *
     * @param kind the output kind the shapes are for
     * @return an arbitrary of network shapes
     */
    public static Arbitrary<NetworkShape> shapes(OutputKind kind) {
        return shapes(kind.minOutputs(), kind.maxOutputs());
    }

    private static Arbitrary<NetworkShape> shapes(int minOutputs, int maxOutputs) {
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 8);
        return Combinators.combine(width, width.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.integers().between(minOutputs, maxOutputs))
                .as(NetworkShape::new);
    }

    /**
     * Every hidden activation of the kernels.
     *
     * @return an arbitrary over identity, logistic, tanh, relu, leaky relu and softplus
     */
    public static Arbitrary<Activation> activations() {
        return Arbitraries.of(Activation.IDENTITY, Activation.LOGISTIC, Activation.TANH, Activation.RELU,
                Activation.LEAKY_RELU, Activation.SOFTPLUS);
    }

    /**
     * The activations with continuous derivatives (no kink): identity, logistic, tanh, softplus.
     *
     * @return an arbitrary of smooth activations
     */
    public static Arbitrary<Activation> smoothActivations() {
        return Arbitraries.of(Activation.IDENTITY, Activation.LOGISTIC, Activation.TANH, Activation.SOFTPLUS);
    }

    /**
     * Every output kind: multiclass, binary, multilabel, regression, Poisson.
     *
     * @return an arbitrary of output kinds
     */
    public static Arbitrary<OutputKind> outputKinds() {
        return Arbitraries.of(OutputKind.class);
    }

    /**
     * The L2 penalty: 0 half of the time, else log-uniform in {@code [1e-4, 1]}; shrinks to 0.
     *
     * @return an arbitrary of penalties {@code 0} or {@code 10^(k/10)}, k in {@code [-40, 0]}
     */
    public static Arbitrary<Double> alphas() {
        Arbitrary<Double> positive = Arbitraries.integers().between(-40, 0).map(e -> Math.pow(10, e / 10.0));
        return Arbitraries.oneOf(Arbitraries.just(0.0), positive);
    }

    /**
     * Batch sizes: the ragged lengths around lane counts, or any size up to 40; shrinks to 1.
     *
     * @return an arbitrary of row counts, {@code >= 1}
     */
    public static Arbitrary<Integer> batchSizes() {
        return Arbitraries.oneOf(Arbitraries.of(RAGGED), Arbitraries.integers().between(1, 40));
    }

    /**
     * Vector lengths for elementwise kernels: ragged around lane counts, or up to 200.
     *
     * @return an arbitrary of lengths, {@code >= 1}
     */
    public static Arbitrary<Integer> raggedLengths() {
        return Arbitraries.oneOf(Arbitraries.of(RAGGED), Arbitraries.integers().between(1, 200));
    }

    /**
     * Data and weight scales: 1, 0.5 or 2 (shrinks to 1).
     *
     * @return an arbitrary of scale factors
     */
    public static Arbitrary<Double> scales() {
        return Arbitraries.of(1.0, 0.5, 2.0);
    }

    /**
     * One sample weight per row, uniform in {@code [0.1, 2]}, or null (unweighted) half of the time.
     *
     * @param rows number of rows, the array length
     * @return an arbitrary of weight arrays or null
     */
    public static Arbitrary<double[]> sampleWeights(int rows) {
        return Arbitraries.doubles().between(0.1, 2).array(double[].class).ofSize(rows).injectNull(0.5);
    }

    /**
     * {@code length} values uniform in {@code [-scale, scale]}; shrinks towards zeros.
     *
     * @param length number of values
     * @param scale  bound on the magnitudes, {@code > 0}
     * @return an arbitrary of arrays of {@code length} values
     */
    public static Arbitrary<double[]> scaledData(int length, double scale) {
        return Arbitraries.doubles().between(-scale, scale).array(double[].class).ofSize(length);
    }

    /**
     * Seeds for the values drawn by {@link NetworkCase}.
     *
     * @return an arbitrary of seeds in {@code [0, Long.MAX_VALUE / 64]}
     */
    public static Arbitrary<Long> seeds() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE / 64);
    }

    /**
     * Network problems over every hidden activation and output kind.
     *
     * @return an arbitrary of network cases
     */
    public static Arbitrary<NetworkCase> cases() {
        return cases(activations());
    }

    /**
     * Network problems whose hidden activation comes from {@code activations}.
     *
     * @param activations the arbitrary the hidden activation is drawn from
     * @return an arbitrary of network cases over every output kind
     */
    public static Arbitrary<NetworkCase> cases(Arbitrary<Activation> activations) {
        return cases(activations, outputKinds());
    }

    /**
     * Network problems whose hidden activation comes from {@code activations} and whose output
     * kind from {@code kinds}, for a network that supports only some kinds (for example
     * {@code Arbitraries.of(OutputKind.MULTICLASS)}).
     *
     * @param activations the arbitrary the hidden activation is drawn from
     * @param kinds       the arbitrary the output kind is drawn from
     * @return an arbitrary of network cases
     * @throws IllegalArgumentException if an argument is null
     */
    public static Arbitrary<NetworkCase> cases(Arbitrary<Activation> activations, Arbitrary<OutputKind> kinds) {
        if (activations == null || kinds == null) {
            throw new IllegalArgumentException((activations == null ? "activations" : "kinds") + " must not be null");
        }
        return kinds.flatMap(kind -> Combinators.combine(shapes(kind), activations, alphas(),
                        Arbitraries.of(false, true), batchSizes(), scales(), scales(), seeds())
                .as((shape, act, alpha, weighted, rows, dataScale, weightScale, seed) ->
                        new NetworkCase(shape, act, kind, alpha, weighted, rows, dataScale, weightScale, seed)));
    }
}
