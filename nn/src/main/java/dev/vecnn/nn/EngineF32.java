package dev.vecnn.nn;

import dev.vecnn.kernels.Loss;
import dev.vecnn.kernels.Reductions;
import dev.vecnn.kernels.Rows;
import dev.vecnn.kernels.Updates;
import dev.vecnn.kernels.Warmup;
import dev.vecnn.nn.layer.NetworkF32;
import dev.vecnn.nn.layer.Transfer;

/**
 * {@link Engine} in float: the network, the bound training data converted once, the batch
 * gather buffers and the optimizer state, all allocated per fit; a batch step allocates nothing.
 */
final class EngineF32 implements Engine {
    private final NetworkF32 net;
    private final int features;
    private final int outputs;
    private float[] x;
    private float[] y;
    private float[] sampleWeight;
    private int rows;
    // 0, 1, ..., rows - 1: the batch's rows when the data are not shuffled.
    private int[] inOrder;
    private float[] batchX;
    private float[] batchY;
    private float[] batchWeight;
    private float[] velocity;
    private float[] moment1;
    private float[] moment2;

    EngineF32(int[] units, Transfer hidden, Transfer output, Loss loss) {
        this.net = new NetworkF32(units, hidden, output, loss);
        this.features = units[0];
        this.outputs = units[units.length - 1];
    }

    @Override
    public boolean float32() {
        // Float.SIZE becomes Double.SIZE in the generated double twin.
        return Float.SIZE == 32;
    }

    @Override
    public int[] units() {
        return net.units();
    }

    @Override
    public void setWeights(double[][] coefs, double[][] intercepts) {
        float[] p = net.parameters();
        for (int i = 0; i < net.layerCount(); i++) {
            int w = net.weightOffset(i);
            for (int j = 0; j < coefs[i].length; j++) {
                p[w + j] = (float) coefs[i][j];
            }
            int b = net.biasOffset(i);
            for (int j = 0; j < intercepts[i].length; j++) {
                p[b + j] = (float) intercepts[i][j];
            }
        }
    }

    @Override
    public double[][] coefs() {
        int[] u = net.units();
        double[][] out = new double[net.layerCount()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = widen(net.parameters(), net.weightOffset(i), u[i] * u[i + 1]);
        }
        return out;
    }

    @Override
    public double[][] intercepts() {
        int[] u = net.units();
        double[][] out = new double[net.layerCount()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = widen(net.parameters(), net.biasOffset(i), u[i + 1]);
        }
        return out;
    }

    @Override
    public double[] packed() {
        return widen(net.parameters(), 0, net.parameters().length);
    }

    @Override
    public void unpack(double[] packed) {
        narrow(packed, net.parameters());
    }

    @Override
    public boolean finite() {
        float[] p = net.parameters();
        return Float.isFinite(Reductions.maxAbs(p, 0, p.length));
    }

    @Override
    public void bind(double[] xs, double[] ys, double[] weights, int n, int maxBatch) {
        x = narrowed(xs);
        y = narrowed(ys);
        if (weights == null) {
            sampleWeight = null;
            batchWeight = null;
        } else {
            sampleWeight = narrowed(weights);
            batchWeight = new float[maxBatch];
        }
        rows = n;
        inOrder = new int[n];
        java.util.Arrays.setAll(inOrder, i -> i);
        batchX = new float[Math.multiplyExact(maxBatch, features)];
        batchY = new float[Math.multiplyExact(maxBatch, outputs)];
        net.reserve(maxBatch);
    }

    @Override
    public void unbind() {
        x = null;
        y = null;
        sampleWeight = null;
        inOrder = null;
        batchX = null;
        batchY = null;
        batchWeight = null;
    }

    @Override
    public double batch(int[] order, int from, int to, double alpha) {
        int n = to - from;
        int[] index = order == null ? inOrder : order;
        // The inputs, the bulk of the copy, are gathered on all threads (each core then holds
        // its share of the batch in cache for the product that reads it next).
        Rows.gather(x, features, index, from, n, batchX);
        for (int i = 0; i < n; i++) {
            int r = index[from + i];
            System.arraycopy(y, r * outputs, batchY, i * outputs, outputs);
            if (sampleWeight != null) {
                batchWeight[i] = sampleWeight[r];
            }
        }
        return net.lossAndGradient(batchX, batchY, batchWeight, n, alpha);
    }

