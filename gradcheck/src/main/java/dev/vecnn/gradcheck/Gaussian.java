package dev.vecnn.gradcheck;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom} (Box-Muller), reproducible per seed. */
final class Gaussian {
    private Gaussian() {
    }

    static double next(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
