#!/usr/bin/env python3
"""The two MNIST runs of dev.vecnn.nn.examples.MnistMain, with scikit-learn, for comparison.

Reads the same bundled 10,000 digits (rows 0-7999 train, 8000-9999 test, pixels / 255) and prints
scikit-learn's verbose lines and the same summary lines per run:
    test accuracy: 0.XXXX  epochs: N  seconds/epoch: S
    epoch seconds: median M  first F  slowest W
and, after the second run, the time of predict_proba on the 2000 test rows.
Usage: python3 bench/sklearn_mnist.py [float32 | float64]   (default float64; needs numpy, sklearn).
Any other argument is refused, as MnistMain refuses it. Not part of the build or the tests.
"""
import argparse
import gzip
import os
import struct
import sys
import time
import warnings

# numpy and scikit-learn are imported where used, after the arguments are checked: --help and a
# refused argument then answer at once, and on a machine without them.

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "nn", "src", "main", "resources",
                    "dev", "vecnn", "nn", "data")
TRAIN_ROWS = 8000


def read_idx(name):
    import numpy as np
    with gzip.open(os.path.join(DATA, name), "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


class EpochClock:
    """sys.stdout during a fit, passing everything on, with the time at which each epoch's verbose
    line ("Iteration N, loss = ...") was written: the time between two such lines is one epoch,
    as MnistMain's EpochClock measures vecnn's."""

    def __init__(self, target):
        self.target = target
        self.start = time.perf_counter()
        self.ends = []

    def write(self, text):
        if text.startswith("Iteration"):
            self.ends.append(time.perf_counter())
        return self.target.write(text)

    def flush(self):
        self.target.flush()

    def epoch_seconds(self):
        starts = [self.start] + self.ends[:-1]
        return [end - begin for begin, end in zip(starts, self.ends)]


def run(params, x_train, y_train, x_test, y_test):
    import numpy as np
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(**params)
    clock = EpochClock(sys.stdout)
    sys.stdout = clock
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(x_train, y_train)
    finally:
        seconds = time.perf_counter() - start
        sys.stdout = clock.target
    accuracy = clf.score(x_test, y_test)
    print("test accuracy: %.4f  epochs: %d  seconds/epoch: %.3f" % (accuracy, clf.n_iter_, seconds / clf.n_iter_))
    epochs = clock.epoch_seconds()
    if epochs:
        print("epoch seconds: median %.4f  first %.4f  slowest %.4f"
              % (float(np.median(epochs)), epochs[0], max(epochs)))
    return clf


def time_predict_proba(clf, x_test):
    """predict_proba on the test rows: the median of 21 calls after at least 2 s (and 20 calls) of
    unmeasured ones, as MnistMain."""
    warm_end = time.perf_counter() + 2.0
    i = 0
    while i < 20 or time.perf_counter() < warm_end:
        clf.predict_proba(x_test)
        i += 1
    times = []
    for _ in range(21):
        start = time.perf_counter()
        clf.predict_proba(x_test)
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    print("predict_proba on %d rows: %.2f ms (median of %d)" % (x_test.shape[0], times[len(times) // 2], len(times)))


def blas_line():
    """The BLAS numpy calls and the kernel set it runs (threadpoolctl, a scikit-learn dependency)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "BLAS: unknown (no threadpoolctl)"
    infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    return "BLAS: " + "; ".join("%s %s, core %s, %s threads" % (i.get("internal_api"), i.get("version"),
                                                             i.get("architecture"), i.get("num_threads"))
                                for i in infos)


def parse_args(argv):
    """The precision to train in, from the command line: float32, float64 or nothing (float64)."""
    parser = argparse.ArgumentParser(
        prog="python3 bench/sklearn_mnist.py",
        description="MnistMain's two MNIST runs with scikit-learn, for comparison with vecnn.")
    parser.add_argument("precision", nargs="?", default="float64", choices=["float64", "float32"],
                        help="the input and model precision (default: float64)")
    return parser.parse_args(argv).precision


def main(argv):
    precision = parse_args(argv)
    import numpy as np

    dtype = np.float32 if precision == "float32" else np.float64
    print(blas_line())
    images = read_idx("images-idx3-ubyte.gz")
    labels = read_idx("labels-idx1-ubyte.gz").astype(int)
    x = (images.reshape(images.shape[0], -1) / 255.0).astype(dtype)
    x_train, x_test = x[:TRAIN_ROWS], x[TRAIN_ROWS:]
    y_train, y_test = labels[:TRAIN_ROWS], labels[TRAIN_ROWS:]
    print("== sgd, identity, hidden (100, 50), max_iter=10, alpha=1e-5, " + np.dtype(dtype).name)
    run(dict(solver="sgd", activation="identity", max_iter=10, alpha=1e-5, hidden_layer_sizes=(100, 50),
             random_state=1, verbose=True), x_train, y_train, x_test, y_test)
    print("== defaults: adam, relu, hidden (100,), max_iter=200, " + np.dtype(dtype).name)
    clf = run(dict(random_state=1, verbose=True), x_train, y_train, x_test, y_test)
    time_predict_proba(clf, x_test)


if __name__ == "__main__":
    main(sys.argv[1:])
