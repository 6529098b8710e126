"""Relative minimax fit of e^r = 1 + r + r^2 (c2 + c3 r + ... + cd r^(d-2)) on |r| <= ln2 / 2.

How the coefficients of dev.vecnn.kernels.elementwise.MathConstants (EXP_POLY_F32, EXP_POLY_F64)
were obtained. Not needed to build or test vecnn.

Method: least squares of the relative residual at N Chebyshev points, with Lawson's reweighting
towards the minimax solution, in 40-digit arithmetic (mpmath); c0 = c1 = 1 are kept exact, so the
value near r = 0 is 1 + r rounded once, as with the Taylor polynomial. Prints the coefficients as
float (or double) hex literals and the largest relative error of the polynomial with those
coefficients (evaluated exactly) over a fine grid.

Usage: /usr/bin/python3 fit_exp.py DEGREE [double]
  float, as used: fit_exp.py 6          (3.8e-9 = 0.03 ulp; the degree-7 Taylor polynomial it replaced: 7.3e-9)
  double, as used: fit_exp.py 11 double (1.1e-17 = 0.05 ulp; degree 10 gives 1.3 ulp; about 2 minutes)
"""
import struct
import sys

import mpmath as mp

mp.mp.dps = 40


def fit(degree, n_points=600, iterations=300):
    h = mp.log(2) / 2
    rs = [h * mp.cos(mp.pi * (i + mp.mpf(1) / 2) / n_points) for i in range(n_points)]
    powers = list(range(2, degree + 1))
    weights = [mp.mpf(1)] * n_points
    coefficients = None
    for _ in range(iterations):
        a = mp.matrix([[r ** k / mp.e ** r * mp.sqrt(w) for k in powers] for r, w in zip(rs, weights)])
        b = mp.matrix([(mp.e ** r - 1 - r) / mp.e ** r * mp.sqrt(w) for r, w in zip(rs, weights)])
        coefficients = mp.lu_solve(a.T * a, a.T * b)
        errors = [abs(relative_error([coefficients[i] for i in range(len(powers))], r)) for r in rs]
        total = sum(w * e for w, e in zip(weights, errors))
        weights = [w * e / total for w, e in zip(weights, errors)]
    return [coefficients[i] for i in range(len(powers))]


def relative_error(c, r):
    p = 1 + r + sum(ck * r ** (k + 2) for k, ck in enumerate(c))
    return (p - mp.e ** r) / mp.e ** r


def main():
    degree = int(sys.argv[1])
    double = len(sys.argv) > 2 and sys.argv[2] == "double"
    c = fit(degree)
    as_float = [float(x) if double else struct.unpack('f', struct.pack('f', float(x)))[0] for x in c]
    h = mp.log(2) / 2
    grid = [-h + 2 * h * i / 20000 for i in range(20001)]
    worst = max(abs(relative_error([mp.mpf(x) for x in as_float], r)) for r in grid)
    kind = "double" if double else "float"
    print("c2..c%d (%s):" % (degree, kind), ", ".join(float.hex(x) for x in as_float))
    print("largest relative error with %s coefficients: %.3g (%.3f ulp of [1, 2))"
          % (kind, worst, worst * 2 ** (52 if double else 23)))


if __name__ == "__main__":
    main()
