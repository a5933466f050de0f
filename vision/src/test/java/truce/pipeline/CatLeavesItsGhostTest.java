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
 * The cat rested in one place through all the seed frames (as in seed 3141592 scene-05), so the seeded
 * background holds it. It gets up, moves half a body length and lies down again, still touching the spot
 * where it lay: the live cat and its own ghost (floor showing where the background still holds the cat) are
 * one blob. The background never learns inside the tracked cat's box, so on main the ghost stayed for good and
 * the reported position sat between the two (about 20 px off). The ghost has its outline in the background and
 * none in the frame, and the frame there shows the floor around it: the background takes the floor at once.
 */
class CatLeavesItsGhostTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final int FRAMES = 240;
    private static final double X0 = 250;
    private static final double Y0 = 240;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private final Mat floor = new Mat(H, W, CvType.CV_8UC3);
    private final Mat body = new Mat(H, W, CvType.CV_8UC1);
    private final Mat noise = new Mat(H, W, CvType.CV_8UC3);
    private final MatOfByte jpeg = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 70);

    CatLeavesItsGhostTest() {
        // boards and a fine speckle
        floor.setTo(new Scalar(120, 150, 175));
        for (int y = 0; y < H; y += 48) {
            Imgproc.line(floor, new Point(0, y), new Point(W, y), new Scalar(105, 135, 160), 2);
        }
        Random r = new Random(11);
        for (int i = 0; i < 3000; i++) {
            int k = r.nextInt(16) - 8;
            Imgproc.circle(floor, new Point(r.nextInt(W), r.nextInt(H)), 1 + r.nextInt(2),
                    new Scalar(120 + k, 150 + k, 175 + k), -1);
        }
    }

    /** The cat's centre at frame {@code f}: lying still, then a slow step of 120 px to the right, then still. */
    private static double[] pose(int f) {
        double u = Math.max(0, Math.min(1, (f - 20) / 60.0));
        return new double[] {X0 + 120 * u, Y0 + 12 * u};
    }

    /** Draws the cat at {@code p} on the floor; returns the centroid of its silhouette. */
    private double[] draw(double[] p, Mat out) {
        floor.copyTo(out);
        body.setTo(new Scalar(0));
        Imgproc.ellipse(body, new Point(p[0], p[1]), new Size(55, 22), 0, 0, 360, new Scalar(255), -1);
        Imgproc.circle(body, new Point(p[0] + 55, p[1]), 16, new Scalar(255), -1);
        out.setTo(new Scalar(70, 95, 125), body);
        DrawnScene.camera(out, noise, 3, jpeg, quality);
        org.opencv.imgproc.Moments m = Imgproc.moments(body, true);
        return new double[] {m.m10 / m.m00, m.m01 / m.m00};
    }

    @Test
    void theGhostOfTheRestingCatLeavesTheBackground() {
        DrawnScene.startNoise();
        double[] err = new double[FRAMES - 120];
        List<String> worst = new ArrayList<>();
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(new FloorMap(200, List.of())))) {
            Mat frame = new Mat();
            List<Mat> seed = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                draw(pose(0), frame);
                seed.add(frame.clone());
            }
            p.seed(seed);
            SeedFrames.release(seed);
            for (int f = 0; f < FRAMES; f++) {
                double[] t = draw(pose(f), frame);
                FrameFeatures ff = p.process(frame, f, f * 1000.0 / 30);
                if (f >= 120) {
                    double e = ff.cat().visible() ? Math.hypot(ff.cat().x() - t[0], ff.cat().y() - t[1]) : 999;
                    err[f - 120] = e;
                    if (e > 4 && worst.size() < 6) {
                        worst.add(String.format("frame %d: truth (%.1f,%.1f) seen (%.1f,%.1f)", f, t[0], t[1],
                                ff.cat().x(), ff.cat().y()));
                    }
                }
            }
            frame.release();
        }
        Arrays.sort(err);
        double median = err[err.length / 2];
        assertTrue(median <= 3.0, "cat median error " + median + " px once it lies down again: " + worst);
    }
}
