package truce.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

    @Test
    void theRuntimeSwitchesNnpackOffSoConvolutionsStopAskingForIt() {
        // read back from libtorch's own context: false here means every convolution logs NNPACK's failure again
        assertTrue(DjlRuntime.start(), "libtorch's NNPACK switch reads off after start");
    }

    /**
     * The behaviour net's first layer at its real width: after {@code start}, a mini-batch of two windows
     * convolves each exactly as a batch of one does, and both are the plain sums. (With oneDNN on, this CPU's batch of
     * two was off by more than 1 on outputs of about 5.)
     */
    @Test
    void trainingBatchesConvolveExactlyAsOneWindowDoes() {
        assertTrue(DjlRuntime.start(), "NNPACK and oneDNN read off");
        assertTrue(DjlRuntime.batchesExact(), "what BehaviourModel.logits asks before a batch");
        int channels = FeatureEncoder.CHANNELS;
        int width = BehaviourNet.WINDOW;
        int filters = 8;
        int kernel = 3;
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            Conv1d conv = Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(filters).build();
            conv.initialize(m, DataType.FLOAT32, new Shape(1, channels, width));
            ParameterStore store = new ParameterStore(m, false);
            NDArray one = m.randomNormal(new Shape(1, channels, width));
            NDArray two = NDArrays.concat(new NDList(one, m.randomNormal(new Shape(1, channels, width))), 0);
            float[] alone = conv.forward(store, new NDList(one), false).singletonOrThrow().toFloatArray();
            float[] inBatch = conv.forward(store, new NDList(two), false).singletonOrThrow().get(0).toFloatArray();
            assertArrayEquals(alone, inBatch, 1e-4f, "the first of a batch of two");
            float[] w = conv.getParameters().get(0).getValue().getArray().toFloatArray();
            float[] b = conv.getParameters().get(1).getValue().getArray().toFloatArray();
            float[] x = one.toFloatArray();
            int out = width - kernel + 1;
            float[] sums = new float[filters * out];
            for (int f = 0; f < filters; f++) {
                for (int t = 0; t < out; t++) {
                    double s = b[f];
                    for (int c = 0; c < channels; c++) {
                        for (int k = 0; k < kernel; k++) {
                            s += w[(f * channels + c) * kernel + k] * x[c * width + t + k];
                        }
                    }
                    sums[f * out + t] = (float) s;
                }
            }
            assertArrayEquals(sums, alone, 1e-4f, "the plain sums");
        }
    }
}
