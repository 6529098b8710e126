/**
 * numpy-compatible random streams, so that a scikit-learn {@code random_state} seed gives the same
 * initial weights, epoch shuffles and validation splits in vecnn as in scikit-learn. Internal to
 * the module: the estimators take a seed, not a generator.
 */
package dev.vecnn.nn.random;
