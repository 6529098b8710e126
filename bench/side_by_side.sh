#!/usr/bin/env bash
# The MNIST comparison with scikit-learn, side by side: for each round, thread count (1, 2) and
# precision, runs vecnn's main job (MnistMain through Maven, on the toolchain JDK) and then
# bench/sklearn_mnist.py with the same number of threads, and prints one line per pair:
#   float32 1T | vecnn: S s/epoch, median M, P ms | scikit-learn: S s/epoch, median M, P ms | ratio E x, median Em x, P x
# (seconds per epoch of the default fit as its time over its epochs, the median epoch timed
# between the verbose lines, predict_proba on the 2000 test rows; ratios are scikit-learn's time
# over vecnn's). Alternating keeps both in the same minutes of a machine whose speed drifts.
# Usage, from anywhere: bench/side_by_side.sh [rounds]   (default 2). Needs /usr/bin/python3 with
# numpy and scikit-learn (Debian: python3-sklearn); not part of the build or the tests. A half that
# prints no figures (a failed build, a missing scikit-learn) ends the script with its output's tail.
# SKLEARN_OPENBLAS_CORETYPE=NAME hands OPENBLAS_CORETYPE=NAME to scikit-learn's side only: where
# OpenBLAS does not know the CPU and falls back to old kernels (Debian's 0.3.21 runs Prescott's SSE3
# kernels on a 5th-generation Xeon), scikit-learn then runs with the kernel set the CPU calls for
# (docs/results.md, session 14). The BLAS core each round ran is printed.
set -euo pipefail
usage="usage: bench/side_by_side.sh [rounds]   (rounds: a whole number >= 1, default 2; -h: this text)"
case "${1:-}" in
    -h | --help)
        echo "$usage"
        exit 0
        ;;
esac
# Checked before the build, which takes a minute: a bad argument fails at once.
if [ $# -gt 1 ]; then
    echo "side_by_side.sh: one argument at most (rounds), got $#: $*" >&2
    echo "$usage" >&2
    exit 2
fi
if ! [[ ${1:-2} =~ ^0*[1-9][0-9]*$ ]]; then
    echo "side_by_side.sh: rounds must be a whole number >= 1, got '$1'" >&2
    echo "$usage" >&2
    exit 2
fi
rounds=${1:-2}
cd "$(dirname "$0")/.."
# OpenBLAS picks its own kernels and cache sizes, as for every comparison in docs/results.md.
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
mvn -q install -DskipTests

summary() {
    # "S M P": seconds per epoch of the last fit, its median epoch, predict_proba milliseconds.
    awk '/seconds\/epoch/ {s = $NF} /^epoch seconds/ {m = $4} /predict_proba/ {p = $(NF - 4)} END {print s, m, p}'
}

no_figures() {
    # A half without its three figures would print empty times and -nan ratios: stop instead.
    echo "side_by_side.sh: $1 ($2, $3 thread(s)) printed no seconds/epoch, median epoch or predict_proba" \
        "time; the end of its output:" >&2
    printf '%s\n' "$4" | tail -n 20 >&2
    exit 1
}

for round in $(seq "$rounds"); do
    for threads in 1 2; do
        for dtype in float64 float32; do
            # Both halves take the precision by name (float64 is also their default).
            v_out=$(VECNN_THREADS=$threads mvn -q -o -pl nn package -DskipTests -Pmnist "-Dmnist.args=$dtype" \
                2>&1) || true
            read -r vs vm vp < <(printf '%s\n' "$v_out" | summary)
            if [ -z "$vs" ] || [ -z "$vm" ] || [ -z "$vp" ]; then
                no_figures vecnn "$dtype" "$threads" "$v_out"
            fi
            sk_env=(OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads)
            if [ -n "${SKLEARN_OPENBLAS_CORETYPE:-}" ]; then
                sk_env+=(OPENBLAS_CORETYPE="$SKLEARN_OPENBLAS_CORETYPE")
            fi
            sk_out=$(env "${sk_env[@]}" /usr/bin/python3 bench/sklearn_mnist.py "$dtype" 2>&1) || true
            echo "$sk_out" | grep -m1 '^BLAS:' || true
            read -r ss sm sp < <(printf '%s\n' "$sk_out" | summary)
            if [ -z "$ss" ] || [ -z "$sm" ] || [ -z "$sp" ]; then
                no_figures scikit-learn "$dtype" "$threads" "$sk_out"
            fi
            awk -v d="$dtype" -v t="$threads" -v vs="$vs" -v vm="$vm" -v vp="$vp" -v ss="$ss" -v sm="$sm" \
                -v sp="$sp" 'BEGIN {
                printf "%s %dT | vecnn: %s s/epoch, median %s, %s ms | scikit-learn: %s s/epoch, median %s, %s ms",
                    d, t, vs, vm, vp, ss, sm, sp
                printf " | ratio %.2fx, median %.2fx, %.2fx\n", ss / vs, sm / vm, sp / vp }'
        done
    done
done
