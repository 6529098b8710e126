package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.nn.layer.NetworkF32;
import dev.vecnn.nn.layer.NetworkF64;
import dev.vecnn.nn.reference.BackpropCase;
import dev.vecnn.nn.reference.CallsCase;
import dev.vecnn.nn.reference.CaseHeader;
import dev.vecnn.nn.reference.LbfgsCase;
import dev.vecnn.nn.reference.Matrix;
import dev.vecnn.nn.reference.ReferenceCase;
import dev.vecnn.nn.reference.ReferenceCases;
import dev.vecnn.nn.reference.SeededCase;
import dev.vecnn.nn.reference.TrajectoryCase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scikit-learn reference case (see {@code reference/README.md}), one dynamic test per case
 * id, with the README's tolerances; backprop cases also in float32 with
 * {@link ParityTolerance#FLOAT32}. The bundled random cases ({@code random-cases/}) run through
 * the same checks.
 */
class SklearnParityTest {

    @TestFactory
    Stream<DynamicTest> everyReferenceCase() {
        return testsOf(ReferenceCases.loadAll());
    }

    /** scikit-learn fits with random parameters, checked the same way (see random-cases/README.md). */
    @TestFactory
    Stream<DynamicTest> everyRandomCase() {
        return testsOf(ReferenceCases.loadRandom());
    }

    private static Stream<DynamicTest> testsOf(List<ReferenceCase> cases) {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReferenceCase c : cases) {
            switch (c) {
                case BackpropCase b -> {
                    tests.add(DynamicTest.dynamicTest(c.id() + " float64", () -> backprop64(b)));
                    tests.add(DynamicTest.dynamicTest(c.id() + " float32", () -> backprop32(b)));
                }
                case TrajectoryCase t -> tests.add(DynamicTest.dynamicTest(c.id(), () -> trajectory(t)));
                case SeededCase s -> tests.add(DynamicTest.dynamicTest(c.id(), () -> seeded(s)));
                case LbfgsCase l -> tests.add(DynamicTest.dynamicTest(c.id(), () -> lbfgs(l)));
                case CallsCase k -> tests.add(DynamicTest.dynamicTest(c.id(), () -> calls(k)));
            }
        }
        return tests.stream();
    }

    private static void backprop64(BackpropCase b) {
        CaseHeader h = b.header();
        int[] units = b.layerUnits();
        NetworkF64 net = new NetworkF64(units, CaseData.transfer(b.activation()),
                CaseData.transfer(b.outActivation()), CaseData.loss(h));
        double[] p = net.parameters();
        for (int i = 0; i < net.layerCount(); i++) {
            System.arraycopy(b.coefs().get(i).data(), 0, p, net.weightOffset(i), b.coefs().get(i).data().length);
            System.arraycopy(b.intercepts().get(i), 0, p, net.biasOffset(i), units[i + 1]);
        }
        int n = h.x().rows();
        net.reserve(n);
        double loss = net.lossAndGradient(h.x().data(), CaseData.encodedTargets(h), null, n, b.alpha());
        double tol = ParityTolerance.BACKPROP;
        near(b.loss(), loss, tol, b.id() + " loss");
        double[] g = net.gradients();
        for (int i = 0; i < net.layerCount(); i++) {
            nearAll(b.coefGrads().get(i).data(), g, net.weightOffset(i), tol, b.id() + " coef_grads[" + i + "]");
            nearAll(b.interceptGrads().get(i), g, net.biasOffset(i), tol, b.id() + " intercept_grads[" + i + "]");
        }
        double[] out = new double[b.output().data().length];
        net.predict(h.x().data(), n, out);
        nearAll(b.output().data(), out, 0, tol, b.id() + " output");
    }

    private static void backprop32(BackpropCase b) {
        CaseHeader h = b.header();
        int[] units = b.layerUnits();
        NetworkF32 net = new NetworkF32(units, CaseData.transfer(b.activation()),
                CaseData.transfer(b.outActivation()), CaseData.loss(h));
        float[] p = net.parameters();
        for (int i = 0; i < net.layerCount(); i++) {
            narrow(b.coefs().get(i).data(), p, net.weightOffset(i));
            narrow(b.intercepts().get(i), p, net.biasOffset(i));
        }
        int n = h.x().rows();
        net.reserve(n);
        float[] x = new float[h.x().data().length];
        narrow(h.x().data(), x, 0);
        double[] yd = CaseData.encodedTargets(h);
        float[] y = new float[yd.length];
        narrow(yd, y, 0);
        double loss = net.lossAndGradient(x, y, null, n, b.alpha());
        double tol = ParityTolerance.FLOAT32;
        near(b.loss(), loss, tol, b.id() + " float32 loss");
        float[] g = net.gradients();
        double[] gd = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            gd[i] = g[i];
        }
        for (int i = 0; i < net.layerCount(); i++) {
            nearAll(b.coefGrads().get(i).data(), gd, net.weightOffset(i), tol, b.id() + " float32 coef_grads[" + i + "]");
            nearAll(b.interceptGrads().get(i), gd, net.biasOffset(i), tol, b.id() + " float32 intercept_grads[" + i + "]");
        }
    }

    private static void trajectory(TrajectoryCase t) {
        MLPBase<?> e = CaseData.estimator(t, t.params(), true);
        CaseData.fit(e, t.header());
        compareFit(t.id(), e, t.header(), t.lossCurve(), t.nIter(), t.t(), t.finalCoefs(), t.finalIntercepts(),
                t.output(), t.score());
    }

    private static void seeded(SeededCase s) {
        MLPBase<?> e = CaseData.estimator(s, s.params(), false);
        ByteArrayOutputStream printed = CaseData.captureVerbose(e);
        CaseData.fit(e, s.header());
        compareVerbose(s.id(), s.params(), s.verboseLines(), printed);
        compareFit(s.id(), e, s.header(), s.lossCurve(), s.nIter(), s.t(), s.finalCoefs(), s.finalIntercepts(),
                s.output(), s.score());
    }

    private static void calls(CallsCase c) {
        MLPBase<?> e = CaseData.estimator(c, c.params(), false);
        ByteArrayOutputStream printed = CaseData.captureVerbose(e);
        boolean partialSeen = false;
        for (int i = 0; i < c.calls().size(); i++) {
            CallsCase.Call call = c.calls().get(i);
            boolean firstPartial = call.partial() && !partialSeen;
            partialSeen |= call.partial();
            if (i == c.refusedAt()) {
                double[][] before = e.coefs();
                long seen = e.t();
                int epochs = e.nIter();
                assertThrows(IllegalArgumentException.class, () -> CaseData.call(e, c.header(), call, firstPartial),
                        c.id() + ": scikit-learn refused call " + i);
                assertArrayEquals(before, e.coefs(), c.id() + ": the refused call changed the weights");
                assertEquals(seen, e.t(), c.id() + ": the refused call changed t_");
                assertEquals(epochs, e.nIter(), c.id() + ": the refused call changed n_iter_");
            } else {
                CaseData.call(e, c.header(), call, firstPartial);
            }
        }
        compareVerbose(c.id(), c.params(), c.verboseLines(), printed);
        compareFit(c.id(), e, c.header(), c.lossCurve(), c.nIter(), c.t(), c.finalCoefs(), c.finalIntercepts(),
                c.output(), c.score());
    }

    /** The printed lines against scikit-learn's where the case recorded them; nothing unless verbose. */
    private static void compareVerbose(String id, Map<String, Object> params, List<String> expected,
                                       ByteArrayOutputStream printed) {
        String text = printed.toString(StandardCharsets.UTF_8);
        if (!expected.isEmpty()) {
            VerboseLines.assertMatch(expected, text, ParityTolerance.TRAJECTORY, id);
        } else if (!Boolean.TRUE.equals(params.get("verbose"))) {
            assertEquals("", text, id + ": printed without verbose");
        }
    }

    private static void compareFit(String id, MLPBase<?> e, CaseHeader h, double[] lossCurve, int nIter, long t,
                                   List<Matrix> coefs, List<double[]> intercepts, Matrix output, double score) {
        double tol = ParityTolerance.TRAJECTORY;
        assertEquals(nIter, e.nIter(), id + " n_iter_");
        assertEquals(t, e.t(), id + " t_");
        double[] curve = e.lossCurve();
        assertEquals(lossCurve.length, curve.length, id + " loss_curve_ length");
        nearAll(lossCurve, curve, 0, tol, id + " loss_curve_");
        double[][] c = e.coefs();
        double[][] b = e.intercepts();
        for (int i = 0; i < coefs.size(); i++) {
            nearAll(coefs.get(i).data(), c[i], 0, tol, id + " coefs_[" + i + "]");
            nearAll(intercepts.get(i), b[i], 0, tol, id + " intercepts_[" + i + "]");
        }
        nearAll(output.data(), CaseData.output(e, h), 0, tol, id + " output");
        near(score, CaseData.score(e, h), tol, id + " score");
    }

    private static void lbfgs(LbfgsCase l) {
        MLPBase<?> e = CaseData.estimator(l, l.params(), true);
        CaseData.fit(e, l.header());
        double loss = e.loss();
        assertTrue(loss <= l.finalLoss() * (1 + ParityTolerance.LBFGS_LOSS),
                l.id() + ": final loss " + loss + " vs sklearn " + l.finalLoss());
        double score = CaseData.score(e, l.header());
        if (Double.isNaN(l.score())) {
            assertTrue(Double.isNaN(score), l.id() + ": score " + score + " vs sklearn NaN (R^2 of one row)");
            return;
        }
        assertTrue(score >= l.score() - ParityTolerance.LBFGS_SCORE,
                l.id() + ": score " + score + " vs sklearn " + l.score());
    }

    private static void narrow(double[] from, float[] to, int offset) {
        for (int i = 0; i < from.length; i++) {
            to[offset + i] = (float) from[i];
        }
    }

    private static void near(double expected, double actual, double tol, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        assertTrue(Math.abs(actual - expected) <= tol * (1 + Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual + " (tolerance " + tol + ")");
    }

    private static void nearAll(double[] expected, double[] actual, int offset, double tol, String what) {
        for (int i = 0; i < expected.length; i++) {
            near(expected[i], actual[offset + i], tol, what + " entry " + i);
        }
    }
}
