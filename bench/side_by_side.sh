#!/usr/bin/env bash
# The MNIST comparison with scikit-learn, side by side: for each round, thread count (1, 2) and
# precision, runs vecnn's main job (MnistMain through Maven, on the toolchain JDK) and then
# bench/sklearn_mnist.py with the same number of threads, and prints one line per pair:
#   float32 1T | vecnn: S s/epoch, P ms | scikit-learn: S s/epoch, P ms | ratio E x, P x
# (seconds per epoch of the default fit, predict_proba on the 2000 test rows, scikit-learn's time
# over vecnn's). Alternating keeps both in the same minutes of a machine whose speed drifts.
# Usage, from anywhere: bench/side_by_side.sh [rounds]   (default 2). Needs /usr/bin/python3 with
# numpy and scikit-learn (Debian: python3-sklearn); not part of the build or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
# OpenBLAS picks its own kernels and cache sizes, as for every comparison in docs/results.md.
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
mvn -q install -DskipTests

summary() {
    # "S P": seconds per epoch of the last fit and predict_proba milliseconds.
    awk '/seconds\/epoch/ {s = $NF} /predict_proba/ {p = $(NF - 4)} END {print s, p}'
}

for round in $(seq "$rounds"); do
    for threads in 1 2; do
        for dtype in float64 float32; do
            args=""
            if [ "$dtype" = float32 ]; then
                args=float32
            fi
            read -r vs vp < <(VECNN_THREADS=$threads mvn -q -o -pl nn package -DskipTests -Pmnist \
                "-Dmnist.args=$args" 2>/dev/null | summary)
            read -r ss sp < <(OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
                /usr/bin/python3 bench/sklearn_mnist.py $args 2>/dev/null | summary)
            awk -v d="$dtype" -v t="$threads" -v vs="$vs" -v vp="$vp" -v ss="$ss" -v sp="$sp" 'BEGIN {
                printf "%s %dT | vecnn: %s s/epoch, %s ms | scikit-learn: %s s/epoch, %s ms | ratio %.2fx, %.2fx\n",
                    d, t, vs, vp, ss, sp, ss / vs, sp / vp }'
        done
    done
done
