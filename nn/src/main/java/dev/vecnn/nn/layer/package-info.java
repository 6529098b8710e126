/**
 * The dense layer and the layer stack the estimators train: forward next to backward, all math in
 * the vecnn kernels. Float classes ({@code *F32}) are the source; the double twins ({@code *F64})
 * are generated from them at build time.
 */
package dev.vecnn.nn.layer;
