"""Random scikit-learn MLP fits, written as reference cases for SklearnParityTest.

Each case draws a task (multiclass, binary, multilabel, regression, multi-output regression,
a sample of digits, Poisson counts with loss='poisson'), a small data set and every constructor parameter that shapes a fit
(hidden layers, none included, solver sgd / adam / lbfgs, activation, alpha, batch size,
learning-rate schedule, momentum and Nesterov, Adam's betas and epsilon, tol, n_iter_no_change,
early stopping and its fraction, shuffle, random_state, warm_start, verbose), fits scikit-learn
and stores what it did in the format of nn/src/test/resources/reference/README.md: `seeded`
cases for sgd and adam (compared at 1e-8), `lbfgs` cases (final loss and score; scipy's steps
are not followed step for step), and `calls` cases: fit / partial_fit sequences on row subsets,
ending where scikit-learn refuses a call (nn/src/test/resources/random-cases/README.md). A third
of the sgd and adam fits run verbose and keep scikit-learn's printed lines (`verbose_lines`).

    /usr/bin/python3 nn/tools/random_sklearn_cases.py OUT_DIR COUNT SEED [MAX_EPOCHS]
        [LBFGS_SHARE] [CALLS_SHARE]
    mvn test -pl nn -am -Dtest=SklearnParityTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dvecnn.reference=OUT_DIR

Deliberate departures from running scikit-learn 1.2.1 as it is:
- multi-output squared error is summed over outputs (the golden references' fixed loss, see
  that README; scikit-learn 1.2.1 averages the loss but sums the gradient, issue #8349);
- two rules of scikit-learn 1.3+ that vecnn follows (docs/sklearn-semantics.md) are patched in:
  n_iter_ counts the epochs of the current call (reset after the validation split, partial_fit
  included), and early stopping refuses a validation set of fewer than two rows; and 1.7's
  MLPRegressor(loss='poisson'): an exp output and the half Poisson deviance; and 1.7's copy of
  the initial weights as the best ones, which early stopping restores when no score beats -inf;
- a fit that one ulp in its initial weights together with one ulp of noise in every activation
  output (the rounding by which vecnn's tanh, exp and products differ from numpy's) moves by more
  than 1e-9 (a tenth of the parity tolerance) is left out: there the comparison would measure
  rounding, not semantics; so is a fit whose numbers went NaN in scikit-learn (a diverged lbfgs
  fit: scipy's line search on an overflowed gradient), and an
  lbfgs fit that ends below a loss of 1e-10 (a perfect fit, where 5% of the loss is rounding).
Fits whose first call scikit-learn refuses (ValueError) are skipped and listed on stderr.
"""
import contextlib
import io
import json
import sys
import warnings

import numpy as np
import sklearn.neural_network._base as sklearn_base
import sklearn.neural_network._multilayer_perceptron as sklearn_mlp
from sklearn.datasets import load_digits
from scipy.special import xlogy
from sklearn.neural_network import MLPClassifier, MLPRegressor

TASKS = ["multiclass", "binary", "multilabel", "regression", "multioutput", "digits", "poisson"]
REGRESSION = ("regression", "multioutput", "poisson")
SENSITIVITY_LIMIT = 1e-9


# ---- scikit-learn 1.2.1 patched to the rules vecnn follows (the docstring's departures) ----

def summed_squared_loss(y_true, y_pred):
    """Squared error summed over outputs, mean over rows, halved (the golden references' loss)."""
    return ((y_true - y_pred) ** 2).sum() / y_true.shape[0] / 2


sklearn_base.LOSS_FUNCTIONS["squared_error"] = summed_squared_loss

_split = sklearn_mlp.train_test_split
_fit_stochastic = sklearn_mlp.BaseMultilayerPerceptron._fit_stochastic


def split_of_two_or_more(*arrays, **options):
    """train_test_split, refusing a validation set of fewer than two rows (1.7)."""
    parts = _split(*arrays, **options)
    if parts[1].shape[0] < 2:
        raise ValueError("The validation set is too small. Increase 'validation_fraction' or the size of"
                         " your dataset.")
    return parts


def fit_stochastic_counting_per_call(self, *args, **kwargs):
    """_fit_stochastic with n_iter_ counting the current call only (1.3+)."""
    before = getattr(self, "n_iter_", None)
    self.n_iter_ = 0
    try:
        return _fit_stochastic(self, *args, **kwargs)
    except ValueError:
        self.n_iter_ = before  # refused in the split, which comes before the reset
        raise


sklearn_mlp.train_test_split = split_of_two_or_more
sklearn_mlp.BaseMultilayerPerceptron._fit_stochastic = fit_stochastic_counting_per_call


