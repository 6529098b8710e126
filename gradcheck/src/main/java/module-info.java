/** vecnn gradcheck: finite-difference verification of analytic gradients. */
module dev.vecnn.gradcheck {
    requires dev.vecnn.kernels;
    requires dev.vecnn.nn;

    exports dev.vecnn.gradcheck;
}
