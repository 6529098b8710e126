/**
 * vecnn gradcheck: finite-difference verification of analytic gradients. The package
 * {@code dev.vecnn.gradcheck} is exported once it holds its first public type.
 */
module dev.vecnn.gradcheck {
    requires dev.vecnn.kernels;
    requires dev.vecnn.nn;
}
