/** Finite-difference checks of analytic gradients, usable on any differentiable function. */
package dev.vecnn.gradcheck;