# MLPRegressor(loss='poisson') is 1.7's: an exp output (log link) and the half Poisson deviance
# mean(y log(y / p) - y + p), summed over outputs; its output delta p - y is 1.2.1's own
def half_poisson_deviance(y_true, y_pred):
    return np.average(xlogy(y_true, y_true / y_pred) - y_true + y_pred, axis=0).sum()


def exp_in_place(z):
    np.exp(z, out=z)
    return z


_initialize = sklearn_mlp.BaseMultilayerPerceptron._initialize


def keep_initial_as_best(est):
    """1.7's _initialize copies the initial weights into _best_coefs: early stopping restores them
    when no validation score beats -inf (1.2.1 fails with AttributeError there)."""
    est._best_coefs = [c.copy() for c in est.coefs_]
    est._best_intercepts = [b.copy() for b in est.intercepts_]


def initialize_as_1_7(self, y, layer_units, dtype):
    _initialize(self, y, layer_units, dtype)
    if self.loss == "poisson":
        self.out_activation_ = "exp"
    keep_initial_as_best(self)


sklearn_base.LOSS_FUNCTIONS["poisson"] = half_poisson_deviance
sklearn_base.ACTIVATIONS["exp"] = exp_in_place
sklearn_mlp.BaseMultilayerPerceptron._initialize = initialize_as_1_7


# ---- drawing and fitting ----

def estimator(task, params):
    """The scikit-learn estimator for a task (1.2.1 takes no loss argument: it is set after)."""
    if task not in REGRESSION:
        return MLPClassifier(**params)
    est = MLPRegressor(**{k: v for k, v in params.items() if k != "loss"})
    est.loss = params.get("loss", "squared_error")
    return est


def draw_data(rng, task):
    if task == "digits":
        X, y = load_digits(return_X_y=True)
        idx = rng.choice(len(y), size=rng.randint(30, 160), replace=False)
        return X[idx] / 16.0, y[idx]
    n = int(rng.choice([1, 2, 3, 7, 16, 17, 31, 60, 101]))
    f = int(rng.randint(1, 9))
    # a third of the sets far from unit scale, so that activations saturate or barely move
    X = rng.standard_normal((n, f)) * (10.0 ** rng.uniform(-3, 3) if rng.rand() < 1 / 3 else 1.0)
    if task == "multiclass":
        k = rng.randint(3, 6)
        y = np.argmax(X @ rng.standard_normal((f, k)) + 0.5 * rng.standard_normal((n, k)), axis=1)
    elif task == "binary":
        y = (X @ rng.standard_normal(f) + 0.5 * rng.standard_normal(n) > 0).astype(int)
    elif task == "multilabel":
        k = rng.randint(2, 5)
        y = (X @ rng.standard_normal((f, k)) + 0.5 * rng.standard_normal((n, k)) > 0).astype(int)
    elif task == "regression":
        y = X @ rng.standard_normal(f) + 0.1 * rng.standard_normal(n)
    elif task == "poisson":
        y = rng.poisson(np.exp(np.clip(X, -3, 3) @ rng.standard_normal(f) / np.sqrt(f))).astype(float)
    else:
        y = X @ rng.standard_normal((f, rng.randint(2, 4))) + 0.1 * rng.standard_normal((n, 1))
    return X, y


def draw_params(rng, n, max_epochs, lbfgs_share):
    p = dict(
        hidden_layer_sizes=[int(rng.randint(1, 13)) for _ in range(rng.randint(0, 4))],
        activation=str(rng.choice(["identity", "logistic", "tanh", "relu"])),
        solver="lbfgs" if rng.rand() < lbfgs_share else str(rng.choice(["sgd", "adam"])),
        alpha=float(rng.choice([0.0, 1e-4, 1e-2, 1.0])),
        batch_size="auto" if rng.rand() < 0.3 else int(rng.randint(1, n + 10)),
        learning_rate=str(rng.choice(["constant", "invscaling", "adaptive"])),
        learning_rate_init=float(10 ** rng.uniform(-3.5, -1)),
        power_t=float(rng.uniform(0.2, 0.8)),
        max_iter=int(rng.randint(1, max_epochs + 1)),
        shuffle=bool(rng.rand() < 0.7),
        random_state=int(rng.randint(0, 2**31 - 1)),
        tol=float(rng.choice([0.0, 1e-4, 1e-2, 0.1])),
        momentum=float(rng.choice([0.0, 0.5, 0.9, 0.99, 1.0])),
        nesterovs_momentum=bool(rng.rand() < 0.5),
        early_stopping=bool(rng.rand() < 0.3) and n >= 10,
        validation_fraction=float(rng.uniform(0.1, 0.4)),
        beta_1=float(rng.uniform(0.5, 0.99)),
        beta_2=float(rng.uniform(0.9, 0.9999)),
        epsilon=float(10 ** rng.uniform(-10, -6)),
        n_iter_no_change=int(rng.randint(1, 12)),
    )
    # the lines of sgd and adam are scikit-learn's own; lbfgs prints scipy's Fortran output
    p["verbose"] = p["solver"] != "lbfgs" and bool(rng.rand() < 0.3)
    return p


