package dev.vecnn.kernels.elementwise;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Loop methods looked up as method handles, so that calling them through one keeps each loop a
 * compilation of its own: C2 does not inline a call through a handle that is not a compile-time
 * constant ("receiver not constant"), and an element of an array is not one.
 *
 * <p>Why the loops that evaluate exp, log, tanh, logistic or softplus need this: C2 inlines hot
 * calls until the caller's graph has 18,000 nodes (NodeCountInliningCutoff, fixed in product
 * JVMs), then refuses the next call of our own that it meets, and a refused call that passes or
 * returns a vector boxes it on every iteration. Vector API code is large at parse time: in a
 * double logistic loop the cutoff was reached inside the exponential once a tanh loop had been
 * inlined before it into the same GEMM epilogue (two boxed vectors, 29 KB per training step, in
 * about one full test run in three, depending on which activations had run before C2 compiled
 * the epilogue), and a loss loop with two logarithms reached it on its own, in every JVM (binary
 * log loss and Poisson, 7.7 KB per 64 x 5 double call). Called through a handle, each loop is
 * compiled alone with its single function inlined, whatever called it and whatever else has run.
 * The price is an indirect call per range (a few nanoseconds); a vector never crosses it.
 */
final class CompileRoots {
    private CompileRoots() {
    }

    /** The static methods {@code names} of the lookup's class, all of type {@code type}, in order. */
    static MethodHandle[] find(MethodHandles.Lookup lookup, MethodType type, String... names) {
        MethodHandle[] loops = new MethodHandle[names.length];
        for (int i = 0; i < names.length; i++) {
            try {
                loops[i] = lookup.findStatic(lookup.lookupClass(), names[i], type);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("loop " + names[i] + type + " not found in " + lookup.lookupClass(), e);
            }
        }
        return loops;
    }

    /** What a call through a handle threw, unchanged if unchecked (the loops throw nothing checked). */
    static RuntimeException rethrow(Throwable thrown) {
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("a loop threw a checked exception", thrown);
    }
}