    @Override
    public void warmUp() {
        Warmup.forFloat();
    }

    @Override
    public void resetOptimizer() {
        int n = net.parameters().length;
        velocity = new float[n];
        moment1 = new float[n];
        moment2 = new float[n];
    }

    @Override
    public double[][] optimizerState() {
        if (velocity == null) {
            return null;
        }
        return new double[][] {widen(velocity, 0, velocity.length), widen(moment1, 0, moment1.length),
            widen(moment2, 0, moment2.length)};
    }

    @Override
    public void restoreOptimizerState(double[][] state) {
        if (state == null) {
            velocity = null;
            moment1 = null;
            moment2 = null;
            return;
        }
        resetOptimizer();
        narrow(state[0], velocity);
        narrow(state[1], moment1);
        narrow(state[2], moment2);
    }

    @Override
    public void sgdStep(double learningRate, double mu, boolean nesterov) {
        Updates.momentum(net.parameters(), net.gradients(), velocity, (float) learningRate, (float) mu, nesterov);
    }

    @Override
    public void adamStep(double learningRate, double beta1, double beta2, double epsilon, long t) {
        Updates.adam(net.parameters(), net.gradients(), moment1, moment2, (float) learningRate, (float) beta1,
                (float) beta2, (float) epsilon, t);
    }

    @Override
    public double fullLossAndGradient(double[] w, double[] grad, double alpha) {
        narrow(w, net.parameters());
        double loss = net.lossAndGradient(x, y, sampleWeight, rows, alpha);
        float[] g = net.gradients();
        for (int i = 0; i < g.length; i++) {
            grad[i] = g[i];
        }
        return loss;
    }

    @Override
    public double[] predict(double[] xs, int n) {
        float[] in = narrowed(xs);
        float[] out = net.outputBuffer(n);
        net.predict(in, n, out);
        return widen(out, 0, Math.multiplyExact(n, outputs));
    }

    @Override
    public double[] predict(Inputs x) {
        return widen(outputsOf(x), 0, Math.multiplyExact(x.rows(), outputs));
    }

    @Override
    public double[][] predictRows(Inputs x) {
        float[] out = outputsOf(x);
        double[][] result = new double[x.rows()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = widen(out, i * outputs, outputs);
        }
        return result;
    }

    /**
     * The outputs for validated user inputs in this thread's {@link NetworkF32#outputBuffer}: the
     * caller copies them into the arrays it returns, so a prediction allocates only those (fresh
     * heap costs a page fault per 4 KB on first touch, which in a growing JVM was up to a third of
     * a float32 predict_proba on MNIST's 2000 rows; see docs/results.md, session 8).
     */
    private float[] outputsOf(Inputs x) {
        float[] out = net.outputBuffer(x.rows());
        float[][] rows = x.callerRowsIfFloat();
        if (rows == null) {
            net.predict(x.asFloatArray(), x.rows(), out);
            return out;
        }
        // The caller's rows are in this engine's precision: the first layer reads them in place,
        // and where its pre-activations are the smaller array, their scan replaces the inputs'.
        if (!x.finiteChecked() && net.firstLayerNarrows() && net.predictIfFinite(rows, x.rows(), out)) {
            return out;
        }
        x.requireFinite();
        net.predict(rows, x.rows(), out);
        return out;
    }

    /** {@code length} values of {@code a} from {@code offset}, as a fresh double array. */
    private static double[] widen(float[] a, int offset, int length) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = a[offset + i];
        }
        return out;
    }

    /**
     * {@code a} in this engine's precision. The double twin (generated from this file) is handed
     * arrays that are already double and private to the fit or call, so it uses them as they are
     * instead of copying: the type test below is true only there.
     */
    private static float[] narrowed(double[] a) {
        Object same = a;
        if (same instanceof float[] already) {
            return already;
        }
        float[] out = new float[a.length];
        narrow(a, out);
        return out;
    }

    private static void narrow(double[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
    }
}
