/**
 * Small real data sets bundled with vecnn (MNIST 10k, and scikit-learn's digits, iris, breast
 * cancer, wine, diabetes, linnerud) and readers for their formats: gzip-compressed IDX and CSV
 * with a header row. Provenance and licences are in {@code data/README.md} next to the files.
 */
package dev.vecnn.nn.data;
