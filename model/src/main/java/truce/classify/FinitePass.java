package truce.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * One inference pass of a block into a float array, done again if it gave a value that is not finite: on some
 * machines libtorch's CPU kernels now and then return NaN for finite weights and inputs (seen in training, about
 * one batch in a hundred, the next pass finite; see {@code Trainer}), and a NaN output would be a label from nothing.
 */
final class FinitePass {
    private FinitePass() {
    }

    /** Runs {@code block} on {@code x} (inside the caller's sub-manager) and copies its first {@code n} outputs. */
    static void run(Block block, ParameterStore store, NDArray x, float[] out, int n) {
        for (int attempt = 0; attempt < 2; attempt++) {
            System.arraycopy(block.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray(), 0, out, 0, n);
            boolean finite = true;
            for (int i = 0; i < n && finite; i++) {
                finite = Float.isFinite(out[i]);
            }
            if (finite) {
                return;
            }
        }
    }
}
