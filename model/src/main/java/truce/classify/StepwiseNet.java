package truce.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The behaviour net stepped one frame at a time, for one stream. A causal convolution's output columns for past
 * frames do not change when a frame arrives, yet the whole-window pass computes all of them again every frame. Here
 * each convolution computes only its newest column, from its input's columns at the newest frame and one and two
 * dilations back, which it kept from earlier frames; the dense layer reads the last convolution's kept columns.
 * The logits are the whole window's (to float rounding; tested), for a sixth of the arithmetic.
 * <p>
 * With so little arithmetic, what a step costs is libtorch's set-up per operation, so each one is the cheapest that
 * does the job: a newest column is one small matrix product per member net (a batched {@code matmul}, the members'
 * weights laid out once by {@link Weights}), where a grouped convolution's set-up costs two to three times more
 * (measured on one core: 32 against about 10 us for a middle layer, 48 against 19 us for the dense one). Five fused
 * nets, one core, back to back: the whole window's pass 390 us a frame with oneDNN (770 us without), stepped by
 * grouped convolutions 177 us, stepped by products 77 us ({@code bench-model}).
 * <p>
 * Before a stream's first frame the window is zeros ({@link FeatureWindow}), so the kept columns start as the
 * net's outputs on zeros. One instance per stream, as its window is; the weights are the model's, shared read-only.
 */
public final class StepwiseNet implements AutoCloseable {
    private final Weights w;
    /** Holds the kept columns; each frame's intermediate tensors live in a sub-manager of it. */
    private final NDManager keep;
    /** Per layer, its last outputs (members, 1, filters) in a ring, and where its newest one is. */
    private final NDArray[][] kept;
    private final int[] newest;
    private final Shape inputShape;
    /** Per frame, reused: each layer's newest column, and the lists of columns the joins take. */
    private final NDArray[] fresh = new NDArray[BehaviourNet.LAYERS];
    private final NDList taps = new NDList(BehaviourNet.KERNEL);
    private final NDList columns = new NDList(BehaviourNet.denseSpan());

    /**
     * The fused net's weights laid out for stepping, made once per model and shared read-only by its streams. A
     * grouped 1-D convolution's weight (F, Cg, K) holds G members' filters; for one output column it is member g's
     * matrix from its taps to its F/G filters, here {@code (G, taps x Cg, F/G)}, rows in the order its input
     * arrives: channel-major (c x K + k) for the frames, tap-major (k x Cg + c) for kept columns side by side.
     */
    static final class Weights {
        final int channels;
        /** Per layer (the convolutions, then the dense layer): (G, rows, F/G) and the bias as (G, 1, F/G). */
        final NDArray[] product;
        final NDArray[] bias;
        final NDArray outWeight;
        final NDArray outBias;
        /** Each convolution's output on an all-zero input: what a stream's kept columns start as. */
        final NDArray[] onZeros;

        Weights(NDManager manager, List<NDArray> fused, int channels, int members) {
            int layers = BehaviourNet.LAYERS;
            if (fused.size() != 2 * layers + 4) {
                throw new IllegalArgumentException("a fused net has " + (2 * layers + 4) + " parameters, was "
                        + fused.size());
            }
            this.channels = channels;
            this.product = new NDArray[layers + 1];
            this.bias = new NDArray[layers + 1];
            for (int q = 0; q <= layers; q++) {
                NDArray kernel = fused.get(2 * q);
                Shape s = kernel.getShape(); // (F, Cg, K)
                int f = (int) s.get(0);
                int cg = (int) s.get(1);
                int k = (int) s.get(2);
                product[q] = manager.create(regroup(kernel.toFloatArray(), f, cg, k, members, q > 0),
                        new Shape(members, (long) cg * k, f / members));
                bias[q] = fused.get(2 * q + 1).reshape(members, 1, f / members);
            }
            this.outWeight = fused.get(2 * layers + 2);
            this.outBias = fused.get(2 * layers + 3);
            this.onZeros = new NDArray[layers];
            NDArray column = manager.zeros(new Shape(1, 1, (long) channels * BehaviourNet.KERNEL));
            for (int l = 0; l < layers; l++) {
                onZeros[l] = layer(column, l);
                NDList same = new NDList(BehaviourNet.KERNEL);
                for (int k = 0; k < BehaviourNet.KERNEL; k++) {
                    same.add(onZeros[l]);
                }
                column = NDArrays.concat(same, 2);
            }
        }

        /**
         * Layer {@code q}'s newest column (the dense layer is the one after the last convolution) from its taps side
         * by side, (1 or G, 1, rows): each member's product, plus bias, rectified; (G, 1, F/G).
         */
        NDArray layer(NDArray taps, int q) {
            return Activation.relu(taps.matMul(product[q]).addi(bias[q]));
        }

