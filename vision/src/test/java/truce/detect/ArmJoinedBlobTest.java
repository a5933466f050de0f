package truce.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import truce.source.Natives;

/**
 * The owner's arm reaching in over the top edge onto the cat: one blob, whose centroid lies between the arm and the
 * cat (seed 424242 scene-07 at 1096: 50 px off the cat). The part of the blob farthest from the edge, going within
 * the blob, as large as the cat, is the cat.
 */
class ArmJoinedBlobTest {
    private static final int W = 160;
    private static final int H = 120;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    /** A plain floor; a dark cat 40 x 16 centred on (116, 78) and an arm 10 wide from the top edge onto it. */
    private static Mat frame(Random r, boolean cat, boolean arm) {
        byte[] px = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean onCat = cat && x >= 96 && x < 136 && y >= 70 && y < 86;
                boolean onArm = arm && x >= 95 && x < 105 && y < 71;
                for (int c = 0; c < 3; c++) {
                    double v = onCat ? 50 + 5 * c : onArm ? 200 - 10 * c : 120 + 10 * c;
                    px[3 * (y * W + x) + c] = (byte) Math.max(0, Math.min(255, Math.round(v + r.nextGaussian())));
                }
            }
        }
        Mat m = new Mat(H, W, CvType.CV_8UC3);
        m.put(0, 0, px);
        return m;
    }

    private static int largest(Blobs b) {
        int best = -1;
        for (int i = 0; i < b.count(); i++) {
            if (best < 0 || b.area(i) > b.area(best)) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void theCatIsThePartFarthestFromTheEdge() {
        Random r = new Random(3);
        List<Mat> samples = new ArrayList<>();
        for (int f = 0; f < 41; f++) {
            samples.add(frame(r, false, false));
        }
        try (MotionMask m = new MotionMask(W, H, DetectorSettings.DEFAULT.withWorkWidth(W))) {
            m.seed(samples);
            BlobFinder finder = new BlobFinder(m, 4);
            Blobs blobs = new Blobs();
            double[] xy = new double[2];

            Mat joined = frame(r, true, true);
            m.apply(joined, new double[0], 0);
            joined.release();
            finder.find(blobs);
            int b = largest(blobs);
            assertTrue(b >= 0 && blobs.touchesBorder(b), "the arm and the cat make one blob over the edge");
            assertTrue(Math.hypot(blobs.cx(b) - 116, blobs.cy(b) - 78) > 15,
                    "its centroid lies off the cat: (" + blobs.cx(b) + "," + blobs.cy(b) + ")");
            assertTrue(finder.farFromTheEdge(blobs, b, 640, xy), "the cat's share is found");
            assertTrue(Math.hypot(xy[0] - 116, xy[1] - 78) < 4,
                    "the share farthest from the edge is the cat: (" + xy[0] + "," + xy[1] + ")");

            Mat alone = frame(r, true, false);
            m.apply(alone, new double[0], 0);
            alone.release();
            finder.find(blobs);
            b = largest(blobs);
            assertFalse(finder.farFromTheEdge(blobs, b, 640, xy), "a blob clear of the edge has no such share");
        } finally {
            samples.forEach(Mat::release);
        }
    }
}
