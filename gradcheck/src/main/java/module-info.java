/**
 * vecnn gradcheck: finite-difference verification of analytic gradients, and jqwik arbitraries
 * of network problems for property tests of layers and estimators.
 *
 * <p>jqwik's API and the kernels are required transitively because the arbitraries in
 * {@code dev.vecnn.gradcheck} return jqwik's {@code Arbitrary} of the kernels' {@code Activation}.
 */
module dev.vecnn.gradcheck {
    requires transitive dev.vecnn.kernels;
    requires transitive net.jqwik.api;

    exports dev.vecnn.gradcheck;
}
