package dev.vecnn.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One measured entry of the table in GFLOP/s: the median over the measurement iterations and
 * JMH's error (half-width of the 99.9% confidence interval of the mean), converted from products
 * per second with {@code 2 m n k / 1e9} GFLOP per product.
 */
record Cell(double median, double error) {
    static Cell of(RunResult run, GemmShape shape) {
        Result<?> primary = run.getPrimaryResult();
        double gflopPerProduct = shape.flops() / 1e9;
        return new Cell(primary.getStatistics().getPercentile(50) * gflopPerProduct,
                primary.getScoreError() * gflopPerProduct);
    }

    /** {@code median ± error}; the error is NaN with fewer than two iterations and left out then. */
    String format() {
        return Double.isNaN(error) ? String.format("%.2f", median) : String.format("%.2f ± %.2f", median, error);
    }
}
