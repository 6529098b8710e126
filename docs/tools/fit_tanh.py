"""Relative minimax fit of tanh(x) = x P(x^2) / Q(x^2) with P(0) = Q(0) = 1 on [0, c].

How the float coefficients of dev.vecnn.kernels.elementwise.MathConstants (TANH_P_F32,
TANH_Q_F32) were obtained. Not needed to build or test vecnn.

Method: linearized least squares (tanh(x)/x * Q - P = 0 at N Chebyshev-spaced points, weighted by
1 / (Q_previous * tanh(x)/x) so the residual is relative), with Lawson's reweighting towards the
minimax solution, in 40-digit arithmetic (mpmath). Works in u = x^2 / c^2 on [0, 1] for conditioning
and prints the coefficients of powers of x^2.

Usage: /usr/bin/python3 fit_tanh.py LIMIT PRECISION_BITS P_DEGREE,Q_DEGREE ...
  float, as used:   fit_tanh.py 9.02 24 5,4     (max relative error 1.7e-9 = 0.03 ulp)
  double, not used: fit_tanh.py 19.1 53 10,9    (6.2e-18 = 0.06 ulp)
The float coefficients were then rounded to float and moved by a few ulps each where that lowered
the largest error of the float evaluation over every float in [0, 10] (5.1 -> 4.8 ulps).
"""
import sys

import mpmath as mp

mp.mp.dps = 40


def fit(p, q, c, n_points=800, iterations=40):
    c = mp.mpf(c)
    xs = [c * (1 - mp.cos(mp.pi / 2 * (i + 0.5) / n_points)) for i in range(n_points)]
    s = c * c
    us = [x * x / s for x in xs]
    fs = [mp.tanh(x) / x for x in xs]
    weights = [mp.mpf(1)] * n_points
    q_previous = [mp.mpf(1)] * n_points
    best = None
    unknowns = p + q
    for _ in range(iterations):
        # Unknowns a1..ap (P = 1 + a1 u + ...) and b1..bq (Q = 1 + b1 u + ...):
        # sum a_k u^k - f sum b_k u^k = f - 1, as weighted normal equations.
        m = mp.matrix(unknowns, unknowns)
        r = mp.matrix(unknowns, 1)
        for i in range(n_points):
            w = weights[i] / (q_previous[i] * fs[i])
            w2 = w * w
            row = [us[i] ** k for k in range(1, p + 1)] + [-fs[i] * us[i] ** k for k in range(1, q + 1)]
            y = fs[i] - 1
            for a in range(unknowns):
                ra = row[a] * w2
                r[a] += ra * y
                for b in range(a, unknowns):
                    m[a, b] += ra * row[b]
        for a in range(unknowns):
            for b in range(a):
                m[a, b] = m[b, a]
        sol = mp.lu_solve(m, r)
        pc = [mp.mpf(1)] + [sol[k] for k in range(p)]
        qc = [mp.mpf(1)] + [sol[p + k] for k in range(q)]
        errors = []
        for i in range(n_points):
            pv = mp.polyval(pc[::-1], us[i])
            qv = mp.polyval(qc[::-1], us[i])
            errors.append((pv / qv - fs[i]) / fs[i])
            q_previous[i] = qv
        worst = max(abs(e) for e in errors)
        if best is None or worst < best[0]:
            best = (worst, pc, qc)
        mean = sum(abs(e) for e in errors) / n_points
        weights = [max(weights[i] * abs(errors[i]) / mean, mp.mpf(10) ** -30) for i in range(n_points)]
    worst, pc, qc = best
    return worst, [pc[k] / s ** k for k in range(p + 1)], [qc[k] / s ** k for k in range(q + 1)]


if __name__ == "__main__":
    limit = float(sys.argv[1])
    ulp = 2.0 ** -int(sys.argv[2])
    for degrees in sys.argv[3:]:
        p, q = map(int, degrees.split(","))
        worst, pc, qc = fit(p, q, limit)
        print(p, q, "max relative error", mp.nstr(worst, 5), "=", mp.nstr(worst / ulp, 4), "ulp")
        print("  P", [mp.nstr(a, 25) for a in pc])
        print("  Q", [mp.nstr(b, 25) for b in qc])