def fit(est, X, y, init, nudge=None, call=lambda e, X_, y_: e.fit(X_, y_)):
    """est.fit (or call), keeping the initial weights in init; nudge (a RandomState) moves each by one ulp."""
    initialize = est._initialize

    def recorded(y_, units, dtype):
        initialize(y_, units, dtype)
        if nudge is not None:
            for arrays in (est.coefs_, est.intercepts_):
                for a in arrays:
                    a[...] = np.nextafter(a, np.where(nudge.rand(*a.shape) < 0.5, -np.inf, np.inf))
            keep_initial_as_best(est)
        init["coefs"] = [c.copy() for c in est.coefs_]
        init["intercepts"] = [b.copy() for b in est.intercepts_]

    est._initialize = recorded
    printed = io.StringIO()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(printed):
            warnings.simplefilter("ignore")
            call(est, X, y)
    finally:
        del est._initialize
        init.setdefault("printed", []).append(printed.getvalue())


@contextlib.contextmanager
def activations_nudged(noise):
    """Every activation's output moved by one ulp up or down at random (noise: a RandomState)."""
    saved = dict(sklearn_base.ACTIVATIONS)

    def nudged(f):
        def apply(z):  # in place, as scikit-learn's activations
            f(z)
            z[...] = np.nextafter(z, np.where(noise.rand(*z.shape) < 0.5, -np.inf, np.inf))
            return z
        return apply

    for name, f in saved.items():
        sklearn_base.ACTIVATIONS[name] = nudged(f)
    try:
        yield
    finally:
        sklearn_base.ACTIVATIONS.update(saved)


def outputs(est, X):
    return est.predict_proba(X) if isinstance(est, MLPClassifier) else est.predict(X)


def deviation(a, b, X):
    """Largest |a - b| / (1 + |a|) over losses, final weights and outputs; inf if n_iter_ or the
    length of the loss curve differs (a call sequence can stop one epoch apart in an earlier call)."""
    if a.n_iter_ != b.n_iter_ or len(getattr(a, "loss_curve_", ())) != len(getattr(b, "loss_curve_", ())):
        return np.inf
    pairs = [(np.atleast_1d(a.loss_), np.atleast_1d(b.loss_)), (outputs(a, X), outputs(b, X))]
    if hasattr(a, "loss_curve_"):
        pairs.append((np.array(a.loss_curve_), np.array(b.loss_curve_)))
    pairs += list(zip(a.coefs_, b.coefs_)) + list(zip(a.intercepts_, b.intercepts_))
    return max(float(np.max(np.abs(u - v) / (1 + np.abs(u)), initial=0.0)) for u, v in pairs)


def as_case(case_id, task, est, p, X, y, init):
    lists = lambda arrays: [np.asarray(a).tolist() for a in arrays]
    clf = isinstance(est, MLPClassifier)
    case = dict(meta=dict(generator="nn/tools/random_sklearn_cases.py, scikit-learn "
                          + __import__("sklearn").__version__ + ", numpy " + np.__version__,
                          dtype="float64"),
                task=task, estimator="MLPClassifier" if clf else "MLPRegressor", params=p,
                X=X.tolist(), y=np.asarray(y).tolist(), id=case_id)
    score = float(est.score(X, y))
    if p["solver"] == "lbfgs":
        case.update(kind="lbfgs", coefs=lists(init["coefs"]), intercepts=lists(init["intercepts"]),
                    final_loss=float(est.loss_), n_iter=int(est.n_iter_), score=score)
        return case
    out = outputs(est, X)
    if p["verbose"]:
        case["verbose_lines"] = "".join(init["printed"]).splitlines()
    case.update(kind="seeded", init_coefs=lists(init["coefs"]), init_intercepts=lists(init["intercepts"]),
                loss_curve=list(est.loss_curve_), n_iter=int(est.n_iter_), t=int(est.t_),
                final_coefs=lists(est.coefs_), final_intercepts=lists(est.intercepts_),
                output=(out if clf else out.reshape(len(X), -1)).tolist(),
                predict=np.asarray(est.predict(X)).tolist(), score=score)
    return case


