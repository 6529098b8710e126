/** vecnn nn: a minimal MLP and scikit-learn compatible estimators on the vecnn kernels. */
module dev.vecnn.nn {
    requires dev.vecnn.kernels;

    exports dev.vecnn.nn;
    exports dev.vecnn.nn.data;
    exports dev.vecnn.nn.layer;
}
