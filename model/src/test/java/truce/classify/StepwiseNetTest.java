package truce.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepwiseNetTest {

    /**
     * Stepped a frame at a time, the net gives the whole window's logits on every frame: from the stream's first frame
     * (the window still part zeros), past a full window, and again after a reset.
     */
    @Test
    void steppingGivesTheWholeWindowsLogits() throws IOException {
        try (BehaviourModel model = BehaviourModel.loadDefault()) {
            assertTrue(model.nets() > 1, "the committed weights are an ensemble, stepped fused");
            assertSameLogits(model, 7);
        }
    }

    @Test
    void aSingleNetStepsToo(@TempDir Path dir) throws IOException {
        DjlRuntime.start();
        Path file = dir.resolve("behaviour.params");
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(11);
            SequentialBlock net = BehaviourNet.build();
            net.initialize(m, DataType.FLOAT32, BehaviourNet.inputShape(1));
            BehaviourNet.save(net, file);
        }
        try (BehaviourModel model = BehaviourModel.load(file)) {
            assertEquals(1, model.nets());
            assertSameLogits(model, 8);
        }
    }

    private static void assertSameLogits(BehaviourModel model, long seed) {
        int c = model.channels();
        int w = BehaviourNet.WINDOW;
        FeatureWindow window = new FeatureWindow(w, c);
        float[] whole = new float[c * w];
        float[] newest = new float[c * BehaviourNet.KERNEL];
        ByteBuffer direct = ByteBuffer.allocateDirect(newest.length * Float.BYTES).order(ByteOrder.nativeOrder());
        float[] full = new float[BehaviourNet.OUTPUTS];
        float[] stepped = new float[BehaviourNet.OUTPUTS];
        float[] frame = new float[c];
        Random r = new Random(seed);
        double largest = 0;
        try (StepwiseNet net = model.stepwise()) {
            for (int t = 0; t < 2 * w + 30; t++) {
                if (t == w + 10) {
                    window.clear();
                    net.reset();
                }
                for (int i = 0; i < c; i++) {
                    frame[i] = (float) (r.nextGaussian() * 1.5);
                }
                window.push(frame, 0);
                window.copyTo(whole, 0);
                model.logits(whole, 1, full);
                window.copyNewest(BehaviourNet.KERNEL, newest, 0);
                direct.asFloatBuffer().put(newest);
                net.logits(direct, stepped);
                for (int i = 0; i < BehaviourNet.OUTPUTS; i++) {
                    assertEquals(full[i], stepped[i], 1e-4, "frame " + t + ", logit " + i);
                    largest = Math.max(largest, Math.abs(full[i]));
                }
            }
        }
        assertTrue(largest > 0.5, "logits large enough that a wrong column would show: " + largest);
    }
}
