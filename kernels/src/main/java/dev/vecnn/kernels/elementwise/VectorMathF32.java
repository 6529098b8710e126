package dev.vecnn.kernels.elementwise;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementary functions on whole vectors, by polynomial approximation: exp, log, tanh, logistic,
 * softplus and the helpers they share.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: on the machine this was first tuned on (JDK 25,
 * AMD Zen 5) the lanewise transcendental operators are not intrinsified and cost as much per
 * element as the scalar {@code Math} loop; on an Intel Xeon (session 17) the JDK's lanewise TANH
 * is intrinsified and still half as fast as {@link #tanh} (see docs/elementwise-results.md).
 *
 * <p>Method: exp reduces {@code x = n ln2 + r} with |r| <= ln2/2 (Cody-Waite with a two-part ln 2
 * and fused multiply-adds), evaluates a polynomial of r (MathConstants.EXP_POLY_F32) and scales by {@code 2^n} built
 * from exponent bits, in two halves so that subnormal results are rounded once and overflow gives
 * infinity. log splits {@code x = 2^e m} with m in [sqrt(1/2), sqrt(2)) (subnormals pre-scaled)
 * and sums {@code e ln2 + 2 atanh((m-1)/(m+1))}. tanh is a rational function {@code x P(x^2) /
 * Q(x^2)} in float (one division and nine fused multiply-adds, 2.3x faster than the exp form)
 * and {@code expm1(2|x|) / (expm1(2|x|) + 2)} with the sign restored in double, which keeps the
 * double within 5 ulps (MathConstants.TANH_RATIONAL_F32 says why). Error bounds against the exact result
 * are stated and tested in {@code ElementwiseTolerance}; all functions propagate NaN, and
 * saturate cleanly at +-infinity.
 *
 * <p>Internal, but public for the GEMM epilogue in {@code dev.vecnn.kernels.gemm}. The double
 * twin {@code VectorMathF64} is generated from this file.
 */
public final class VectorMathF32 {
    /** The species every elementwise kernel of this precision uses. */
    public static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int P = Float.PRECISION;
    private static final int BIAS = Float.MAX_EXPONENT;
    private static final double LN2 = Math.log(2);
    private static final float LN2_HI = (float) MathConstants.LN2_HI_F32;
    private static final float LN2_LO = (float) MathConstants.LN2_LO_F32;
    private static final float LOG2E = (float) (1 / LN2);
    /** Adding and subtracting 1.5 * 2^(P-1) rounds a float of magnitude < 2^(P-2) to an integer. */
    private static final float ROUND = (float) (1.5 * Math.scalb(1.0, P - 1));
    /** ROUND + BIAS: the rounded sum's low mantissa bits hold n + BIAS, 2^n's exponent field. */
    private static final float ROUND_BIASED = ROUND + BIAS;
    /** 2^(P-1): an integer k < 2^(P-1) added to it lands in the low mantissa bits. */
    private static final float TWO_P1 = (float) Math.scalb(1.0, P - 1);
    /** exp overflows above (BIAS + 1) ln2; up to one more, n fits two normal halves; beyond, +inf. */
    private static final float EXP_HI = (float) ((BIAS + 2) * LN2);
    /** exp is below half the smallest subnormal under -(BIAS + P) ln2: below this, +0. */
    private static final float EXP_LO = (float) (-(BIAS + P + 8) * LN2);
    /** expm1(x) rounds to -1 below -(P + 3) ln2; tanh saturates to 1 once 2|x| > (P + 3) ln2. */
    // Down to here e^x and its power of two 2^n (n = round(x / ln2) >= 2 - BIAS) are normal: about
    // -86.6 in float, -707.7 in double; see expOfNegated.
    private static final float NORMAL_EXP_LO = (float) (-(BIAS - 2) * LN2);
    private static final float EXPM1_LIMIT = (float) ((P + 3) * LN2);
    private static final float SQRT2 = (float) Math.sqrt(2);
    private static final float MIN_NORMAL = Float.MIN_NORMAL;
    private static final float TWO_P = (float) Math.scalb(1.0, P);
    /** (e^r - 1) / r = 1 + r/2 + r^2/6 + ...: the Taylor coefficients of exp from 1/1! (expm1). */
    private static final long[] EXPM1_OVER_R = rounded(java.util.Arrays.copyOfRange(
            MathConstants.expTaylor(MathConstants.EXP_DEGREE_F32), 1, MathConstants.EXP_DEGREE_F32 + 1));
    private static final long[] EXP_P = rounded(MathConstants.EXP_POLY_F32);
    /** EXP_P with the odd powers' signs flipped: the polynomial of -s (see expOfNegated). */
    private static final long[] EXP_P_ODD_NEGATED = rounded(oddNegated(MathConstants.EXP_POLY_F32));
    private static final long[] ATANH_C = rounded(MathConstants.atanhSeries(MathConstants.LOG_TERMS_F32));
    private static final float TANH_LIMIT = (float) MathConstants.TANH_LIMIT_F32;
    private static final long[] TANH_P = rounded(MathConstants.TANH_P_F32);
    private static final long[] TANH_Q = rounded(MathConstants.TANH_Q_F32);
    // expVectors, called through a handle so that it is compiled on its own (see CompileRoots).
    private static final MethodHandle[] EXP_LOOP = CompileRoots.find(MethodHandles.lookup(),
            MethodType.methodType(void.class, float[].class, int.class, int.class), "expVectors");

    private VectorMathF32() {
    }

    /**
     * e^x in every lane: +infinity above the overflow point, +0 far below zero (subnormal results
     * rounded once), NaN for NaN.
     *
     * <p>While every lane has |x| <= {@code -NORMAL_EXP_LO}, 2^n (n = round(x / ln2)) and the
     * result are normal, so one power of two, the shifted bits of the rounding sum (as in
     * {@link #expOfNegated}), rounds the result once: no clamp of x (Java's vector min and max are
     * several instructions each) and no two-step scaling. A vector with a lane beyond that range
     * takes a branch that scales those lanes in two normal halves, so that a subnormal result is
     * rounded once and a large one overflows, and sets the lanes beyond the clamp points to their
     * limits; it uses vector operations only (a call there would be cold, not inlined, and would box
     * every vector of the loop, see expOfNegated). Both give the bits the clamped two-step form gave
     * before session 25 (n cannot fall on a rounding tie at these magnitudes), in about half its
     * time.
     */
    public static FloatVector exp(FloatVector x) {
        FloatVector t = x.fma(LOG2E, ROUND_BIASED);
        FloatVector n = t.sub(ROUND_BIASED);
        FloatVector p = expOfReduced(x, n);
        // t's low mantissa bits hold n + BIAS; shifted into the exponent field they are 2^n.
        FloatVector result = p.mul(t.viewAsIntegralLanes().lanewise(VectorOperators.LSHL, P - 1).reinterpretAsFloats());
        VectorMask<Float> wide = x.abs().compare(VectorOperators.GT, -NORMAL_EXP_LO);
        if (wide.anyTrue()) {
            // 2^n = 2^n1 * 2^n2 with both halves normal: the first product is exact, the second
            // rounds once even when the result is subnormal, and overflows to infinity.
            FloatVector n1 = n.fma(0.5f, ROUND).sub(ROUND);
            FloatVector pow1 = n1.add(BIAS + TWO_P1).viewAsIntegralLanes().lanewise(VectorOperators.LSHL, P - 1)
                    .reinterpretAsFloats();
            FloatVector pow2 = n.sub(n1).add(BIAS + TWO_P1).viewAsIntegralLanes()
                    .lanewise(VectorOperators.LSHL, P - 1).reinterpretAsFloats();
            result = result.blend(p.mul(pow1).mul(pow2), wide)
                    .blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_HI))
                    .blend(0, x.compare(VectorOperators.LT, EXP_LO));
        }
        return result;
    }

    /**
     * e^-a for a >= 0 (logistic's and softplus' e^-|x|), with the bits of {@code exp(-a)}. While
     * every lane is at most {@code -NORMAL_EXP_LO}, 2^n (n = round(-a / ln2)) and the result are
     * normal, so one power of two gives exactly what exp's two-step scaling gives, without exp's
     * clamping; a vector with a lane beyond it (or +infinity) is scaled in exp's two steps. That
     * rare branch calls none of our methods: it used to call exp, which C2 did not inline where it
     * found the branch cold, and once the branch had been reached every vector of the loop was
     * boxed (29 KB per 64 x 19 double logistic pass; KernelAllocationTest). Clamping the argument
     * first, as exp does, cost the fused logistic epilogue 3 points (one more operation on every
     * vector's chain), hence the blend below instead.
     *
     * <p>Two operations fewer per vector than exp(-a) written out, same bits: no negation of a
     * (the reduction works on {@code s = -r}, each rounding the negative of exp's, and the
     * polynomial takes s with its odd coefficients negated, so every Horner step is the exact
     * negative or the exact value of exp's), and the power of two is the shifted bits of the
     * rounding sum itself, which carries {@code BIAS} already. Rounding ties, where the two sums'
     * parities would differ, need |a| >= 2^(P-2): far in the branch that returns 0.
     */
    static FloatVector expOfNegated(FloatVector a) {
        FloatVector t = a.fma(-LOG2E, ROUND_BIASED);
        FloatVector n = t.sub(ROUND_BIASED);
        FloatVector p = expOfNegatedReduced(a, n);
        if (a.compare(VectorOperators.GT, -NORMAL_EXP_LO).anyTrue()) {
            // Powers of two written out: even a 29-byte call was refused here (its own compiled code,
            // boxing included, counted as too big for a cold call site).
            FloatVector n1 = n.fma(0.5f, ROUND).sub(ROUND);
            FloatVector pow1 = n1.add(BIAS + TWO_P1).viewAsIntegralLanes().lanewise(VectorOperators.LSHL, P - 1)
                    .reinterpretAsFloats();
            FloatVector pow2 = n.sub(n1).add(BIAS + TWO_P1).viewAsIntegralLanes()
                    .lanewise(VectorOperators.LSHL, P - 1).reinterpretAsFloats();
            FloatVector scaled = p.mul(pow1).mul(pow2);
            // Beyond -EXP_LO exp clamps and underflows to +0; here those lanes (and +infinity,
            // whose reduced argument is NaN) hold garbage, replaced by that +0.
            return scaled.blend(0, a.compare(VectorOperators.GT, -EXP_LO));
        }
        // t's low mantissa bits hold n + BIAS; shifted into the exponent field they are 2^n.
        return p.mul(t.viewAsIntegralLanes().lanewise(VectorOperators.LSHL, P - 1).reinterpretAsFloats());
    }

    /**
     * e^r for {@code -a = n ln2 + r} (n = round(-a / ln2)): the reduction on {@code s = -r} and the
     * polynomial of -s (see expOfNegated).
     */
    private static FloatVector expOfNegatedReduced(FloatVector a, FloatVector n) {
        FloatVector s = n.fma(FloatVector.broadcast(S, LN2_HI), a);
        s = n.fma(FloatVector.broadcast(S, LN2_LO), s);
        FloatVector p = FloatVector.broadcast(S, coefficient(EXP_P_ODD_NEGATED, EXP_P_ODD_NEGATED.length - 1));
        for (int k = EXP_P_ODD_NEGATED.length - 2; k >= 0; k--) {
            p = p.fma(s, FloatVector.broadcast(S, coefficient(EXP_P_ODD_NEGATED, k)));
        }
        return p;
    }

    /** e^(x - n ln2) for n = round(x / ln2): the polynomial on the reduced argument. */
    private static FloatVector expOfReduced(FloatVector x, FloatVector n) {
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, coefficient(EXP_P, EXP_P.length - 1));
        for (int k = EXP_P.length - 2; k >= 0; k--) {
            p = p.fma(r, FloatVector.broadcast(S, coefficient(EXP_P, k)));
        }
        return p;
    }

    /**
     * {@code x[i] = e^x[i]} over {@code [from, to)}: {@link #exp} on every element, the last
     * partial vector included, so each value is the same whatever range it was computed in. The
     * exponential sits in one small loop method of its own, compiled apart from its callers
     * (softmax over rows of one to three values) through a handle.
     */
    public static void expInPlace(float[] x, int from, int to) {
        int whole = from + (to - from) / L * L;
        runExp(x, from, whole);
        if (whole < to) {
            // The last partial vector goes through the same loop on a copy (see TailF32).
            float[] tail = TailF32.copy(x, whole, to - whole);
            runExp(tail, 0, L);
            System.arraycopy(tail, 0, x, whole, to - whole);
        }
    }

    private static void runExp(float[] x, int from, int to) {
        try {
            EXP_LOOP[0].invokeExact(x, from, to);
        } catch (Throwable e) {
            throw CompileRoots.rethrow(e);
        }
    }

    private static void expVectors(float[] x, int from, int to) {
        for (int i = from; i <= to - L; i += L) {
            exp(FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
    }

    /** e^x - 1, accurate near 0; valid for {@code x <= (P + 3) ln2} (larger x are clamped there). */
    static FloatVector expm1(FloatVector x) {
        return expm1OfClamped(x.max(-EXPM1_LIMIT).min(EXPM1_LIMIT));
    }

    /**
     * e^x - 1 for x already within [-EXPM1_LIMIT, EXPM1_LIMIT] (or NaN): {@link #expm1} after its
     * clamp, and the double tanh after its own one-sided clamp. The polynomial is evaluated in
     * pairs ({@link #pairwise}): seven chained multiply-adds instead of twelve in double.
     */
    private static FloatVector expm1OfClamped(FloatVector xc) {
        FloatVector t = xc.fma(LOG2E, ROUND_BIASED);
        FloatVector n = t.sub(ROUND_BIASED);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), xc);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        // q = e^r - 1 = r (1 + r/2 + r^2/6 + ...), so its relative error does not grow near 0.
        FloatVector q = pairwise(EXPM1_OVER_R, r, r.mul(r)).mul(r);
        // t's low mantissa bits hold n + BIAS (|n| <= P + 3): shifted into the exponent field, 2^n.
        FloatVector s = t.viewAsIntegralLanes().lanewise(VectorOperators.LSHL, P - 1).reinterpretAsFloats();
        // e^x - 1 = s q + (s - 1); s - 1 is exact for the |n| <= P + 3 that occur.
        return s.fma(q, s.sub(1));
    }

    /**
     * Natural logarithm in every lane: NaN for x < 0, -inf at 0, +inf at +inf.
     *
     * <p>x = 2^e m with m in (sqrt(2)/2, sqrt(2)], both read off x's bits by integer operations:
     * subtracting the bits of the split point moves the halving of a large m into the exponent
     * (one shift gives e, one mask and one add give m). A vector whose lanes are all normal,
     * positive and finite (one unsigned compare) needs nothing more; otherwise subnormal lanes are
     * scaled by 2^P first and zero, infinity, negative and NaN lanes get their values after, in
     * branches of vector operations only (a call there would be cold, not inlined, and would box
     * every vector of the loop, see expOfNegated). The same bits as the form before session 25,
     * which took the exponent and m by floating-point blends and checked every special value on
     * every vector, in about half its time.
     */
    public static FloatVector log(FloatVector x) {
        var minNormalBits = FloatVector.broadcast(S, MIN_NORMAL).viewAsIntegralLanes();
        var normalSpan = FloatVector.broadcast(S, Float.POSITIVE_INFINITY).viewAsIntegralLanes().sub(minNormalBits);
        // Zero, subnormal, infinite, negative and NaN lanes all fall outside [MIN_NORMAL, inf) unsigned.
        boolean special = x.viewAsIntegralLanes().sub(minNormalBits).compare(VectorOperators.UGE, normalSpan)
                .anyTrue();
        FloatVector xs = x;
        FloatVector eOffset = FloatVector.broadcast(S, ROUND);
        if (special) {
            VectorMask<Float> sub = x.lt(MIN_NORMAL);
            xs = x.blend(x.mul(TWO_P), sub);
            eOffset = eOffset.blend(ROUND + P, sub);
        }
        FloatVector result = logOfNormal(xs, eOffset);
        if (special) {
            result = result.blend(Float.NEGATIVE_INFINITY, x.eq(0))
                    .blend(Float.POSITIVE_INFINITY, x.eq(Float.POSITIVE_INFINITY))
                    .blend(Float.NaN, x.lt(0).or(x.test(VectorOperators.IS_NAN)));
        }
        return result;
    }

    /**
     * log(x) for normal, positive, finite lanes (others get meaningless values); {@code eOffset}
     * is ROUND, or ROUND + P in lanes that were scaled by 2^P. x = 2^e m with m in
     * (sqrt(2)/2, sqrt(2)], then e ln2 + 2 atanh(s), s = (m - 1) / (m + 1), by its series. A
     * method of its own without log's branches, so that softplus (whose 1 + e^-|x| is always
     * normal) inlines it within C2's node budget.
     */
    private static FloatVector logOfNormal(FloatVector x, FloatVector eOffset) {
        // Above the split point (the float after sqrt(2)/2, so that m = sqrt(2) itself is kept):
        // ix's exponent field is e and its mantissa m's, relative to the split point.
        var minNormalBits = FloatVector.broadcast(S, MIN_NORMAL).viewAsIntegralLanes();
        var split = FloatVector.broadcast(S, Math.nextUp(SQRT2 * 0.5f)).viewAsIntegralLanes();
        var ix = x.viewAsIntegralLanes().sub(split);
        FloatVector m = ix.and(minNormalBits.sub(1)).add(split).reinterpretAsFloats();
        // e lands in the low mantissa bits of ROUND (exact for |e| < 2^(P-2)), minus P if scaled.
        FloatVector e = ix.lanewise(VectorOperators.ASHR, P - 1)
                .add(FloatVector.broadcast(S, ROUND).viewAsIntegralLanes()).reinterpretAsFloats().sub(eOffset);
        FloatVector s = m.sub(1).div(m.add(1));
        FloatVector z = s.mul(s);
        FloatVector p = FloatVector.broadcast(S, coefficient(ATANH_C, ATANH_C.length - 1));
        for (int k = ATANH_C.length - 2; k >= 1; k--) {
            p = p.fma(z, FloatVector.broadcast(S, coefficient(ATANH_C, k)));
        }
        FloatVector twoS = s.add(s);
        FloatVector logM = twoS.mul(z).fma(p, twoS);
        return e.fma(FloatVector.broadcast(S, LN2_HI), e.fma(FloatVector.broadcast(S, LN2_LO), logM));
    }

    /**
     * log(1 + t) for t >= 0, accurate for tiny t (Goldberg's correction of the rounded 1 + t). u = 1 + t
     * is normal and positive, so its logarithm needs none of log's special cases: u = infinity is
     * replaced below and a NaN t stays NaN through the product.
     */
    static FloatVector log1pNonNegative(FloatVector t) {
        FloatVector u = t.add(1);
        FloatVector corrected = logOfNormal(u, FloatVector.broadcast(S, ROUND)).mul(t).div(u.sub(1));
        return corrected.blend(t, u.eq(1)).blend(u, u.eq(Float.POSITIVE_INFINITY));
    }

    /**
     * Hyperbolic tangent in every lane; exactly +-1 beyond the saturation point and at +-inf, x
     * itself for tiny x (so -0 stays -0), NaN for NaN.
     */
    public static FloatVector tanh(FloatVector x) {
        return MathConstants.TANH_RATIONAL_F32 ? tanhRational(x) : tanhFromExpm1(x);
    }

    /**
     * {@code x P(x^2) / Q(x^2)} (see {@code MathConstants.TANH_P_F32}), and {@code +-1} where
     * {@code x^2 > TANH_LIMIT^2}. Odd by construction, so x's sign needs no handling: -0 and tiny
     * x come out as themselves (P(0) = Q(0) = 1), NaN runs through the arithmetic and fails the
     * comparison, and +-infinity (whose quotient is NaN) and every other large x take the signed
     * one. Seventeen operations per vector; the form before session 17 took |x|, clamped it,
     * clamped the result to 1, restored the sign and blended NaN back in (21 operations, and one
     * more multiply-add in P): a 10,000-float pass 2.53 -> 2.02 us in one JVM. Both polynomials
     * are evaluated in pairs ({@link #pairwise}): the loop over a tanh pass is bound by the
     * latency of one element's chain of dependent operations as much as by their number, and
     * pairs halve the chain of multiply-adds.
     */
    private static FloatVector tanhRational(FloatVector x) {
        FloatVector t = x.mul(x);
        FloatVector t2 = t.mul(t);
        FloatVector r = x.mul(pairwise(TANH_P, t, t2)).div(pairwise(TANH_Q, t, t2));
        VectorMask<Float> saturated = t.compare(VectorOperators.GT, TANH_LIMIT * TANH_LIMIT);
        if (saturated.anyTrue()) {
            var signBit = FloatVector.broadcast(S, -0f).viewAsIntegralLanes();
            var one = FloatVector.broadcast(S, 1f).viewAsIntegralLanes();
            FloatVector signedOne = x.viewAsIntegralLanes().and(signBit).or(one).reinterpretAsFloats();
            r = r.blend(signedOne, saturated);
        }
        return r;
    }

    /**
     * {@code c[0] + c[1] t + c[2] t^2 + ...} as {@code (c[0] + c[1] t) + t^2 (c[2] + c[3] t) + ...},
     * Horner's rule in {@code t2 = t^2} over the pairs: the pairs are independent, so the chain of
     * dependent multiply-adds is half as long as plain Horner's.
     */
    private static FloatVector pairwise(long[] c, FloatVector t, FloatVector t2) {
        int last = c.length - 1;
        boolean single = last % 2 == 0;
        // An odd number of coefficients leaves the last one without a partner.
        FloatVector top = FloatVector.broadcast(S, coefficient(c, last));
        FloatVector p = single ? top
                : t.fma(top, FloatVector.broadcast(S, coefficient(c, last - 1)));
        for (int k = single ? last - 2 : last - 3; k >= 0; k -= 2) {
            FloatVector odd = FloatVector.broadcast(S, coefficient(c, k + 1));
            FloatVector even = FloatVector.broadcast(S, coefficient(c, k));
            p = p.fma(t2, t.fma(odd, even));
        }
        return p;
    }

    /**
     * {@code expm1(2|x|) / (expm1(2|x|) + 2)} with the sign of x put back as a bit: no
     * cancellation near 0. The argument cannot be negative, so 2|x| is clamped at
     * {@code EXPM1_LIMIT} (where tanh is 1 to the last bit) by a compare and a blend, which leave
     * NaN as it is, instead of expm1's two-sided clamp with Java's min and max rule; the rest is
     * expm1's ({@link #expm1OfClamped}). Tiny x needs no case of its own: e = 2|x| exactly, e + 2 rounds to 2, and
     * the quotient is |x| (so -0 stays -0). Before session 17 the double tanh took both clamps, a
     * negation and a blend for the sign and a blend for tiny x.
     */
    private static FloatVector tanhFromExpm1(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector u = ax.add(ax);
        u = u.blend(EXPM1_LIMIT, u.compare(VectorOperators.GT, EXPM1_LIMIT));
        FloatVector e = expm1OfClamped(u);
        FloatVector t = e.div(e.add(2));
        var signBit = FloatVector.broadcast(S, -0f).viewAsIntegralLanes();
        return t.viewAsIntegralLanes().or(x.viewAsIntegralLanes().and(signBit)).reinterpretAsFloats();
    }

    /**
     * The logistic sigmoid 1 / (1 + e^-x): exactly 0 far below zero (-1000), 1 far above.
     *
     * <p>While every lane has |x| <= {@code -NORMAL_EXP_LO}, e^-x = p 2^n has a normal power of
     * two, so {@code 1 + p 2^n} is one fused multiply-add rounded once and the result one
     * division: no |x|, no choice of numerator. For x < 0 this divides by the large e^-x = e^|x|
     * rather than forming e^x / (1 + e^x); both keep the relative accuracy, as nothing cancels.
     * A vector with a lane beyond that range (rare) takes a branch written out in full (a call
     * there would be cold, not inlined, and would box every vector of the loop, see expOfNegated)
     * that gives those lanes 2^-n / (2^-n + p) instead, 2^-n built in two normal halves so that a
     * subnormal result is rounded once; 1 above the range, 0 below exp's. Fifteen operations on
     * the common path, where {@code (x < 0 ? e : 1) / (1 + e)} with e = e^-|x| (before session 17)
     * took twenty.
     */
    public static FloatVector logistic(FloatVector x) {
        // The reduction of expOfNegated with x in place of |x|: -x = n ln2 + r, p = e^r.
        FloatVector t = x.fma(-LOG2E, ROUND_BIASED);
        FloatVector n = t.sub(ROUND_BIASED);
        FloatVector p = expOfNegatedReduced(x, n);
        // t's low mantissa bits hold n + BIAS; shifted into the exponent field they are 2^n.
        FloatVector pow = t.viewAsIntegralLanes().lanewise(VectorOperators.LSHL, P - 1).reinterpretAsFloats();
        FloatVector one = FloatVector.broadcast(S, 1);
        FloatVector result = one.div(p.fma(pow, one));
        VectorMask<Float> wide = x.abs().compare(VectorOperators.GT, -NORMAL_EXP_LO);
        if (wide.anyTrue()) {
            FloatVector m = n.neg();
            FloatVector m1 = m.fma(0.5f, ROUND).sub(ROUND);
            FloatVector pow1 = m1.add(BIAS + TWO_P1).viewAsIntegralLanes().lanewise(VectorOperators.LSHL, P - 1)
                    .reinterpretAsFloats();
            FloatVector pow2 = m.sub(m1).add(BIAS + TWO_P1).viewAsIntegralLanes()
                    .lanewise(VectorOperators.LSHL, P - 1).reinterpretAsFloats();
            FloatVector inverse = pow1.mul(pow2);
            // Only the lanes beyond the range: the others keep their bits whatever their neighbours.
            result = result.blend(inverse.div(inverse.add(p)).blend(one, x.compare(VectorOperators.GT, 0))
                    .blend(0, x.compare(VectorOperators.LT, EXP_LO)), wide);
        }
        return result;
    }

    /** softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^-|x|) so it cannot overflow. */
    public static FloatVector softplus(FloatVector x) {
        return x.max(0).add(log1pNonNegative(expOfNegated(x.abs())));
    }

    /** 1 - e^-y, the derivative of softplus written in terms of its output y >= 0. */
    static FloatVector softplusDerivative(FloatVector y) {
        return expm1(y.neg()).neg();
    }

    /**
     * Coefficients rounded to this precision, held as the bits of doubles: a long array cannot
     * alias the float arrays the loops store into, so C2 hoists the coefficient loads and
     * broadcasts out of every loop (with float arrays it reloaded and re-broadcast each one per
     * iteration: eleven loads per tanh vector, seen in the disassembly). A 10,000-float tanh pass
     * 1.61 -> 1.40 us (session 9). Session 9 undid this because some JVMs then boxed two vectors
     * per iteration of the fused logistic epilogue; that was C2's node budget running out in a
     * caller that had inlined two activation loops (see CompileRoots), which the loops being
     * compiled on their own since session 10 rules out.
     */
    private static long[] rounded(double[] c) {
        long[] bits = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            bits[i] = Double.doubleToRawLongBits((float) c[i]);
        }
        return bits;
    }

    /** {@code c} with the coefficients of odd powers negated: q(s) = p(-s). */
    private static double[] oddNegated(double[] c) {
        double[] q = c.clone();
        for (int k = 1; k < q.length; k += 2) {
            q[k] = -q[k];
        }
        return q;
    }

    /** Coefficient k of {@code c} (see {@link #rounded}). */
    private static float coefficient(long[] c, int k) {
        return (float) Double.longBitsToDouble(c[k]);
    }
}
