/**
 * The dense layer and the layer stack the estimators train: forward next to backward, all math in
 * the vecnn kernels. Float classes ({@code *F32}) are the source; the double twins ({@code *F64})
 * are generated from them at build time.
 *
 * <p>Every public method and constructor checks its arguments before it writes anything: a null
 * where a value is required, a negative size, or an array too short for the stated rows throws
 * {@link java.lang.IllegalArgumentException} naming the argument, with the arrays, the parameters
 * and the gradients left as they were.
 */
package dev.vecnn.nn.layer;