        /** A grouped kernel (F, Cg, K) as (G, Cg x K, F/G), rows tap-major or channel-major. */
        static float[] regroup(float[] kernel, int f, int cg, int k, int groups, boolean tapMajor) {
            int fg = f / groups;
            float[] out = new float[kernel.length];
            for (int g = 0; g < groups; g++) {
                for (int o = 0; o < fg; o++) {
                    for (int c = 0; c < cg; c++) {
                        for (int t = 0; t < k; t++) {
                            int row = tapMajor ? t * cg + c : c * k + t;
                            out[(g * cg * k + row) * fg + o] = kernel[((g * fg + o) * cg + c) * k + t];
                        }
                    }
                }
            }
            return out;
        }
    }

    StepwiseNet(Weights weights, NDManager parent) {
        int layers = BehaviourNet.LAYERS;
        this.w = weights;
        this.inputShape = new Shape(1, 1, (long) weights.channels * BehaviourNet.KERNEL);
        this.keep = parent.newSubManager();
        this.kept = new NDArray[layers][];
        this.newest = new int[layers];
        for (int l = 0; l < layers; l++) {
            // the next layer reads this one at the newest frame and up to two of its dilations back; the dense
            // layer reads the last one's whole span
            kept[l] = new NDArray[l + 1 < layers ? (BehaviourNet.KERNEL - 1) * BehaviourNet.dilation(l + 1)
                    : BehaviourNet.denseSpan() - 1];
        }
        reset();
    }

    /** Floats of the input {@link #logits} takes: the newest {@link BehaviourNet#KERNEL} frames, channel-major. */
    public int inputFloats() {
        return w.channels * BehaviourNet.KERNEL;
    }

    /**
     * Takes the next frame and writes the six logits of the window ending at it. {@code newest} is a direct,
     * native-order buffer of the stream's newest {@link BehaviourNet#KERNEL} encoded frames as (C, KERNEL), oldest
     * first ({@link FeatureWindow#copyNewest}). A pass whose logits are not finite is done once more (libtorch's CPU
     * kernels now and then give a NaN, see {@link FinitePass}); the kept columns take only the pass that is kept.
     */
    public void logits(ByteBuffer newest, float[] logits) {
        int layers = BehaviourNet.LAYERS;
        for (int attempt = 0; attempt < 2; attempt++) {
            NDManager frame = keep.newSubManager();
            try {
                fresh[0] = w.layer(frame.create(newest.rewind(), inputShape, DataType.FLOAT32), 0);
                for (int l = 1; l < layers; l++) {
                    // the taps of a dilated convolution: its input d, 2d, ... frames back, then this frame's
                    int d = BehaviourNet.dilation(l);
                    taps.clear();
                    for (int j = BehaviourNet.KERNEL - 1; j > 0; j--) {
                        taps.add(back(l - 1, j * d - 1));
                    }
                    taps.add(fresh[l - 1]);
                    fresh[l] = w.layer(joined(taps, frame), l);
                }
                int before = kept[layers - 1].length;
                columns.clear();
                for (int k = before - 1; k >= 0; k--) {
                    columns.add(back(layers - 1, k));
                }
                columns.add(fresh[layers - 1]);
                NDArray hidden = w.layer(joined(columns, frame), layers);
                NDArray out = Linear.linear(hidden.reshape(1, -1), w.outWeight, w.outBias).singletonOrThrow();
                System.arraycopy(out.toFloatArray(), 0, logits, 0, BehaviourNet.OUTPUTS);
                if (finite(logits) || attempt == 1) {
                    for (int l = 0; l < layers; l++) {
                        fresh[l].attach(keep);
                        push(l, fresh[l]);
                    }
                    return;
                }
            } finally {
                frame.close();
                taps.clear();
                columns.clear();
            }
        }
    }

    /** Forgets the stream: every kept column is the net's output on zeros again. */
    public void reset() {
        for (int l = 0; l < kept.length; l++) {
            for (int k = 0; k < kept[l].length; k++) {
                if (kept[l][k] != null) {
                    kept[l][k].close();
                }
                kept[l][k] = w.onZeros[l].duplicate();
                kept[l][k].attach(keep); // a copy lands in the model's manager and would outlive the stream
            }
            newest[l] = kept[l].length - 1;
        }
    }

    @Override
    public void close() {
        keep.close();
    }

    /** Layer {@code l}'s kept output {@code k} frames before the previous one (0: the previous frame's). */
    private NDArray back(int l, int k) {
        int n = kept[l].length;
        return kept[l][((newest[l] - k) % n + n) % n];
    }

    private void push(int l, NDArray column) {
        int n = kept[l].length;
        newest[l] = (newest[l] + 1) % n;
        kept[l][newest[l]].close();
        kept[l][newest[l]] = column;
    }

    /**
     * The columns side by side, in {@code frame}: an operation's result belongs to its first operand's manager, here
     * a kept column's, and would outlive the frame.
     */
    private static NDArray joined(NDList columns, NDManager frame) {
        NDArray all = NDArrays.concat(columns, 2);
        all.attach(frame);
        return all;
    }

    private static boolean finite(float[] v) {
        for (int i = 0; i < BehaviourNet.OUTPUTS; i++) {
            if (!Float.isFinite(v[i])) {
                return false;
            }
        }
        return true;
    }
}
