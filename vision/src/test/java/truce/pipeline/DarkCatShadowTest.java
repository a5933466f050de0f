package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.source.Natives;

/**
 * A dark cat walks on a mid-brown carpet with its cast shadow beside it (as in seed 5150 scene-02): the coat is
 * evenly darker than the floor, as a shadow is, so most of the blob is "shade" and BlobFinder took it for a dark
 * animal and kept the shadow in its centroid (on main the median error here is about 6 px, pulled towards the
 * shadow). The fur takes far more light (0.4 of the floor) than the shadow (0.65), keeping the carpet's speckle, and the shadow lies to one
 * side of it: that lighter group is left out.
 */
class DarkCatShadowTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final int FRAMES = 150;
    /** The shadow falls this far from the cat (px), to the lower right. */
    private static final double SHADOW_DX = 14;
    private static final double SHADOW_DY = 16;
    /** Share of the floor's light the shadow leaves, and the dark coat's brightness as a share of the floor's. */
    private static final double SHADOW = 0.65;
    private static final double COAT = 0.4;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private final Mat floor = new Mat(H, W, CvType.CV_8UC3);
    private final Mat shadow = new Mat(H, W, CvType.CV_8UC1);
    private final Mat body = new Mat(H, W, CvType.CV_8UC1);
    private final Mat dim = new Mat();
    private final Mat noise = new Mat(H, W, CvType.CV_8UC3);
    private final MatOfByte jpeg = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 70);

    DarkCatShadowTest() {
        // carpet: a mid brown with a fine speckle
        floor.setTo(new Scalar(95, 110, 125));
        Random r = new Random(5);
        for (int i = 0; i < 3000; i++) {
            int k = r.nextInt(16) - 8;
            Imgproc.circle(floor, new Point(r.nextInt(W), r.nextInt(H)), 1 + r.nextInt(2),
                    new Scalar(95 + k, 110 + k, 125 + k), -1);
        }
    }

    /** The cat's centre and heading at frame {@code f}: a slow walk to the right along a gentle curve. */
    static double[] truth(int f) {
        double t = f / 30.0;
        return new double[] {180 + 50 * t, 260 + 25 * Math.sin(0.6 * t), 0.3 * Math.cos(0.6 * t)};
    }

    /** Draws frame {@code f}; returns the centroid of the cat's silhouette (its truth). */
    private double[] draw(int f, Mat out) {
        double[] p = truth(f);
        floor.copyTo(out);
        body.setTo(new Scalar(0));
        silhouette(body, p[0], p[1], p[2]);
        shadow.setTo(new Scalar(0));
        silhouette(shadow, p[0] + SHADOW_DX, p[1] + SHADOW_DY, p[2]);
        out.convertTo(dim, -1, SHADOW);
        dim.copyTo(out, shadow);
        out.setTo(new Scalar(95 * COAT, 110 * COAT, 125 * COAT), body);
        DrawnScene.camera(out, noise, 3, jpeg, quality);
        org.opencv.imgproc.Moments m = Imgproc.moments(body, true);
        return new double[] {m.m10 / m.m00, m.m01 / m.m00};
    }

    private static void silhouette(Mat m, double x, double y, double angle) {
        Imgproc.ellipse(m, new Point(x, y), new Size(55, 20), Math.toDegrees(angle), 0, 360, new Scalar(255), -1);
        Imgproc.circle(m, new Point(x + 55 * Math.cos(angle), y + 55 * Math.sin(angle)), 15, new Scalar(255), -1);
    }

    @Test
    void aDarkCatsCastShadowIsNotPartOfIt() {
        double[] err = new double[FRAMES];
        int found = 0;
        List<String> worst = new ArrayList<>();
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(new FloorMap(200, List.of())))) {
            Mat frame = new Mat();
            List<Mat> seed = new ArrayList<>();
            seed.add(floor.clone());
            p.seed(seed);
            SeedFrames.release(seed);
            for (int f = 0; f < FRAMES; f++) {
                double[] t = draw(f, frame);
                FrameFeatures ff = p.process(frame, f, f * 1000.0 / 30);
                err[f] = ff.cat().visible() ? Math.hypot(ff.cat().x() - t[0], ff.cat().y() - t[1]) : 999;
                found += ff.cat().visible() ? 1 : 0;
                if (err[f] > 4 && worst.size() < 6) {
                    worst.add(String.format("frame %d: truth (%.1f,%.1f) seen (%.1f,%.1f)", f, t[0], t[1],
                            ff.cat().x(), ff.cat().y()));
                }
            }
            frame.release();
        }
        double[] sorted = err.clone();
        Arrays.sort(sorted);
        double median = sorted[FRAMES / 2];
        assertTrue(found >= FRAMES - 5, "cat found in " + found + " of " + FRAMES);
        assertTrue(median <= 3.0, "cat median error " + median + " px: " + worst);
    }
}