def draw_calls(rng, task, y, params):
    """2-4 calls of fit / partial_fit on random subsets of the rows (each at least two rows)."""
    n = len(y)
    calls = []
    for _ in range(rng.randint(2, 5)):
        size = rng.randint(min(2, n), n + 1)
        rows = sorted(rng.choice(n, size=size, replace=False).tolist())
        calls.append(dict(method="partial_fit" if rng.rand() < 0.6 else "fit", rows=rows))
    if any(c["method"] == "partial_fit" for c in calls):
        params["early_stopping"] = False  # scikit-learn 1.2.1's partial_fit fails with it (best_loss_ None)
    params["warm_start"] = bool(rng.rand() < 0.5)
    return calls


def run_calls(est, X, y, task, calls, init, nudge=None):
    """The calls in turn; a classifier's first partial_fit gets every class of y (multilabel: the
    column indices, which a multilabel fit sets as classes_).

    A call after the first that scikit-learn refuses (ValueError) without changing the model ends
    the list: its index is returned (else None), and the case then expects the refusal there."""
    first_partial = True
    for i, c in enumerate(calls):
        rows = np.array(c["rows"])
        extra = {}
        if c["method"] == "partial_fit" and isinstance(est, MLPClassifier) and first_partial:
            extra["classes"] = np.arange(y.shape[1]) if task == "multilabel" else np.unique(y)
        if c["method"] == "partial_fit":
            first_partial = False
            call = lambda e, X_, y_: e.partial_fit(X_, y_, **extra)
        else:
            call = lambda e, X_, y_: e.fit(X_, y_)
        before = snapshot(est) if i > 0 else None
        try:
            fit(est, X[rows], y[rows], init, nudge, call)
        except ValueError:
            if i == 0 or snapshot(est) != before:
                raise
            del calls[i + 1:]
            return i
    return None


def snapshot(est):
    return json.dumps([np.asarray(a).tolist() for a in est.coefs_ + est.intercepts_]
                      + [getattr(est, "loss_curve_", None), est.n_iter_, getattr(est, "t_", None)])


def main(out_dir, count, seed, max_epochs=30, lbfgs_share=0.0, calls_share=0.0):
    rng = np.random.RandomState(seed)
    made = sensitive = 0
    while made < count:
        task = TASKS[rng.randint(len(TASKS))]
        X, y = draw_data(rng, task)
        if task not in REGRESSION and len(np.unique(y)) < 2:
            continue
        with_calls = rng.rand() < calls_share
        p = draw_params(rng, len(X), max_epochs, 0.0 if with_calls else lbfgs_share)
        if task == "poisson":
            p["loss"] = "poisson"
        calls = draw_calls(rng, task, y, p) if with_calls else [dict(method="fit", rows=list(range(len(y))))]
        est, init = estimator(task, p), {}
        try:
            refused_at = run_calls(est, X, y, task, calls, init)
        except ValueError as e:
            print("skipped, scikit-learn refused:", e, task, X.shape, json.dumps(p), file=sys.stderr)
            continue
        nudged = estimator(task, p)
        try:
            with activations_nudged(np.random.RandomState(made + 1_000_000)):
                run_calls(nudged, X, y, task, calls, {}, np.random.RandomState(made))
            moved = deviation(est, nudged, X)
        except ValueError:  # the nudged fit diverged (or refused a call the original took)
            moved = np.inf
        if not moved <= SENSITIVITY_LIMIT:  # NaN too: a fit that diverged to NaN measures nothing
            sensitive += 1
            continue
        if p["solver"] == "lbfgs" and est.loss_ < 1e-10:
            sensitive += 1  # a perfect fit: 5% of a loss at rounding level compares rounding
            continue
        case_id = "random-%04d" % made
        try:
            case = as_case(case_id, task, est, p, X, y, init)
        except ValueError as e:  # score() refuses predictions that overflowed
            print("skipped, scikit-learn refused:", e, task, X.shape, json.dumps(p), file=sys.stderr)
            continue
        if with_calls:
            case.update(kind="calls", calls=calls, refused_at=-1 if refused_at is None else refused_at)
            for k in ("init_coefs", "init_intercepts"):
                del case[k]
        with open("%s/%s.json" % (out_dir, case_id), "w") as f:
            json.dump(case, f)
        made += 1
    print("%d cases written, %d left out as too sensitive to rounding" % (made, sensitive), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 30,
         float(sys.argv[5]) if len(sys.argv) > 5 else 0.0, float(sys.argv[6]) if len(sys.argv) > 6 else 0.0)
