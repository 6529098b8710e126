/** vecnn nn: a minimal MLP and scikit-learn compatible estimators on the vecnn kernels. */
module dev.vecnn.nn {
    // Transitive: the layer API takes a kernel type (the networks take a Loss), so a module
    // that requires dev.vecnn.nn can name it without requiring dev.vecnn.kernels itself.
    requires transitive dev.vecnn.kernels;

    exports dev.vecnn.nn;
    exports dev.vecnn.nn.data;
    exports dev.vecnn.nn.layer;
}
