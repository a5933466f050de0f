package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.classify.BodyCrop;
import truce.classify.ShapeModel;
import truce.classify.ShapeNet;
import truce.source.Natives;

class ShapeTrainerTest {

    /**
     * Crops of bodies as the crop shows them, half stalking (long and narrow: stretch 1.15, width 0.8), half calm
     * (stretch 1, width 1), on floors and coats of random shade, a little off centre and turned.
     */
    private static CatCrops bodies(int n, long seed, int[] posture, float[] stretch, float[] width) {
        Natives.load();
        Random r = new Random(seed);
        boolean[] cut = new boolean[n];
        byte[] pixels = new byte[n * BodyCrop.BYTES];
        byte[] one = new byte[BodyCrop.BYTES];
        Mat m = new Mat(BodyCrop.SIZE, BodyCrop.SIZE, CvType.CV_8UC3);
        for (int i = 0; i < n; i++) {
            boolean stalk = i % 2 == 0;
            double s = stalk ? 1.15 : 1.0;
            double w = stalk ? 0.8 : 1.0;
            double floor = 60 + r.nextInt(140);
            double coat = floor + (r.nextBoolean() ? 1 : -1) * (50 + r.nextInt(40));
            m.setTo(new Scalar(floor, floor, floor));
            Imgproc.ellipse(m, new Point(16 + r.nextGaussian(), 16 + r.nextGaussian()), new Size(10 * s, 4 * w),
                    r.nextGaussian() * 8, 0, 360, new Scalar(coat, coat, coat), -1);
            m.get(0, 0, one);
            System.arraycopy(one, 0, pixels, i * BodyCrop.BYTES, BodyCrop.BYTES);
            cut[i] = true;
            posture[i] = stalk ? 1 : 0;
            stretch[i] = (float) s;
            width[i] = (float) w;
        }
        m.release();
        return new CatCrops(cut, pixels);
    }

    @Test
    void aShortRunLearnsToTellAStalkingBodyFromACalmOne(@TempDir Path dir) throws IOException {
        int n = 1536;
        int[] posture = new int[n];
        float[] stretch = new float[n];
        float[] width = new float[n];
        CatCrops train = bodies(n, 1, posture, stretch, width);
        Path file = dir.resolve(ShapeNet.FILE);
        new ShapeTrainer(new ShapeTrainer.Config(4, 7, false))
                .train(List.of(new ShapeTrainer.Material("drawn", train, posture, stretch, width)), file);
        int m = 200;
        CatCrops test = bodies(m, 2, new int[m], new float[m], new float[m]);
        float[] r;
        try (ShapeModel model = ShapeModel.load(file)) {
            r = ShapeTrainer.readings(model, test);
        }
        double stalkP = 0, calmP = 0, stalkStretch = 0, calmStretch = 0;
        for (int i = 0; i < m; i++) {
            int o = i * ShapeNet.READINGS;
            assertEquals(1f, r[o], "every crop is read");
            if (i % 2 == 0) {
                stalkP += r[o + 3] / (m / 2.0);
                stalkStretch += r[o + 1] / (m / 2.0);
            } else {
                calmP += r[o + 3] / (m / 2.0);
                calmStretch += r[o + 1] / (m / 2.0);
            }
        }
        assertTrue(stalkP > 0.7 && calmP < 0.3, "stalking probability " + stalkP + " on stalking bodies, " + calmP
                + " on calm ones");
        assertTrue(stalkStretch - calmStretch > 0.08, "stretch read " + stalkStretch + " against " + calmStretch);
    }

    @Test
    void framesNotCutReadZero() throws IOException {
        boolean[] cut = {false, false};
        float[] r;
        try (ShapeModel model = ShapeModel.wrap(initialised())) {
            r = ShapeTrainer.readings(model, new CatCrops(cut, new byte[2 * BodyCrop.BYTES]));
        }
        assertArrayEquals(new float[2 * ShapeNet.READINGS], r);
    }

    private static ai.djl.nn.Block initialised() {
        truce.classify.DjlRuntime.configure();
        ai.djl.nn.SequentialBlock b = ShapeNet.build();
        b.initialize(ai.djl.ndarray.NDManager.newBaseManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                ShapeNet.inputShape(1));
        return b;
    }

    @Test
    void cachedCropsRoundTripAndAnotherStampIsNotRead(@TempDir Path dir) throws IOException {
        int n = 6;
        CatCrops crops = bodies(n, 3, new int[n], new float[n], new float[n]);
        crops.cut()[2] = false;
        java.util.Arrays.fill(crops.pixels(), 2 * BodyCrop.BYTES, 3 * BodyCrop.BYTES, (byte) 0);
        Path file = dir.resolve("scene.crops");
        CatCrops.write(file, "stamp-a", crops);
        CatCrops back = CatCrops.read(file, "stamp-a", n);
        assertArrayEquals(crops.cut(), back.cut());
        assertArrayEquals(crops.pixels(), back.pixels());
        assertNull(CatCrops.read(file, "stamp-b", n), "crops of another video or track are not reused");
        assertNull(CatCrops.read(file, "stamp-a", n + 1), "nor crops of another length");
    }
}
