package truce.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.source.Natives;

/**
 * A white rat pressed against an orange cat's side, one blob, with the rat's seed lagging where it was heading
 * before the contact (inside the cat's flank): cut by shapes alone, the rat's part is a round piece of the cat
 * around that seed; with the coats learnt while the two were apart, the rat's part is the rat.
 */
class CoatSplitTest {
    private static final int W = 320;
    private static final int H = 240;
    private static final Scalar FLOOR = new Scalar(120, 125, 130);
    private static final Scalar ORANGE = new Scalar(40, 110, 200);
    private static final Scalar WHITE = new Scalar(235, 235, 235);

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private static Mat frame(Random r, double catX, double ratX) {
        Mat m = new Mat(H, W, CvType.CV_8UC3, FLOOR);
        if (!Double.isNaN(catX)) {
            Imgproc.ellipse(m, new Point(catX, 120), new Size(40, 18), 0, 0, 360, ORANGE, -1);
        }
        if (!Double.isNaN(ratX)) {
            Imgproc.ellipse(m, new Point(ratX, 120), new Size(14, 7), 0, 0, 360, WHITE, -1);
        }
        byte[] px = new byte[W * H * 3];
        m.get(0, 0, px);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, (px[i] & 0xff) + (int) Math.round(2 * r.nextGaussian())));
        }
        m.put(0, 0, px);
        return m;
    }

    /** The rat's part of the joined blob (its centroid's x), after {@code apartFrames} frames of the two apart. */
    private static double ratPartX(int apartFrames) {
        Random r = new Random(26);
        List<Mat> seed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seed.add(frame(r, Double.NaN, Double.NaN));
        }
        try (BackgroundDifferenceDetector d = new BackgroundDifferenceDetector(W, H,
                DetectorSettings.DEFAULT.withWorkWidth(W))) {
            d.seed(seed);
            double[] boxes = {50, 90, 150, 150, 200, 105, 240, 135};
            Blobs b = new Blobs();
            for (int f = 0; f < apartFrames; f++) {
                Mat m = frame(r, 100, 220);
                d.detect(m, boxes, 2, b);
                m.release();
                assertEquals(2, b.count(), "two blobs apart at frame " + f);
                int cat = b.area(0) > b.area(1) ? 0 : 1;
                d.learnLook(b, cat, 0);
                d.learnLook(b, 1 - cat, 1);
            }
            // the cat at 160, the rat against its right flank at 212: one blob
            double[] joined = {110, 90, 240, 150};
            Mat m = frame(r, 160, 212);
            d.detect(m, joined, 1, b);
            m.release();
            assertEquals(1, b.count(), "one blob when touching");
            Blobs parts = new Blobs();
            double[] seeds = {160, 120, 182, 124};
            double[] areas = {Math.PI * 40 * 18, Math.PI * 14 * 7};
            assertTrue(d.split(b, 0, seeds, areas, parts), "split");
            return parts.cx(1);
        } finally {
            seed.forEach(Mat::release);
        }
    }

    @Test
    void theRatsPartIsTheRatOnceTheCoatsAreKnown() {
        double byCoat = ratPartX(60);
        double byShape = ratPartX(0);
        System.out.printf("rat's part at x %.1f with the coats known, %.1f by shape alone (the rat at 212)%n",
                byCoat, byShape);
        assertTrue(Math.abs(byCoat - 212) < 4, "with the coats known the rat's part is the rat: " + byCoat);
        assertTrue(Math.abs(byShape - 212) > 8, "by shape alone it is a piece of the cat: " + byShape);
    }

    /** A third of a second apart is too little to know a coat by (a blob taken wrongly for a moment teaches it). */
    @Test
    void aCoatSeenBrieflyIsNotTrusted() {
        assertEquals(ratPartX(0), ratPartX(10), 1e-9);
    }
}
