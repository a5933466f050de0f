package truce.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapeNetTest {

    private static byte[] noise(long seed) {
        byte[] b = new byte[BodyCrop.BYTES];
        new Random(seed).nextBytes(b);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((b[i] & 0x7f) + 40); // 40-167: room to brighten
        }
        return b;
    }

    @Test
    void theInputIgnoresTheLightLevelAndFlipsMirror() {
        byte[] crop = noise(1);
        byte[] brighter = crop.clone();
        for (int i = 0; i < brighter.length; i++) {
            brighter[i] = (byte) ((brighter[i] & 0xff) + 60);
        }
        float[] a = new float[ShapeNet.INPUT];
        float[] b = new float[ShapeNet.INPUT];
        ShapeNet.input(crop, 0, a, 0, false, false);
        ShapeNet.input(brighter, 0, b, 0, false, false);
        assertArrayEquals(a, b, 1e-5f, "a brighter floor and coat read the same");
        float[] flipped = new float[ShapeNet.INPUT];
        ShapeNet.input(crop, 0, flipped, 0, true, false);
        int s = BodyCrop.SIZE;
        assertEquals(a[3 * s + 5], flipped[3 * s + (s - 1 - 5)], 1e-6f, "head for tail mirrors x");
        assertNotEquals(a[3 * s + 5], flipped[3 * s + 5]);
    }

    @Test
    void weightsRoundTripAndForeignFilesAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ShapeNet.FILE);
        float[] input = new float[ShapeNet.INPUT];
        ShapeNet.input(noise(2), 0, input, 0, false, false);
        float[] before = new float[ShapeNet.OUTPUTS];
        try (NDManager m = NDManager.newBaseManager()) {
            DjlRuntime.configure();
            SequentialBlock net = ShapeNet.build();
            net.initialize(m, DataType.FLOAT32, ShapeNet.inputShape(1));
            ShapeNet.save(net, file);
            try (ShapeModel wrapped = ShapeModel.wrap(net)) {
                wrapped.outputs(input, 1, before);
            }
        }
        float[] after = new float[ShapeNet.OUTPUTS];
        try (ShapeModel loaded = ShapeModel.load(file)) {
            loaded.outputs(input, 1, after);
        }
        assertArrayEquals(before, after, 1e-6f);
        Path foreign = dir.resolve("other.params");
        Files.writeString(foreign, "truce-behaviour-net features=v5 channels=40\n");
        IOException e = assertThrows(IOException.class, () -> ShapeModel.load(foreign));
        assertTrue(e.getMessage().contains("not weights for this shape net"), e.getMessage());
    }

    @Test
    void readingsAreProbabilitiesAndFactors() {
        float[] outputs = {0.75f, -1.25f, 0f, 2f, -1f};
        float[] r = new float[ShapeNet.READINGS];
        ShapeNet.reading(outputs, 0, r, 0);
        assertEquals(1f, r[0]);
        assertEquals(1.15f, r[1], 1e-6f, "stretch 0.75 standardised is the stalk's 1.15");
        assertEquals(0.8f, r[2], 1e-6f, "width -1.25 standardised is the stalk's 0.8");
        double calm = Math.exp(0), stalk = Math.exp(2), lunge = Math.exp(-1);
        assertEquals(stalk / (calm + stalk + lunge), r[3], 1e-6);
        assertEquals(lunge / (calm + stalk + lunge), r[4], 1e-6);
    }
}
